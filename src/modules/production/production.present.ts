import { iso } from '../../platform/http/time.js';
import type { Operation, WorkOrder } from './work-orders/work-order.repository.js';

/** An operation as the API shows it: times as ISO-8601. */
export function presentOperation(op: Operation): Record<string, unknown> {
  return { ...op, startedAt: iso(op.startedAt), completedAt: iso(op.completedAt) };
}

/** A work order as the API shows it. */
export function presentOrder(o: WorkOrder): Record<string, unknown> {
  return { ...o, dueAt: iso(o.dueAt), createdAt: iso(o.createdAt), releasedAt: iso(o.releasedAt), completedAt: iso(o.completedAt) };
}
