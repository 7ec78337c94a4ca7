import { violation, type Violation } from '../../../platform/errors/violation.js';
import type { AndonCall, AndonKind } from './andon-call.js';

/** What a raise is checked against, as loaded: each reference as found (undefined: not found), null when not given. */
export interface RaiseContext {
  readonly workCenterId: string;
  readonly kind: AndonKind;
  /** The node named by workCenterId, with its level. */
  readonly workCenter: { readonly level: string } | undefined;
  readonly equipmentId: string | null;
  readonly equipment: { readonly level: string; readonly workCenterId: string | null; readonly parentId: string | null } | undefined;
  readonly operationId: string | null;
  readonly operation: { readonly workCenterId: string; readonly workOrderId: string } | undefined;
  /** The active call of the same kind at the work center, if there is one. */
  readonly active: AndonCall | undefined;
}

/** Unknown references, each named by its field (404): a call at a place that does not exist says nothing. */
export function raiseReferences(c: RaiseContext): Violation[] {
  const missing = (kind: string, id: string, field: string) => violation('NOT_FOUND', `${kind} '${id}' does not exist`, { field, details: { kind, id } });
  return [
    ...(c.workCenter?.level === 'work_center' ? [] : [missing('work center', c.workCenterId, 'workCenterId')]),
    ...(c.equipmentId !== null && !c.equipment ? [missing('equipment', c.equipmentId, 'equipmentId')] : []),
    ...(c.operationId !== null && !c.operation ? [missing('operation', c.operationId, 'operationId')] : []),
  ];
}

/**
 * A call is raised where it is named: the equipment and the operation belong to the work center, and the work center
 * has no active call of the same kind yet (a second press of the same button is not a second problem).
 */
export function raiseAllowed(c: RaiseContext): Violation[] {
  const eq = c.equipment;
  const eqHere = eq !== undefined && eq.level === 'equipment' && (eq.workCenterId === c.workCenterId || eq.parentId === c.workCenterId);
  const op = c.operation;
  return [
    ...(c.equipmentId !== null && eq !== undefined && !eqHere
      ? [violation('EQUIPMENT_NOT_IN_WORK_CENTER', `'${c.equipmentId}' is not equipment of work center '${c.workCenterId}'`, { field: 'equipmentId', details: { equipmentId: c.equipmentId, workCenterId: c.workCenterId } })]
      : []),
    ...(c.operationId !== null && op !== undefined && op.workCenterId !== c.workCenterId
      ? [violation('OPERATION_NOT_IN_WORK_CENTER', `operation '${c.operationId}' runs at '${op.workCenterId}', not at '${c.workCenterId}'`, { field: 'operationId', details: { operationId: c.operationId, workCenterId: c.workCenterId, actual: op.workCenterId } })]
      : []),
    ...(c.active
      ? [violation('ANDON_CALL_ACTIVE', `work center '${c.workCenterId}' already has an active ${c.kind} call (${c.active.id}, ${c.active.status})`, { field: 'kind', details: { callId: c.active.id, workCenterId: c.workCenterId, kind: c.kind, status: c.active.status } })]
      : []),
  ];
}
