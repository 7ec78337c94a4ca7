import { command } from '../../../platform/commands/command.js';
import { Refusal } from '../../../platform/errors/violation.js';
import { iso } from '../../../platform/http/time.js';
import { applyStateEvent, parseStateEvent, sameState, type StateInterval } from '../domain/index.js';
import { findReason } from '../downtime/downtime-reason.repository.js';
import { generateDueOrders, raiseCorrectiveOrder } from '../maintenance/maintenance-orders.generator.js';
import { presentOrder } from '../maintenance/maintenance-order.present.js';
import { bumpHistoryRevision, lockEquipment } from '../settings/equipment-settings.repository.js';
import { requireEquipment } from '../shared/equipment-node.js';
import { applyHistoryChange, currentStretch, sliceFor } from './equipment-state.repository.js';

export interface RecordState {
  readonly equipmentId: string;
  readonly state: string;
  readonly reason?: string | null | undefined;
  /** When the state began; default now. May lie in the past (a late event re-cuts the history). */
  readonly at?: number | undefined;
  /** With `down`: open a corrective maintenance order (also when the reason says so). */
  readonly raiseMaintenanceOrder?: boolean | undefined;
}

/** An interval as the API answers it. */
export function presentInterval(iv: StateInterval) {
  return { state: iv.state, reason: iv.reason, from: iso(iv.from), to: iso(iv.to) };
}

/**
 * Records that from `at` on the equipment is in `state` (with `reason`). Late events are inserted in time order:
 * the interval they fall into is cut and later intervals are kept (see `applyStateEvent`); the same state at the
 * same `at` with another reason replaces it (how a reason is given to a stop reported without one).
 * An event reporting the state already in force at its `at` (same state, same reason: a machine re-sending its
 * state after a reconnect, the same event sent twice) is accepted and is no change: the answer says
 * `changed: false`, no state change is journaled, and a reason does not raise its corrective maintenance order
 * again (`raiseMaintenanceOrder: true` still asks for one, for the stop in force). The interval in force is still
 * cut at its `at` (unless an interval starts there already): a late event arriving afterwards stops at it, so the
 * history does not depend on the order events arrive in.
 * Refused with every bad field: unknown state, a missing reason where the equipment's settings require one (none
 * by default), `at` before 2000-01-01 or further in the future than the tolerated clock skew (5 s).
 *
 * A change is journaled as `equipment.state-changed`. A `down` raises a corrective maintenance order when asked to or
 * when its reason says so; due preventive plans of the equipment open their orders too.
 */
export const recordState = command('equipment.state', async (ctx, cmd: RecordState) => {
  await requireEquipment(ctx.tx, cmd.equipmentId);
  const settings = await lockEquipment(ctx.tx, cmd.equipmentId, ctx.now);
  const parsed = parseStateEvent(
    { state: cmd.state, reason: cmd.reason ?? null, at: cmd.at ?? ctx.now },
    { now: ctx.now, reasonRequiredFor: settings.reasonRequiredFor },
  );
  if (!parsed.ok) throw new Refusal(parsed.problems);
  const event = parsed.value;
  const slice = await sliceFor(ctx.tx, cmd.equipmentId, event.at);
  const change = applyStateEvent(slice, event);
  const previous = slice.find((iv) => iv.from <= event.at && (iv.to === null || iv.to > event.at)) ?? null;
  const late = slice.length > 0 && (previous === null || previous.to !== null);
  // The state in force at `at` already: kept as a boundary (a late event arriving later must stop at it, see
  // `applyStateEvent`), but the equipment's state did not change, so nothing is journaled and no repair is raised.
  const repeat = previous !== null && sameState(previous, event);
  const written = change.added.length > 0 || change.removed.length > 0;
  const changed = written && !repeat;
  if (written) {
    await applyHistoryChange(ctx.tx, cmd.equipmentId, change, { at: ctx.now, by: ctx.actor.username });
    // A late event rewrites a past that day accounts may summarise already.
    if (late) await bumpHistoryRevision(ctx.tx, cmd.equipmentId, ctx.now);
  }
  if (changed) {
    ctx.record({
      action: 'equipment.state-changed', entity: 'equipment', entityId: cmd.equipmentId,
      data: {
        state: event.state, reason: event.reason, at: iso(event.at), late,
        previous: previous ? { state: previous.state, reason: previous.reason, from: iso(previous.from) } : null,
        intervals: change.added.map(presentInterval),
      },
    });
  }
  const orders = [];
  if (event.state === 'down') {
    // A reason raises the repair when the stop begins; a re-sent stop is the same breakdown. Asking explicitly
    // still works on a stop already recorded (one open repair per equipment all the same).
    const raises = cmd.raiseMaintenanceOrder === true || (changed && event.reason !== null && (await findReason(ctx.tx, event.reason))?.raisesMaintenanceOrder === true);
    const stop = changed || previous === null ? event : { reason: event.reason, at: previous.from };
    const corrective = raises ? await raiseCorrectiveOrder(ctx, cmd.equipmentId, stop) : null;
    if (corrective) orders.push(corrective);
  }
  orders.push(...(await generateDueOrders(ctx, cmd.equipmentId, settings.countSource)));
  const current = await currentStretch(ctx.tx, cmd.equipmentId);
  return {
    equipmentId: cmd.equipmentId, state: event.state, reason: event.reason, at: iso(event.at), late, changed,
    current: current ? presentInterval(current) : null,
    maintenanceOrders: orders.map(presentOrder),
  };
});
