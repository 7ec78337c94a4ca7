import { iso } from '../../../platform/http/time.js';
import type { MaintenanceOrder } from './maintenance.repository.js';

/** A maintenance order as the API answers it (ISO times). */
export function presentOrder(o: MaintenanceOrder) {
  return { ...o, dueAt: iso(o.dueAt), createdAt: iso(o.createdAt), completedAt: iso(o.completedAt) };
}
