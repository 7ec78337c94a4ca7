import { command } from '../../../platform/commands/command.js';
import { Refusal, notFound, violation } from '../../../platform/errors/violation.js';
import { findNode } from '../../resources/index.js';
import { applyPriority } from '../work-orders/transitions/reprioritize-work-order.js';
import { findOrder, lockOrder } from '../work-orders/work-order.repository.js';
import { dispatchEntries, type DispatchItem } from './dispatch-list.query.js';
import { MOVABLE_MAX, PRIORITY_MAX, PRIORITY_MIN, inRange, planDispatchMove } from './dispatch-move.js';

export interface MoveInDispatchList {
  readonly workCenterId: string;
  readonly workOrderId: string;
  /** 0 = first among the orders waiting at the work center (running and paused operations stay above them). */
  readonly position: number;
  readonly reason?: string | undefined;
}

/**
 * A supervisor moves an order to a place in a work center's dispatch list: the priorities that make it so (of the
 * moved order, and of the orders above it when no priority fits between its new neighbours) change in this one
 * transaction, each journaled as the priority command journals it. Answers the list as it now reads.
 */
export const moveInDispatchList = command('dispatch-list.move', async (ctx, cmd: MoveInDispatchList): Promise<{ workCenterId: string; items: DispatchItem[] }> => {
  const node = await findNode(ctx.tx, cmd.workCenterId);
  if (node?.level !== 'work_center') throw notFound('work center', cmd.workCenterId);
  // Lock the list's orders (in id order, so two moves never deadlock) before planning: concurrent moves queue up.
  const seen = await dispatchEntries(ctx.tx, cmd.workCenterId);
  for (const id of [...new Set(seen.map((e) => e.item.workOrderId))].sort()) await lockOrder(ctx.tx, id);
  const entries = await dispatchEntries(ctx.tx, cmd.workCenterId);
  const changes = planDispatchMove(entries.map((e) => e.key), cmd.workOrderId, cmd.position);
  if (changes === null) {
    if (!(await findOrder(ctx.tx, cmd.workOrderId))) throw notFound('work order', cmd.workOrderId, 'workOrderId');
    throw new Refusal([
      violation('NOT_IN_DISPATCH_LIST', `work order '${cmd.workOrderId}' has no waiting operation at work center '${cmd.workCenterId}'`, {
        field: 'workOrderId', details: { workOrderId: cmd.workOrderId, workCenterId: cmd.workCenterId },
      }),
    ]);
  }
  if (!changes.every((c) => inRange(c.priority))) {
    throw new Refusal([
      violation('DISPATCH_LIST_FULL', `work center '${cmd.workCenterId}' has more waiting orders than priorities from ${PRIORITY_MIN} to ${PRIORITY_MAX} can order`, {
        field: 'position', details: { workCenterId: cmd.workCenterId, max: MOVABLE_MAX },
      }),
    ]);
  }
  for (const change of changes) {
    const order = await findOrder(ctx.tx, change.id);
    if (order) await applyPriority(ctx, order, change.priority, cmd.reason ?? null, { workCenterId: cmd.workCenterId, movedOrder: cmd.workOrderId, position: cmd.position });
  }
  return { workCenterId: cmd.workCenterId, items: (await dispatchEntries(ctx.tx, cmd.workCenterId)).map((e) => e.item) };
});
