import { violation, type Violation } from '../../../platform/errors/violation.js';
import { decimal } from '../../../platform/http/fields.js';
import type { Operation, OrderBomLine, WorkOrder } from '../work-orders/work-order.repository.js';

const EPS = 1e-9;

/** The order may be worked on: released (or in progress), not on hold, not finished. */
export function orderRunnable(order: WorkOrder): Violation[] {
  const d = { workOrderId: order.id, status: order.status };
  switch (order.status) {
    case 'released':
    case 'in_progress':
      return [];
    case 'created':
      return [violation('ORDER_NOT_RELEASED', `work order '${order.id}' is not released yet`, { details: d })];
    case 'on_hold':
      return [violation('ORDER_ON_HOLD', `work order '${order.id}' is on hold${order.holdReason ? `: ${order.holdReason}` : ''}`, { details: { ...d, reason: order.holdReason } })];
    case 'completed':
    case 'cancelled':
    case 'closed':
      return [violation('ORDER_CLOSED', `work order '${order.id}' is ${order.status}`, { details: d })];
  }
}

/** The operation is running (consume, produce, report and complete need that). */
export function operationRunning(op: Operation): Violation[] {
  return op.status === 'running' ? [] : [violation('OPERATION_NOT_RUNNING', `operation ${op.seq} '${op.name}' is ${op.status}, not running`, { details: { operationId: op.id, status: op.status } })];
}

/**
 * An operation starts only when every earlier operation of the order is completed; a step marked `overlap`
 * may start while its direct predecessor runs, once that predecessor has reported good output (quantity passed on).
 */
export function sequenceAllows(op: Operation, all: readonly Operation[]): Violation[] {
  const earlier = all.filter((o) => o.seq < op.seq);
  const open = earlier.filter((o) => o.status !== 'completed');
  if (open.length === 0) return [];
  const direct = earlier[earlier.length - 1];
  const onlyDirectOpen = open.length === 1 && direct !== undefined && open[0]?.id === direct.id;
  if (op.overlap && onlyDirectOpen && direct.status !== 'ready' && direct.good > 0) return [];
  return [
    violation('OPERATION_SEQUENCE', `operation ${op.seq} cannot start before ${open.map((o) => `${o.seq} '${o.name}'`).join(', ')} ${open.length > 1 ? 'are' : 'is'} completed`, {
      details: { operationId: op.id, waitingFor: open.map((o) => o.id), overlap: op.overlap },
    }),
  ];
}

export interface EquipmentFacts {
  readonly id: string;
  readonly exists: boolean;
  readonly level: string | null;
  readonly workCenterId: string | null;
  readonly available: boolean;
  /** Other operations running on it now. */
  readonly busyWith: readonly string[];
  /** Interlocks from the equipment module (state down, maintenance overdue, calibration expired). */
  readonly interlocks: readonly Violation[];
}

/** The equipment belongs to the operation's work center and can run now. */
export function equipmentFits(op: Operation, eq: EquipmentFacts): Violation[] {
  if (!eq.exists || eq.level !== 'equipment') {
    return [violation('EQUIPMENT_NOT_IN_WORK_CENTER', `'${eq.id}' is not equipment of work center '${op.workCenterId}'`, { field: 'equipmentId', details: { equipmentId: eq.id, workCenterId: op.workCenterId } })];
  }
  const out: Violation[] = [];
  if (eq.workCenterId !== op.workCenterId) {
    out.push(violation('EQUIPMENT_NOT_IN_WORK_CENTER', `equipment '${eq.id}' belongs to '${eq.workCenterId ?? 'no work center'}', this operation runs at '${op.workCenterId}'`, { field: 'equipmentId', details: { equipmentId: eq.id, workCenterId: op.workCenterId, actual: eq.workCenterId } }));
  }
  if (!eq.available) out.push(violation('EQUIPMENT_UNAVAILABLE', `equipment '${eq.id}' is marked unavailable`, { field: 'equipmentId', details: { equipmentId: eq.id } }));
  const busy = eq.busyWith.filter((id) => id !== op.id);
  if (busy.length > 0) out.push(violation('EQUIPMENT_UNAVAILABLE', `equipment '${eq.id}' is running operation ${busy.join(', ')}`, { field: 'equipmentId', details: { equipmentId: eq.id, busyWith: busy } }));
  return [...out, ...eq.interlocks];
}

/** The acting person holds the operation's qualification and it has not expired. */
export function personQualified(op: Operation, person: string, held: readonly { code: string; validUntil: number }[], now: number): Violation[] {
  if (!op.qualification) return [];
  const q = held.find((h) => h.code === op.qualification);
  if (!q) return [violation('PERSON_NOT_QUALIFIED', `${person} does not hold qualification '${op.qualification}'`, { details: { person, qualification: op.qualification } })];
  if (q.validUntil <= now) {
    return [violation('QUALIFICATION_EXPIRED', `${person}'s qualification '${op.qualification}' expired on ${new Date(q.validUntil).toISOString()}`, { details: { person, qualification: op.qualification, validUntil: new Date(q.validUntil).toISOString() } })];
  }
  return [];
}

/** The BOM lines of the order consumed at this operation. */
export function linesAt(op: Operation, bom: readonly OrderBomLine[]): OrderBomLine[] {
  return bom.filter((l) => l.operationSeq === op.seq);
}

/**
 * What a BOM line asks for an output (BOM quantity × output) and the band its tolerance allows around it: `high` is
 * the most OVER_CONSUMPTION lets be consumed, `low` its mirror below (a batch record's material reconciliation).
 */
export function bomBand(line: { readonly quantity: number; readonly tolerance: number }, output: number): { readonly quantity: number; readonly low: number; readonly high: number } {
  return { quantity: decimal(line.quantity * output), low: decimal(line.quantity * output * (1 - line.tolerance)), high: decimal(line.quantity * output * (1 + line.tolerance)) };
}

/**
 * OVER_CONSUMPTION when the total consumed of a component at an operation would exceed its BOM quantity ×
 * max(planned order quantity, reported output) × (1 + tolerance). Consuming before reporting is the normal flow.
 */
export function withinBom(c: { op: Operation; order: WorkOrder; line: OrderBomLine | undefined; consumedSoFar: number; quantity: number }): Violation[] {
  if (!c.line) return [];
  const allowed = bomBand(c.line, Math.max(c.order.quantity, c.op.good + c.op.scrap)).high;
  if (c.consumedSoFar + c.quantity <= allowed + EPS) return [];
  return [
    violation('OVER_CONSUMPTION', `consuming ${c.quantity} ${c.line.uom} of ${c.line.materialId} would make ${decimal(c.consumedSoFar + c.quantity)}, more than the ${allowed} the BOM allows`, {
      field: 'quantity', details: { materialId: c.line.materialId, consumed: decimal(c.consumedSoFar), requested: c.quantity, allowed },
    }),
  ];
}

/** OVER_PRODUCTION when good output would exceed the planned quantity × (1 + the order's tolerance). */
export function withinOrderQuantity(order: WorkOrder, goodSoFar: number, adding: number): Violation[] {
  const allowed = decimal(order.quantity * (1 + order.tolerance));
  if (goodSoFar + adding <= allowed + EPS) return [];
  return [
    violation('OVER_PRODUCTION', `${adding} more would make ${decimal(goodSoFar + adding)} good, more than the ${allowed} planned (tolerance ${decimal(order.tolerance * 100)} %)`, {
      field: 'good', details: { workOrderId: order.id, good: decimal(goodSoFar), adding, allowed },
    }),
  ];
}
