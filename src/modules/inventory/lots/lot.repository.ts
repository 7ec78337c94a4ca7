import type { Kysely, Transaction } from 'kysely';
import { precompiled } from '../../../platform/store/precompiled.js';
import { mapRead, runRead, type StoreRead } from '../../../platform/store/read-together.js';
import type { Database, LotsTable } from '../../../platform/store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export const LOT_STATUSES = ['quarantine', 'released', 'on_hold', 'consumed', 'expired', 'rejected'] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];

/** A lot (or sublot) of one material: what is left, its status, its expiry, and the order that made it. */
export interface Lot {
  readonly id: string;
  readonly materialId: string;
  readonly quantity: number;
  readonly initialQuantity: number;
  readonly status: LotStatus;
  readonly expiresAt: number | null;
  readonly supplierLot: string | null;
  readonly workOrderId: string | null;
  readonly createdAt: number;
}

/** Remainders below this are zero: quantities are doubles and repeated subtraction leaves dust. */
export const QUANTITY_EPSILON = 1e-9;

function toLot(r: LotsTable): Lot {
  return {
    id: r.id, materialId: r.material_id, quantity: r.quantity, initialQuantity: r.initial_quantity, status: r.status as LotStatus,
    expiresAt: r.expires_at, supplierLot: r.supplier_lot, workOrderId: r.work_order_id, createdAt: r.created_at,
  };
}

const selectLot = precompiled((db, id: string) => db.selectFrom('lots').selectAll().where('id', '=', id));

/** A lot by id, as a read to run with others; undefined when there is none. */
export function lotRead(id: string): StoreRead<Lot | undefined> {
  return mapRead(selectLot.read(id), ([r]) => (r ? toLot(r) : undefined));
}

export async function findLot(db: Db, id: string): Promise<Lot | undefined> {
  return runRead(db, lotRead(id));
}

export async function listLots(db: Db, filter: { materialId?: string; status?: LotStatus; workOrderId?: string; limit?: number }): Promise<Lot[]> {
  let q = db.selectFrom('lots').selectAll();
  if (filter.materialId) q = q.where('material_id', '=', filter.materialId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.workOrderId) q = q.where('work_order_id', '=', filter.workOrderId);
  return (await q.orderBy('id').limit(filter.limit ?? 1000).execute()).map(toLot);
}

const insertLotRow = precompiled(
  (db, id: string, materialId: string, quantity: number, initialQuantity: number, status: string, expiresAt: number | null, supplierLot: string | null, workOrderId: string | null, createdAt: number) =>
    db.insertInto('lots').values({
      id, material_id: materialId, quantity, initial_quantity: initialQuantity, status, expires_at: expiresAt, supplier_lot: supplierLot, work_order_id: workOrderId, created_at: createdAt, version: 0,
    }),
);

export async function insertLot(db: Db, lot: Lot): Promise<void> {
  await insertLotRow(db, lot.id, lot.materialId, lot.quantity, lot.initialQuantity, lot.status, lot.expiresAt, lot.supplierLot, lot.workOrderId, lot.createdAt);
}

/**
 * Takes quantity from a lot atomically, guarded so the lot never goes below zero even when several transactions
 * race (the guard is in the UPDATE itself, so no lock is read first). Returns the quantity left (read in the same
 * statement), or null when the lot had too little.
 */
const decrementLotRow = precompiled((db, id: string, quantity: number, atLeast: number) =>
  db
    .updateTable('lots')
    .set((eb) => ({
      quantity: eb.case().when(eb('quantity', '-', quantity), '<', QUANTITY_EPSILON).then(0).else(eb('quantity', '-', quantity)).end(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('quantity', '>=', atLeast)
    .returning('quantity'));

export async function decrementLot(db: Db, id: string, quantity: number): Promise<number | null> {
  const [r] = (await decrementLotRow(db, id, quantity, quantity - QUANTITY_EPSILON)).rows;
  return r ? r.quantity : null;
}

/** Adds quantity to a lot (merges, produced output into an existing lot). */
export async function incrementLot(db: Db, id: string, quantity: number): Promise<void> {
  await db.updateTable('lots').set((eb) => ({ quantity: eb('quantity', '+', quantity), version: eb('version', '+', 1) })).where('id', '=', id).execute();
}

/** Changes a lot's status if it is still the expected one; returns whether it changed. */
const setLotStatusRow = precompiled((db, id: string, from: string, to: string) =>
  db.updateTable('lots').set((eb) => ({ status: to, version: eb('version', '+', 1) })).where('id', '=', id).where('status', '=', from));

export async function setLotStatus(db: Db, id: string, from: LotStatus, to: LotStatus): Promise<boolean> {
  const r = await setLotStatusRow(db, id, from, to);
  return Number(r.numAffectedRows) === 1;
}
