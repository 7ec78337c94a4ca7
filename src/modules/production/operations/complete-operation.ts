import { command } from '../../../platform/commands/command.js';
import { refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { checkSignatures, type Signing } from '../../compliance/signatures/index.js';
import { missingInspections, undecidedOutOfSpec } from '../../quality/index.js';
import { clockOffEveryone } from '../labour/clock-on-off.js';
import { setOrderStatus } from '../work-orders/work-order.repository.js';
import { orderRunnable, personQualified } from './execution.rules.js';
import { loadOperationContext } from './operation-context.js';
import { setOperationStatus } from './operation.repository.js';

/**
 * Completes a running (or paused) operation once every earlier one is completed; completing the last open
 * operation completes the order. A step the routing marks critical needs the `responsible` signature of the person
 * completing it (and a witness when the `operation.complete-critical` policy says so), bound to what it reports.
 * Everyone still clocked on the operation is clocked off with it.
 */
export const completeOperation = command('operation.complete', async (ctx, cmd: { operationId: string } & Signing) => {
  const c = await loadOperationContext(ctx, cmd.operationId);
  const openBefore = c.ops.filter((o) => o.seq < c.op.seq && o.status !== 'completed');
  const inspectionsMissing = await missingInspections(ctx.tx, c.op);
  const outOfSpec = await undecidedOutOfSpec(ctx.tx, c.op.id);
  const signed = c.op.critical
    ? await checkSignatures(ctx, {
      action: 'operation.complete-critical', entity: 'operation', entityId: c.op.id, signing: cmd,
      content: { workOrderId: c.order.id, seq: c.op.seq, name: c.op.name, equipmentId: c.op.equipmentId, good: c.op.good, scrap: c.op.scrap },
    })
    : null;
  refuseIfAny([
    ...(c.op.status === 'ready' ? [violation('OPERATION_NOT_RUNNING', `operation ${c.op.seq} was never started`, { details: { operationId: c.op.id, status: c.op.status } })] : []),
    ...(c.op.status === 'completed' ? [violation('INVALID_TRANSITION', `operation ${c.op.seq} is already completed`, { details: { operationId: c.op.id, from: 'completed', to: 'completed' } })] : []),
    ...orderRunnable(c.order),
    ...(openBefore.length > 0
      ? [violation('OPERATION_SEQUENCE', `operation ${c.op.seq} cannot complete before ${openBefore.map((o) => o.seq).join(', ')}`, { details: { operationId: c.op.id, waitingFor: openBefore.map((o) => o.id) } })]
      : []),
    ...personQualified(c.op, ctx.actor.username, c.qualifications, ctx.now),
    ...inspectionsMissing,
    ...outOfSpec,
    ...(signed?.violations ?? []),
  ]);
  await signed?.apply();
  const from = c.op.status;
  if (!(await setOperationStatus(ctx.tx, c.op.id, from, 'completed', { completedAt: ctx.now, completedBy: ctx.actor.username }))) {
    refuseIfAny([violation('INVALID_TRANSITION', `operation ${c.op.seq} changed meanwhile`, { details: { operationId: c.op.id, from, to: 'completed' } })]);
  }
  await clockOffEveryone(ctx, { operationId: c.op.id }, 'operation.completed');
  ctx.record({ action: 'operation.completed', entity: 'operation', entityId: c.op.id, data: { workOrderId: c.order.id, seq: c.op.seq, good: c.op.good, scrap: c.op.scrap, equipmentId: c.op.equipmentId, changes: { status: { before: from, after: 'completed' } } } });
  const orderDone = c.ops.every((o) => o.id === c.op.id || o.status === 'completed');
  if (orderDone) {
    await setOrderStatus(ctx.tx, c.order.id, c.order.status, 'completed', { completedAt: ctx.now });
    ctx.record({ action: 'work-order.completed', entity: 'work-order', entityId: c.order.id, data: { materialId: c.order.materialId, quantity: c.order.quantity, good: c.order.good, scrap: c.order.scrap, changes: { status: { before: c.order.status, after: 'completed' } } } });
  }
  return { ...c.op, status: 'completed' as const, completedAt: ctx.now, completedBy: ctx.actor.username, orderStatus: orderDone ? 'completed' : c.order.status };
});
