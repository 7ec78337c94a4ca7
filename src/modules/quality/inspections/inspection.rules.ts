import { violation, type Violation } from '../../../platform/errors/violation.js';
import type { Characteristic } from '../../product/index.js';
import type { Operation, WorkOrder } from '../../production/index.js';
import { BOUND_MESSAGE, withinBound } from '../domain/spc/index.js';

/** What an inspection brings: measured values for a variable characteristic, a verdict for an attribute one. */
export interface InspectionInput {
  readonly values?: readonly number[] | undefined;
  readonly pass?: boolean | undefined;
}

/** One judged unit: the measured value (null for an attribute verdict) and whether it is within specification. */
export interface JudgedResult {
  readonly value: number | null;
  readonly inSpec: boolean;
}

/**
 * The request problems of an inspection against its characteristic (each an INVALID_FIELD naming the field):
 * a variable characteristic takes `values` and no `pass`, an attribute one `pass` and no `values`; every value
 * finite and of magnitude at most MAX_MAGNITUDE (1e12): NaN, ±Infinity and values no gauge reads are refused, never
 * judged, so that every chart of the results stays finite.
 */
export function inspectionInputProblems(ch: Characteristic, input: InspectionInput): Violation[] {
  const bad = (field: string, message: string) => violation('INVALID_FIELD', message, { field, details: { characteristic: ch.code, type: ch.type } });
  if (ch.type === 'variable') {
    return [
      ...(input.pass !== undefined ? [bad('pass', `characteristic '${ch.code}' is measured: send values, not pass`)] : []),
      ...(input.values === undefined || input.values.length === 0 ? [bad('values', `characteristic '${ch.code}' is measured: send at least one value`)] : []),
      ...(input.values ?? []).flatMap((v, i) => (withinBound(v) ? [] : [bad(`values[${i}]`, BOUND_MESSAGE)])),
    ];
  }
  return [
    ...(input.values !== undefined ? [bad('values', `characteristic '${ch.code}' is judged pass/fail: send pass, not values`)] : []),
    ...(input.pass === undefined ? [bad('pass', `characteristic '${ch.code}' is judged pass/fail: send pass`)] : []),
  ];
}

/** A judged unit as the API answers it and the journal keeps it: the measured value, or the verdict of an attribute. */
export type UnitRecord = { readonly value: number | null; readonly inSpec: boolean } | { readonly pass: boolean; readonly inSpec: boolean };

/** One judged unit as a record: `{value, inSpec}` for a measured characteristic, `{pass, inSpec}` for an attribute one. */
export function unitRecord(type: 'variable' | 'attribute', r: JudgedResult): UnitRecord {
  return type === 'variable' ? { value: r.value, inSpec: r.inSpec } : { pass: r.inSpec, inSpec: r.inSpec };
}

/** A value is within specification when it lies inside [lsl, usl], limits included; a missing limit does not bound. */
export function withinSpec(ch: Pick<Characteristic, 'lsl' | 'usl'>, value: number): boolean {
  return (ch.lsl === undefined || value >= ch.lsl) && (ch.usl === undefined || value <= ch.usl);
}

/** Judges every unit of an inspection (expects an input without problems): one result per value, or one verdict. */
export function judge(ch: Characteristic, input: InspectionInput): JudgedResult[] {
  if (ch.type === 'variable') return (input.values ?? []).map((value) => ({ value, inSpec: withinSpec(ch, value) }));
  return [{ value: null, inSpec: input.pass === true }];
}

/**
 * An inspection can be recorded once its operation has started (there is something to inspect) on an order that
 * is not cancelled or closed. A held order, and a completed operation or order (late laboratory results), still
 * take results: a result is a fact, and refusing it would lose it.
 */
export function inspectionAllowed(order: Pick<WorkOrder, 'id' | 'status'>, op: Pick<Operation, 'id' | 'seq' | 'status'>): Violation[] {
  const d = { workOrderId: order.id, status: order.status };
  return [
    ...(order.status === 'created' ? [violation('ORDER_NOT_RELEASED', `work order '${order.id}' is not released yet`, { details: d })] : []),
    ...(order.status === 'cancelled' || order.status === 'closed' ? [violation('ORDER_CLOSED', `work order '${order.id}' is ${order.status}`, { details: d })] : []),
    ...(op.status === 'ready'
      ? [violation('OPERATION_NOT_RUNNING', `operation ${op.seq} has not started: there is nothing to inspect yet`, { details: { operationId: op.id, status: op.status } })]
      : []),
  ];
}
