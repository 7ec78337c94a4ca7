import { command, type CommandContext } from '../../../../platform/commands/command.js';
import { invalidTransition, notFound } from '../../../../platform/errors/violation.js';
import { findOrder, operationsOf, setOrderStatus, type OrderStatus, type WorkOrder } from '../work-order.repository.js';

export interface OrderTransitionSpec {
  readonly name: string;
  readonly action: string;
  readonly from: readonly OrderStatus[];
  /** The status it goes to; a function when it depends on the order (unhold returns to where it was). */
  readonly to: OrderStatus | ((order: WorkOrder, started: boolean) => OrderStatus);
  readonly reasonRequired?: boolean;
  /** What else the transition does in its transaction, after the status moved and was journaled. */
  readonly then?: (ctx: CommandContext, order: WorkOrder) => Promise<void>;
}

/** Builds one explicit status transition of a work order: guarded on the status read, journaled with from/to and the reason. */
export function orderTransition(spec: OrderTransitionSpec) {
  return command(spec.name, async (ctx, cmd: { id: string; reason?: string | undefined }) => {
    const order = await findOrder(ctx.tx, cmd.id);
    if (!order) throw notFound('work order', cmd.id);
    const started = (await operationsOf(ctx.tx, order.id)).some((o) => o.status !== 'ready');
    const to = typeof spec.to === 'function' ? spec.to(order, started) : spec.to;
    if (!spec.from.includes(order.status)) throw invalidTransition('work order', order.id, order.status, to, spec.from);
    const holdReason = to === 'on_hold' ? cmd.reason ?? null : order.status === 'on_hold' ? null : undefined;
    const set = { ...(holdReason !== undefined ? { holdReason } : {}), ...(to === 'released' && order.releasedAt === null ? { releasedAt: ctx.now } : {}) };
    if (!(await setOrderStatus(ctx.tx, order.id, order.status, to, set))) throw invalidTransition('work order', order.id, order.status, to);
    ctx.record({ action: spec.action, entity: 'work-order', entityId: order.id, data: { changes: { status: { before: order.status, after: to } } }, reason: cmd.reason ?? null });
    await spec.then?.(ctx, order);
    return { ...order, ...set, status: to, holdReason: holdReason === undefined ? order.holdReason : holdReason };
  });
}
