import { command } from '../../../platform/commands/command.js';
import { refuseIfAny, violation } from '../../../platform/errors/violation.js';
import type { OperationStatus } from '../work-orders/work-order.repository.js';
import { orderRunnable } from './execution.rules.js';
import { loadOperationContext } from './operation-context.js';
import { runningOn, setOperationStatus } from './operation.repository.js';

function pauseOrResume(name: string, from: OperationStatus, to: OperationStatus, action: string) {
  return command(name, async (ctx, cmd: { operationId: string; reason?: string | undefined }) => {
    const c = await loadOperationContext(ctx, cmd.operationId);
    const busy = to === 'running' && c.op.equipmentId ? (await runningOn(ctx.tx, c.op.equipmentId)).filter((o) => o.id !== c.op.id) : [];
    refuseIfAny([
      ...(c.op.status !== from ? [violation('INVALID_TRANSITION', `operation ${c.op.seq} is ${c.op.status}, cannot go to ${to}`, { details: { operationId: c.op.id, from: c.op.status, to } })] : []),
      ...(to === 'running' ? orderRunnable(c.order) : []),
      ...busy.map((o) => violation('EQUIPMENT_UNAVAILABLE', `equipment '${c.op.equipmentId}' is running operation ${o.id}`, { details: { equipmentId: c.op.equipmentId, busyWith: [o.id] } })),
    ]);
    if (!(await setOperationStatus(ctx.tx, c.op.id, from, to))) {
      refuseIfAny([violation('INVALID_TRANSITION', `operation ${c.op.seq} changed meanwhile`, { details: { operationId: c.op.id, from, to } })]);
    }
    ctx.record({ action, entity: 'operation', entityId: c.op.id, data: { workOrderId: c.order.id, changes: { status: { before: from, after: to } } }, reason: cmd.reason ?? null });
    return { ...c.op, status: to };
  });
}

/** Pauses a running operation (the equipment is free for another one meanwhile). */
export const pauseOperation = pauseOrResume('operation.pause', 'running', 'paused', 'operation.paused');
/** Resumes a paused operation on its equipment, if the order may run and the equipment is free. */
export const resumeOperation = pauseOrResume('operation.resume', 'paused', 'running', 'operation.resumed');
