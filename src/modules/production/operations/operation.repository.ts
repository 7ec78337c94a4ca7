import type { Kysely, Transaction } from 'kysely';
import { precompiled } from '../../../platform/store/precompiled.js';
import { mapRead, runRead, type StoreRead } from '../../../platform/store/read-together.js';
import type { Database } from '../../../platform/store/schema.js';
import { toOperation, type Operation, type OperationStatus } from '../work-orders/work-order.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

type OperationStatusSet = { equipmentId?: string; startedAt?: number; startedBy?: string; completedAt?: number; completedBy?: string };

/** One precompiled UPDATE for each combination of the columns a status change sets besides the status. */
const operationStatusUpdates = new Map<string, ReturnType<typeof operationStatusUpdate>>();
const operationStatusUpdate = (set: OperationStatusSet) =>
  precompiled((db, id: string, from: string, to: string, equipmentId: string, startedAt: number, startedBy: string | null, completedAt: number, completedBy: string | null) =>
    db
      .updateTable('operations')
      .set((eb) => ({
        status: to, version: eb('version', '+', 1),
        ...(set.equipmentId !== undefined ? { equipment_id: equipmentId } : {}),
        ...(set.startedAt !== undefined ? { started_at: startedAt, started_by: startedBy } : {}),
        ...(set.completedAt !== undefined ? { completed_at: completedAt, completed_by: completedBy } : {}),
      }))
      .where('id', '=', id)
      .where('status', '=', from));

/** Moves an operation between statuses, guarded on the status it was read in; false when it changed meanwhile. */
export async function setOperationStatus(db: Db, id: string, from: OperationStatus, to: OperationStatus, set: OperationStatusSet = {}): Promise<boolean> {
  const shape = `${set.equipmentId !== undefined}${set.startedAt !== undefined}${set.completedAt !== undefined}`;
  const update = operationStatusUpdates.get(shape) ?? operationStatusUpdates.set(shape, operationStatusUpdate(set)).get(shape);
  const r = await (update as ReturnType<typeof operationStatusUpdate>)(
    db, id, from, to, set.equipmentId ?? '', set.startedAt ?? 0, set.startedBy ?? null, set.completedAt ?? 0, set.completedBy ?? null,
  );
  return Number(r.numAffectedRows) === 1;
}

const addToOperation = precompiled((db, id: string, good: number, scrap: number) =>
  db.updateTable('operations').set((eb) => ({ good: eb('good', '+', good), scrap: eb('scrap', '+', scrap), version: eb('version', '+', 1) })).where('id', '=', id));

export async function addOperationQuantities(db: Db, id: string, good: number, scrap: number): Promise<void> {
  await addToOperation(db, id, good, scrap);
}

const insertReportRow = precompiled((db, operationId: string, good: number, scrap: number, scrapReason: string | null, at: number, actor: string) =>
  db.insertInto('operation_reports').values({ operation_id: operationId, good, scrap, scrap_reason: scrapReason, at, actor }));

export async function insertReport(db: Db, r: { operationId: string; good: number; scrap: number; scrapReason: string | null; at: number; actor: string }): Promise<void> {
  await insertReportRow(db, r.operationId, r.good, r.scrap, r.scrapReason, r.at, r.actor);
}

const selectRunningOn = precompiled((db, equipmentId: string) => db.selectFrom('operations').selectAll().where('equipment_id', '=', equipmentId).where('status', '=', 'running'));

/** Operations running on a piece of equipment (an equipment runs one operation at a time). */
export function runningOnRead(equipmentId: string): StoreRead<Operation[]> {
  return mapRead(selectRunningOn.read(equipmentId), (rows) => rows.map(toOperation));
}

export async function runningOn(db: Db, equipmentId: string): Promise<Operation[]> {
  return runRead(db, runningOnRead(equipmentId));
}

