import type { CommandContext } from '../../../platform/commands/command.js';
import { notFound } from '../../../platform/errors/violation.js';
import { qualificationsOf, type Qualification } from '../../resources/index.js';
import { lockOrderOfOperation, operationsOf, type Operation, type WorkOrder } from '../work-orders/work-order.repository.js';

/** What the execution rules need about one operation: it, its order, its siblings, the actor's qualifications. */
export interface OperationContext {
  readonly op: Operation;
  readonly order: WorkOrder;
  readonly ops: readonly Operation[];
  readonly qualifications: readonly Qualification[];
}

/** Loads the operation's context through the repositories, the order's row lock first; 404 when the operation does not exist. */
export async function loadOperationContext(ctx: CommandContext, operationId: string): Promise<OperationContext> {
  const order = await lockOrderOfOperation(ctx.tx, operationId);
  if (!order) throw notFound('operation', operationId);
  const ops = await operationsOf(ctx.tx, order.id);
  const op = ops.find((o) => o.id === operationId);
  if (!op) throw notFound('operation', operationId);
  // The rules look at the actor's qualifications only for an operation that asks for one.
  const qualifications = op.qualification === null ? [] : await qualificationsOf(ctx.tx, ctx.actor.username);
  return { op, order, ops, qualifications };
}

/** The last operation of the order (by step number): its good output is the order's. */
export function isLast(op: Operation, ops: readonly Operation[]): boolean {
  return ops.every((o) => o.seq <= op.seq);
}
