import type { CommandContext } from '../../../platform/commands/command.js';
import { iso } from '../../../platform/http/time.js';
import type { CountSource } from '../settings/equipment-settings.repository.js';
import { countMaintenanceOrders, insertMaintenanceOrder, listMaintenanceOrders, type MaintenanceOrder } from './maintenance.repository.js';
import { planStates } from './maintenance-status.query.js';

type NewOrder = Pick<MaintenanceOrder, 'kind' | 'planCode' | 'reason' | 'dueAt' | 'trigger'>;

/** Creates an open order numbered per equipment (`MO-<equipment>-<n>`) and journals `maintenance-order.created`. */
async function createOrder(ctx: CommandContext, equipmentId: string, o: NewOrder): Promise<MaintenanceOrder> {
  const n = (await countMaintenanceOrders(ctx.tx, equipmentId)) + 1;
  const order: MaintenanceOrder = {
    id: `MO-${equipmentId}-${n}`, equipmentId, ...o, status: 'open', createdAt: ctx.now, createdBy: ctx.actor.username,
    completedAt: null, completedBy: null, notes: null,
  };
  await insertMaintenanceOrder(ctx.tx, order);
  ctx.record({
    action: 'maintenance-order.created', entity: 'maintenance-order', entityId: order.id,
    data: { equipmentId, kind: order.kind, planCode: order.planCode, reason: order.reason, dueAt: iso(order.dueAt), trigger: order.trigger },
  });
  return order;
}

/**
 * Opens a preventive order for every plan of the equipment that is due or overdue at `ctx.now` and has no open
 * order yet; returns the orders created. Callers hold the equipment lock (order numbers are per equipment).
 */
export async function generateDueOrders(ctx: CommandContext, equipmentId: string, countSource: CountSource): Promise<MaintenanceOrder[]> {
  const states = (await planStates(ctx.tx, equipmentId, ctx.now, countSource)).filter((s) => s.status.status === 'due' || s.status.status === 'overdue');
  if (states.length === 0) return [];
  const open = new Set((await listMaintenanceOrders(ctx.tx, { equipmentId, status: 'open' })).filter((o) => o.kind === 'preventive').map((o) => o.planCode));
  const created: MaintenanceOrder[] = [];
  for (const { plan, status } of states) {
    if (open.has(plan.code)) continue;
    created.push(
      await createOrder(ctx, equipmentId, {
        kind: 'preventive', planCode: plan.code, reason: null, dueAt: status.dueAt,
        trigger: { status: status.status, basis: status.basis, interval: status.interval, used: status.used, remaining: status.remaining },
      }),
    );
  }
  return created;
}

/**
 * Opens a corrective order for a breakdown, unless the equipment already has an open corrective order (a machine
 * repeating its `down` report is one breakdown, one repair). Returns the order created, or null.
 */
export async function raiseCorrectiveOrder(ctx: CommandContext, equipmentId: string, stop: { reason: string | null; at: number }): Promise<MaintenanceOrder | null> {
  const open = await listMaintenanceOrders(ctx.tx, { equipmentId, status: 'open' });
  if (open.some((o) => o.kind === 'corrective')) return null;
  return createOrder(ctx, equipmentId, { kind: 'corrective', planCode: null, reason: stop.reason, dueAt: null, trigger: { state: 'down', reason: stop.reason, since: iso(stop.at) } });
}