const selectConsumedAt = precompiled((db, operationId: string) =>
  db.selectFrom('consumptions').select(['material_id', (eb) => eb.fn.sum<number>('quantity').as('q')]).where('operation_id', '=', operationId).groupBy('material_id'));

/** Total already consumed at an operation, by material (a material not consumed yet is absent); as a read. */
export function consumedAtRead(operationId: string): StoreRead<Map<string, number>> {
  return mapRead(selectConsumedAt.read(operationId), (rows) => new Map(rows.map((r) => [r.material_id, Number(r.q)])));
}

const insertConsumptionRow = precompiled((db, operationId: string, workOrderId: string, lotId: string, materialId: string, quantity: number, at: number, actor: string) =>
  db.insertInto('consumptions').values({ operation_id: operationId, work_order_id: workOrderId, lot_id: lotId, material_id: materialId, quantity, at, actor }));

export async function insertConsumption(db: Db, c: { operationId: string; workOrderId: string; lotId: string; materialId: string; quantity: number; at: number; actor: string }): Promise<void> {
  await insertConsumptionRow(db, c.operationId, c.workOrderId, c.lotId, c.materialId, c.quantity, c.at, c.actor);
}

const insertProductionRow = precompiled((db, operationId: string, workOrderId: string, lotId: string, quantity: number, at: number, actor: string) =>
  db.insertInto('productions').values({ operation_id: operationId, work_order_id: workOrderId, lot_id: lotId, quantity, at, actor }));

export async function insertProduction(db: Db, p: { operationId: string; workOrderId: string; lotId: string; quantity: number; at: number; actor: string }): Promise<void> {
  await insertProductionRow(db, p.operationId, p.workOrderId, p.lotId, p.quantity, p.at, p.actor);
}

const selectConsumedLots = precompiled((db, orderId: string) =>
  db.selectFrom('consumptions').select(['lot_id', (eb) => eb.fn.sum<number>('quantity').as('q')]).where('work_order_id', '=', orderId).groupBy('lot_id').orderBy('lot_id'));

/** Lots consumed by an order so far, with the quantity taken from each. */
export function consumedLotsRead(orderId: string): StoreRead<{ lotId: string; quantity: number }[]> {
  return mapRead(selectConsumedLots.read(orderId), (rows) => rows.map((r) => ({ lotId: r.lot_id, quantity: Number(r.q) })));
}

const selectProducedLots = precompiled((db, orderId: string) =>
  db.selectFrom('productions').select(['lot_id', (eb) => eb.fn.sum<number>('quantity').as('q')]).where('work_order_id', '=', orderId).groupBy('lot_id').orderBy('lot_id'));

/** Output lots an order has produced so far. */
export function producedLotsRead(orderId: string): StoreRead<{ lotId: string; quantity: number }[]> {
  return mapRead(selectProducedLots.read(orderId), (rows) => rows.map((r) => ({ lotId: r.lot_id, quantity: Number(r.q) })));
}

export async function consumptionsOf(db: Db, orderId: string) {
  return db.selectFrom('consumptions').selectAll().where('work_order_id', '=', orderId).orderBy('id').execute();
}

export async function productionsOf(db: Db, orderId: string) {
  return db.selectFrom('productions').selectAll().where('work_order_id', '=', orderId).orderBy('id').execute();
}

/** What an operation has produced as lots so far: how many productions and the quantity in all. */
export async function producedAt(db: Db, operationId: string): Promise<{ productions: number; quantity: number }> {
  const row = await db.selectFrom('productions')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('quantity').as('q')])
    .where('operation_id', '=', operationId).executeTakeFirst();
  return { productions: Number(row?.n ?? 0), quantity: Number(row?.q ?? 0) };
}

export async function reportsOf(db: Db, operationIds: readonly string[]) {
  if (operationIds.length === 0) return [];
  return db.selectFrom('operation_reports').selectAll().where('operation_id', 'in', [...operationIds]).orderBy('id').execute();
}
