import { command } from '../../../platform/commands/command.js';
import { refuseIfAny } from '../../../platform/errors/violation.js';
import { addOrderQuantities } from '../work-orders/work-order.repository.js';
import { operationRunning, orderRunnable, personQualified, withinOrderQuantity } from './execution.rules.js';
import { isLast, loadOperationContext } from './operation-context.js';
import { addOperationQuantities, insertReport } from './operation.repository.js';

export interface ReportQuantities {
  readonly operationId: string;
  readonly good: number;
  readonly scrap: number;
  readonly scrapReason?: string | undefined;
}

/** Reports good and scrap (with its reason) in one action; the last operation's good is the order's output. */
export const reportQuantities = command('operation.report', async (ctx, cmd: ReportQuantities) => {
  const c = await loadOperationContext(ctx, cmd.operationId);
  refuseIfAny([
    ...orderRunnable(c.order),
    ...operationRunning(c.op),
    ...personQualified(c.op, ctx.actor.username, c.qualifications, ctx.now),
    ...withinOrderQuantity(c.order, c.op.good, cmd.good),
  ]);
  await addOperationQuantities(ctx.tx, c.op.id, cmd.good, cmd.scrap);
  const last = isLast(c.op, c.ops);
  if (last) await addOrderQuantities(ctx.tx, c.order.id, cmd.good, cmd.scrap);
  await insertReport(ctx.tx, { operationId: c.op.id, good: cmd.good, scrap: cmd.scrap, scrapReason: cmd.scrapReason ?? null, at: ctx.now, actor: ctx.actor.username });
  ctx.record({
    action: 'operation.reported', entity: 'operation', entityId: c.op.id,
    data: { workOrderId: c.order.id, good: cmd.good, scrap: cmd.scrap, scrapReason: cmd.scrapReason ?? null, equipmentId: c.op.equipmentId, changes: { good: { before: c.op.good, after: c.op.good + cmd.good }, scrap: { before: c.op.scrap, after: c.op.scrap + cmd.scrap } } },
  });
  return { ...c.op, good: c.op.good + cmd.good, scrap: c.op.scrap + cmd.scrap, orderGood: last ? c.order.good + cmd.good : c.order.good };
});
