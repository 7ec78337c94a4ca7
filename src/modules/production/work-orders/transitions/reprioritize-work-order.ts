import { command } from '../../../../platform/commands/command.js';
import { notFound } from '../../../../platform/errors/violation.js';
import { findOrder, setOrderPriority } from '../work-order.repository.js';

/** A supervisor reorders the dispatch lists: higher priority comes first. */
export const reprioritizeWorkOrder = command('work-order.prioritize', async (ctx, cmd: { id: string; priority: number; reason?: string | undefined }) => {
  const order = await findOrder(ctx.tx, cmd.id);
  if (!order) throw notFound('work order', cmd.id);
  await setOrderPriority(ctx.tx, order.id, cmd.priority);
  ctx.record({ action: 'work-order.reprioritized', entity: 'work-order', entityId: order.id, data: { changes: { priority: { before: order.priority, after: cmd.priority } } }, reason: cmd.reason ?? null });
  return { ...order, priority: cmd.priority };
});
