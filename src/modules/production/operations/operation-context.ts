import type { CommandContext } from '../../../platform/commands/command.js';
import { notFound } from '../../../platform/errors/violation.js';
import { qualificationsOf, type Qualification } from '../../resources/index.js';
import { bomOf, findOrder, lockOrder, operationsOf, type Operation, type OrderBomLine, type WorkOrder } from '../work-orders/work-order.repository.js';

/** What the execution rules need about one operation: it, its order, its siblings, the BOM, the actor's qualifications. */
export interface OperationContext {
  readonly op: Operation;
  readonly order: WorkOrder;
  readonly ops: readonly Operation[];
  readonly bom: readonly OrderBomLine[];
  readonly qualifications: readonly Qualification[];
}

/** Loads the operation's context through the repositories; 404 when the operation does not exist. */
export async function loadOperationContext(ctx: CommandContext, operationId: string): Promise<OperationContext> {
  const opRow = await ctx.tx.selectFrom('operations').select('work_order_id').where('id', '=', operationId).executeTakeFirst();
  if (!opRow) throw notFound('operation', operationId);
  await lockOrder(ctx.tx, opRow.work_order_id);
  const order = await findOrder(ctx.tx, opRow.work_order_id);
  if (!order) throw notFound('work order', opRow.work_order_id);
  const ops = await operationsOf(ctx.tx, order.id);
  const op = ops.find((o) => o.id === operationId);
  if (!op) throw notFound('operation', operationId);
  return { op, order, ops, bom: await bomOf(ctx.tx, order.id), qualifications: await qualificationsOf(ctx.tx, ctx.actor.username) };
}

/** The last operation of the order (by step number): its good output is the order's. */
export function isLast(op: Operation, ops: readonly Operation[]): boolean {
  return ops.every((o) => o.seq <= op.seq);
}
