import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import { toOperation, type Operation, type OperationStatus } from '../work-orders/work-order.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Moves an operation between statuses, guarded on the status it was read in; false when it changed meanwhile. */
export async function setOperationStatus(
  db: Db,
  id: string,
  from: OperationStatus,
  to: OperationStatus,
  set: { equipmentId?: string; startedAt?: number; startedBy?: string; completedAt?: number; completedBy?: string } = {},
): Promise<boolean> {
  const r = await db
    .updateTable('operations')
    .set((eb) => ({
      status: to, version: eb('version', '+', 1),
      ...(set.equipmentId !== undefined ? { equipment_id: set.equipmentId } : {}),
      ...(set.startedAt !== undefined ? { started_at: set.startedAt, started_by: set.startedBy ?? null } : {}),
      ...(set.completedAt !== undefined ? { completed_at: set.completedAt, completed_by: set.completedBy ?? null } : {}),
    }))
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function addOperationQuantities(db: Db, id: string, good: number, scrap: number): Promise<void> {
  await db.updateTable('operations').set((eb) => ({ good: eb('good', '+', good), scrap: eb('scrap', '+', scrap), version: eb('version', '+', 1) })).where('id', '=', id).execute();
}

export async function insertReport(db: Db, r: { operationId: string; good: number; scrap: number; scrapReason: string | null; at: number; actor: string }): Promise<void> {
  await db.insertInto('operation_reports').values({ operation_id: r.operationId, good: r.good, scrap: r.scrap, scrap_reason: r.scrapReason, at: r.at, actor: r.actor }).execute();
}

/** Operations running on a piece of equipment (an equipment runs one operation at a time). */
export async function runningOn(db: Db, equipmentId: string): Promise<Operation[]> {
  return (await db.selectFrom('operations').selectAll().where('equipment_id', '=', equipmentId).where('status', '=', 'running').execute()).map(toOperation);
}

/** Total already consumed of a material at an operation. */
export async function consumedAt(db: Db, operationId: string, materialId: string): Promise<number> {
  const r = await db.selectFrom('consumptions').select((eb) => eb.fn.sum<number>('quantity').as('q')).where('operation_id', '=', operationId).where('material_id', '=', materialId).executeTakeFirst();
  return Number(r?.q ?? 0);
}

export async function insertConsumption(db: Db, c: { operationId: string; workOrderId: string; lotId: string; materialId: string; quantity: number; at: number; actor: string }): Promise<void> {
  await db.insertInto('consumptions').values({ operation_id: c.operationId, work_order_id: c.workOrderId, lot_id: c.lotId, material_id: c.materialId, quantity: c.quantity, at: c.at, actor: c.actor }).execute();
}

export async function insertProduction(db: Db, p: { operationId: string; workOrderId: string; lotId: string; quantity: number; at: number; actor: string }): Promise<void> {
  await db.insertInto('productions').values({ operation_id: p.operationId, work_order_id: p.workOrderId, lot_id: p.lotId, quantity: p.quantity, at: p.at, actor: p.actor }).execute();
}

/** Lots consumed by an order so far, with the quantity taken from each. */
export async function consumedLotsOf(db: Db, orderId: string): Promise<{ lotId: string; quantity: number }[]> {
  const rows = await db.selectFrom('consumptions').select(['lot_id', (eb) => eb.fn.sum<number>('quantity').as('q')]).where('work_order_id', '=', orderId).groupBy('lot_id').orderBy('lot_id').execute();
  return rows.map((r) => ({ lotId: r.lot_id, quantity: Number(r.q) }));
}

/** Output lots an order has produced so far. */
export async function producedLotsOf(db: Db, orderId: string): Promise<{ lotId: string; quantity: number }[]> {
  const rows = await db.selectFrom('productions').select(['lot_id', (eb) => eb.fn.sum<number>('quantity').as('q')]).where('work_order_id', '=', orderId).groupBy('lot_id').orderBy('lot_id').execute();
  return rows.map((r) => ({ lotId: r.lot_id, quantity: Number(r.q) }));
}

export async function consumptionsOf(db: Db, orderId: string) {
  return db.selectFrom('consumptions').selectAll().where('work_order_id', '=', orderId).orderBy('id').execute();
}

export async function productionsOf(db: Db, orderId: string) {
  return db.selectFrom('productions').selectAll().where('work_order_id', '=', orderId).orderBy('id').execute();
}

export async function reportsOf(db: Db, operationIds: readonly string[]) {
  if (operationIds.length === 0) return [];
  return db.selectFrom('operation_reports').selectAll().where('operation_id', 'in', [...operationIds]).orderBy('id').execute();
}
