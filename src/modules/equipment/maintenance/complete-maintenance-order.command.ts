import { command } from '../../../platform/commands/command.js';
import { invalidTransition, notFound, refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { iso } from '../../../platform/http/time.js';
import { lockEquipment } from '../settings/equipment-settings.repository.js';
import { completeMaintenanceOrderRow, findMaintenanceOrder, findPlan, setPlanLastDone } from './maintenance.repository.js';
import { presentOrder } from './maintenance-order.present.js';

export interface CompleteMaintenanceOrder {
  readonly orderId: string;
  readonly notes: string;
  /** When the work was done; default now. Not in the future. */
  readonly performedAt?: number | undefined;
}

/**
 * Completes an open maintenance order with the technician's notes. A preventive order resets its plan: the plan
 * counts again from `performedAt`, which lifts a `MAINTENANCE_OVERDUE` interlock. Completing twice is an
 * `INVALID_TRANSITION`. Journaled as `maintenance-order.completed`.
 */
export const completeMaintenanceOrder = command('maintenance-order.complete', async (ctx, cmd: CompleteMaintenanceOrder) => {
  const order = await findMaintenanceOrder(ctx.tx, cmd.orderId);
  if (!order) throw notFound('maintenance order', cmd.orderId);
  const performedAt = cmd.performedAt ?? ctx.now;
  refuseIfAny([
    ...(performedAt > ctx.now ? [violation('INVALID_FIELD', 'performedAt lies in the future', { field: 'performedAt', details: { performedAt: iso(performedAt) } })] : []),
    ...(performedAt < order.createdAt && order.kind === 'corrective' ? [violation('INVALID_FIELD', 'performedAt lies before the order was raised', { field: 'performedAt' })] : []),
  ]);
  if (order.status !== 'open') throw invalidTransition('maintenance order', order.id, order.status, 'completed');
  await lockEquipment(ctx.tx, order.equipmentId, ctx.now);
  if (!(await completeMaintenanceOrderRow(ctx.tx, order.id, { at: performedAt, by: ctx.actor.username, notes: cmd.notes }))) {
    throw invalidTransition('maintenance order', order.id, 'completed', 'completed');
  }
  const plan = order.planCode !== null ? await findPlan(ctx.tx, order.equipmentId, order.planCode) : undefined;
  if (plan && performedAt > plan.lastDoneAt) await setPlanLastDone(ctx.tx, order.equipmentId, plan.code, performedAt, ctx.now);
  ctx.record({
    action: 'maintenance-order.completed', entity: 'maintenance-order', entityId: order.id,
    data: {
      equipmentId: order.equipmentId, kind: order.kind, planCode: order.planCode, performedAt: iso(performedAt), notes: cmd.notes,
      changes: { status: { before: 'open', after: 'completed' }, ...(plan && performedAt > plan.lastDoneAt ? { planLastDoneAt: { before: iso(plan.lastDoneAt), after: iso(performedAt) } } : {}) },
    },
  });
  return presentOrder({ ...order, status: 'completed', completedAt: performedAt, completedBy: ctx.actor.username, notes: cmd.notes });
});
