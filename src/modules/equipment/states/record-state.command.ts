import { command } from '../../../platform/commands/command.js';
import { Refusal } from '../../../platform/errors/violation.js';
import { iso } from '../../../platform/http/time.js';
import { applyStateEvent, parseStateEvent, type StateInterval } from '../domain/index.js';
import { findReason } from '../downtime/downtime-reason.repository.js';
import { generateDueOrders, raiseCorrectiveOrder } from '../maintenance/maintenance-orders.generator.js';
import { presentOrder } from '../maintenance/maintenance-order.present.js';
import { bumpHistoryRevision, lockEquipment } from '../settings/equipment-settings.repository.js';
import { requireEquipment } from '../shared/equipment-node.js';
import { applyHistoryChange, lastInterval, sliceFor } from './equipment-state.repository.js';

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
 * the interval they fall into is cut and later intervals are kept (see `applyStateEvent`); the same event sent
 * again changes nothing; the same state at the same `at` with another reason replaces it (how a reason is given to
 * a stop reported without one). Refused with every bad field: unknown state, a missing reason where the equipment's
 * settings require one (none by default), `at` before 2000-01-01 or further in the future than the tolerated clock
 * skew (5 s).
 *
 * Journaled as `equipment.state-changed`. A `down` raises a corrective maintenance order when asked to or when its
 * reason says so; due preventive plans of the equipment open their orders too.
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
  const changed = change.added.length > 0 || change.removed.length > 0;
  if (changed) {
    await applyHistoryChange(ctx.tx, cmd.equipmentId, change, { at: ctx.now, by: ctx.actor.username });
    // A late event rewrites a past that day accounts may summarise already.
    if (late) await bumpHistoryRevision(ctx.tx, cmd.equipmentId, ctx.now);
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
  if (changed && event.state === 'down') {
    const raises = cmd.raiseMaintenanceOrder === true || (event.reason !== null && (await findReason(ctx.tx, event.reason))?.raisesMaintenanceOrder === true);
    const corrective = raises ? await raiseCorrectiveOrder(ctx, cmd.equipmentId, event) : null;
    if (corrective) orders.push(corrective);
  }
  orders.push(...(await generateDueOrders(ctx, cmd.equipmentId, settings.countSource)));
  const current = await lastInterval(ctx.tx, cmd.equipmentId);
  return {
    equipmentId: cmd.equipmentId, state: event.state, reason: event.reason, at: iso(event.at), late, changed,
    current: current ? presentInterval(current) : null,
    maintenanceOrders: orders.map(presentOrder),
  };
});
