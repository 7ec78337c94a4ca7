import { command, type CommandContext } from '../../../../platform/commands/command.js';
import { notFound } from '../../../../platform/errors/violation.js';
import { findOrder, setOrderPriority, type WorkOrder } from '../work-order.repository.js';

/** Sets an order's priority and journals the change (before and after, the reason, and what else the caller says). */
export async function applyPriority(ctx: CommandContext, order: WorkOrder, priority: number, reason: string | null, data: Record<string, unknown> = {}): Promise<WorkOrder> {
  await setOrderPriority(ctx.tx, order.id, priority);
  ctx.record({ action: 'work-order.reprioritized', entity: 'work-order', entityId: order.id, data: { changes: { priority: { before: order.priority, after: priority } }, ...data }, reason });
  return { ...order, priority };
}

/** A supervisor reorders the dispatch lists: higher priority comes first. */
export const reprioritizeWorkOrder = command('work-order.prioritize', async (ctx, cmd: { id: string; priority: number; reason?: string | undefined }) => {
  const order = await findOrder(ctx.tx, cmd.id);
  if (!order) throw notFound('work order', cmd.id);
  return applyPriority(ctx, order, cmd.priority, cmd.reason ?? null);
});
