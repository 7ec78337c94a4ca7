import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import { toOperation, type Operation } from '../work-orders/work-order.repository.js';
import { sequenceAllows } from '../operations/execution.rules.js';
import { compareDispatch, type DispatchKey } from './dispatch-order.js';

export interface DispatchItem {
  readonly operation: Operation;
  readonly workOrderId: string;
  readonly materialId: string;
  readonly orderQuantity: number;
  readonly orderStatus: string;
  readonly priority: number;
  readonly dueAt: number | null;
  /** False when an earlier step still blocks it (the terminal greys it out and says why). */
  readonly startable: boolean;
  readonly waitingFor: readonly string[];
}

const ACTIVE_ORDERS = ['released', 'in_progress', 'on_hold'];

/** A dispatch list entry with what placed it there. */
export interface DispatchEntry {
  readonly item: DispatchItem;
  readonly key: DispatchKey;
}

/**
 * Operations ready, running or paused at a work center, of orders that are released, in progress or on hold, in
 * dispatch order (compareDispatch), each with the key that placed it.
 */
export async function dispatchEntries(db: Kysely<Database>, workCenterId: string): Promise<DispatchEntry[]> {
  const rows = await db
    .selectFrom('operations as o')
    .innerJoin('work_orders as w', 'w.id', 'o.work_order_id')
    .selectAll('o')
    .select(['w.material_id as w_material', 'w.quantity as w_quantity', 'w.status as w_status', 'w.priority as w_priority', 'w.due_at as w_due', 'w.created_at as w_created'])
    .where('o.work_center_id', '=', workCenterId)
    .where('o.status', 'in', ['ready', 'running', 'paused'])
    .where('w.status', 'in', ACTIVE_ORDERS)
    .execute();
  const orderIds = [...new Set(rows.map((r) => r.work_order_id))];
  const siblings = orderIds.length === 0 ? [] : (await db.selectFrom('operations').selectAll().where('work_order_id', 'in', orderIds).execute()).map(toOperation);
  const entries = rows.map((r): DispatchEntry => {
    const operation = toOperation(r);
    const blocked = operation.status === 'ready' ? sequenceAllows(operation, siblings.filter((s) => s.workOrderId === r.work_order_id)) : [];
    const waiting = blocked.flatMap((v) => (Array.isArray(v.details?.waitingFor) ? (v.details.waitingFor as string[]) : []));
    return {
      item: {
        operation, workOrderId: r.work_order_id, materialId: r.w_material, orderQuantity: r.w_quantity, orderStatus: r.w_status,
        priority: r.w_priority, dueAt: r.w_due, startable: blocked.length === 0 && r.w_status !== 'on_hold', waitingFor: waiting,
      },
      key: { status: operation.status, priority: r.w_priority, dueAt: r.w_due, createdAt: r.w_created, workOrderId: r.work_order_id, seq: operation.seq },
    };
  });
  return entries.sort((a, b) => compareDispatch(a.key, b.key));
}

/**
 * Operations ready, running or paused at a work center, of orders that are released, in progress or on hold:
 * running and paused first, then by priority (high first), due date (earliest first, none last), order, step.
 */
export async function dispatchList(db: Kysely<Database>, workCenterId: string): Promise<DispatchItem[]> {
  return (await dispatchEntries(db, workCenterId)).map((e) => e.item);
}
