import { violation, type Violation } from '../../../platform/errors/violation.js';
import type { OperationStatus, OrderStatus } from '../work-orders/work-order.repository.js';

/** A person's open booking: clocked on an operation and not yet off. */
export interface OpenBooking {
  readonly id: number;
  readonly operationId: string;
  readonly personId: string;
  readonly onAt: number;
}

export interface ClockOnFacts {
  readonly operationId: string;
  readonly operationStatus: OperationStatus;
  readonly orderStatus: OrderStatus;
  readonly personId: string;
  readonly personExists: boolean;
  /** The actor clocks someone else on: only a supervisor (or an administrator) may. */
  readonly forOther: boolean;
  readonly actorMaySupervise: boolean;
  /** Every open booking of the person, on any operation. */
  readonly open: readonly OpenBooking[];
  /** Policy: a person may be clocked on several operations at once. */
  readonly allowConcurrent: boolean;
}

const CLOSED_ORDER: readonly OrderStatus[] = ['cancelled', 'closed', 'completed'];

/** Who may be clocked on what: every reason it may not, at once. */
export function clockOnAllowed(f: ClockOnFacts): Violation[] {
  const out: Violation[] = [];
  if (f.forOther && !f.actorMaySupervise) out.push(violation('FORBIDDEN', 'only a supervisor may clock on someone else', { field: 'personId', details: { personId: f.personId } }));
  if (!f.personExists) out.push(violation('NOT_FOUND', `person '${f.personId}' does not exist`, { field: 'personId', details: { kind: 'person', id: f.personId } }));
  if (CLOSED_ORDER.includes(f.orderStatus)) out.push(violation('ORDER_CLOSED', `the order is ${f.orderStatus}: no more labour can be booked on it`, { details: { operationId: f.operationId, orderStatus: f.orderStatus } }));
  if (f.operationStatus === 'completed') out.push(violation('INVALID_TRANSITION', 'the operation is completed: no more labour can be booked on it', { details: { operationId: f.operationId, from: f.operationStatus } }));
  const here = f.open.find((b) => b.operationId === f.operationId);
  if (here) out.push(violation('PERSON_CLOCKED_ON', `${f.personId} is already clocked on this operation`, { details: { personId: f.personId, operationId: f.operationId } }));
  const elsewhere = f.open.filter((b) => b.operationId !== f.operationId);
  if (elsewhere.length > 0 && !f.allowConcurrent) {
    out.push(violation('PERSON_CLOCKED_ON', `${f.personId} is clocked on operation ${elsewhere.map((b) => b.operationId).join(', ')}: clock off there first`, { details: { personId: f.personId, clockedOn: elsewhere.map((b) => b.operationId) } }));
  }
  return out;
}

/** Clocking off needs an open booking of that person on that operation, and a supervisor for someone else. */
export function clockOffAllowed(f: { operationId: string; personId: string; booking: OpenBooking | undefined; forOther: boolean; actorMaySupervise: boolean }): Violation[] {
  return [
    ...(f.forOther && !f.actorMaySupervise ? [violation('FORBIDDEN', 'only a supervisor may clock off someone else', { field: 'personId', details: { personId: f.personId } })] : []),
    ...(f.booking ? [] : [violation('NOT_CLOCKED_ON', `${f.personId} is not clocked on this operation`, { details: { personId: f.personId, operationId: f.operationId } })]),
  ];
}
