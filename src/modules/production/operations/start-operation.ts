import { command } from '../../../platform/commands/command.js';
import { refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { equipmentInterlocks } from '../../equipment/index.js';
import { readTogether } from '../../../platform/store/read-together.js';
import { nodeRead } from '../../resources/index.js';
import { setOrderStatus } from '../work-orders/work-order.repository.js';
import { equipmentFits, orderRunnable, personQualified, sequenceAllows } from './execution.rules.js';
import { loadOperationContext } from './operation-context.js';
import { runningOnRead, setOperationStatus } from './operation.repository.js';

export interface StartOperation {
  readonly operationId: string;
  readonly equipmentId: string;
}

/**
 * Starts an operation on a piece of equipment. Refused, with every reason, when the order cannot run, an earlier
 * step is open, the equipment is of another work center or unavailable, or the person lacks the qualification.
 */
export const startOperation = command('operation.start', async (ctx, cmd: StartOperation) => {
  const c = await loadOperationContext(ctx, cmd.operationId);
  const [node, running] = await readTogether(ctx.tx, [nodeRead(cmd.equipmentId), runningOnRead(cmd.equipmentId)]);
  const busy = node ? running.map((o) => o.id) : [];
  refuseIfAny([
    ...(c.op.status !== 'ready'
      ? [violation('INVALID_TRANSITION', `operation ${c.op.seq} is ${c.op.status}; only a ready operation starts${c.op.status === 'paused' ? ' (resume it instead)' : ''}`, { details: { operationId: c.op.id, from: c.op.status, to: 'running' } })]
      : []),
    ...orderRunnable(c.order),
    ...sequenceAllows(c.op, c.ops),
    ...equipmentFits(c.op, {
      id: cmd.equipmentId, exists: node !== undefined, level: node?.level ?? null, workCenterId: node?.workCenterId ?? null,
      available: node?.available ?? false, busyWith: busy, interlocks: await equipmentInterlocks(ctx.tx, cmd.equipmentId, ctx.now),
    }),
    ...personQualified(c.op, ctx.actor.username, c.qualifications, ctx.now),
  ]);
  if (!(await setOperationStatus(ctx.tx, c.op.id, 'ready', 'running', { equipmentId: cmd.equipmentId, startedAt: ctx.now, startedBy: ctx.actor.username }))) {
    refuseIfAny([violation('INVALID_TRANSITION', `operation ${c.op.seq} changed meanwhile`, { details: { operationId: c.op.id, from: 'ready', to: 'running' } })]);
  }
  ctx.record({ action: 'operation.started', entity: 'operation', entityId: c.op.id, data: { workOrderId: c.order.id, seq: c.op.seq, equipmentId: cmd.equipmentId, workCenterId: c.op.workCenterId, changes: { status: { before: 'ready', after: 'running' } } } });
  if (c.order.status === 'released') {
    await setOrderStatus(ctx.tx, c.order.id, 'released', 'in_progress');
    ctx.record({ action: 'work-order.started', entity: 'work-order', entityId: c.order.id, data: { changes: { status: { before: 'released', after: 'in_progress' } } } });
  }
  return { ...c.op, status: 'running' as const, equipmentId: cmd.equipmentId, startedAt: ctx.now, startedBy: ctx.actor.username };
});
