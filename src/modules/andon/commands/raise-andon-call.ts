import { command } from '../../../platform/commands/command.js';
import { Refusal, refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { isUniqueViolation } from '../../../platform/store/database.js';
import { findOperation } from '../../production/index.js';
import { findNode } from '../../resources/index.js';
import type { AndonCall, AndonKind } from '../domain/andon-call.js';
import { raiseAllowed, raiseReferences, type RaiseContext } from '../domain/andon-call.rules.js';
import { activeCall, insertCall } from '../andon-call.repository.js';
import { recordCall } from './andon-journal.js';

export interface RaiseAndonCall {
  readonly workCenterId: string;
  readonly kind: AndonKind;
  readonly equipmentId?: string | null | undefined;
  readonly operationId?: string | null | undefined;
  readonly note?: string | null | undefined;
}

/**
 * Raises an andon call at a work center (optionally naming the equipment and the operation, whose order it takes),
 * journaled as `andon-call.raised`. Refused with every reason at once: unknown references (404), equipment or an
 * operation of another work center, or an active call of the same kind there already (ANDON_CALL_ACTIVE).
 */
export const raiseAndonCall = command('andon-call.raise', async (ctx, cmd: RaiseAndonCall): Promise<AndonCall> => {
  const equipmentId = cmd.equipmentId ?? null;
  const operationId = cmd.operationId ?? null;
  const operation = operationId === null ? undefined : await findOperation(ctx.tx, operationId);
  const context: RaiseContext = {
    workCenterId: cmd.workCenterId, kind: cmd.kind, workCenter: await findNode(ctx.tx, cmd.workCenterId),
    equipmentId, equipment: equipmentId === null ? undefined : await findNode(ctx.tx, equipmentId),
    operationId, operation, active: await activeCall(ctx.tx, cmd.workCenterId, cmd.kind),
  };
  refuseIfAny([...raiseReferences(context), ...raiseAllowed(context)]);
  let call: AndonCall;
  try {
    call = await insertCall(ctx.tx, {
      workCenterId: cmd.workCenterId, kind: cmd.kind, equipmentId, operationId, workOrderId: operation?.workOrderId ?? null,
      note: cmd.note ?? null, raisedAt: ctx.now, raisedBy: ctx.actor.username,
    });
  } catch (error) {
    // Another raise of the same kind at the same work center committed between our read and our insert.
    if (isUniqueViolation(error)) {
      throw new Refusal([violation('ANDON_CALL_ACTIVE', `work center '${cmd.workCenterId}' already has an active ${cmd.kind} call`, { field: 'kind', details: { workCenterId: cmd.workCenterId, kind: cmd.kind } })]);
    }
    throw error;
  }
  recordCall(ctx, 'andon-call.raised', null, call, null);
  return call;
});
