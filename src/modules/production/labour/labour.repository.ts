import type { Kysely, Transaction } from 'kysely';
import type { Selectable } from 'kysely';
import type { Database, LabourBookingsTable } from '../../../platform/store/schema.js';
import type { Booking } from './labour-time.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A stored booking with who clocked it on and off. */
export interface StoredBooking extends Booking {
  readonly onBy: string;
  readonly offBy: string | null;
}

const POLICY_KEY = 'labour.allow-concurrent-operations';

function toBooking(r: Selectable<LabourBookingsTable>): StoredBooking {
  return { id: Number(r.id), operationId: r.operation_id, workOrderId: r.work_order_id, personId: r.person_id, onAt: r.on_at, offAt: r.off_at, onBy: r.on_by, offBy: r.off_by };
}

/** Every open booking of a person (clocked on, not off), on any operation. */
export async function openBookingsOf(db: Db, personId: string): Promise<StoredBooking[]> {
  return (await db.selectFrom('labour_bookings').selectAll().where('person_id', '=', personId).where('off_at', 'is', null).orderBy('id').execute()).map(toBooking);
}

export async function insertBooking(db: Db, b: { operationId: string; workOrderId: string; personId: string; onAt: number; onBy: string }): Promise<number> {
  const r = await db
    .insertInto('labour_bookings')
    .values({ operation_id: b.operationId, work_order_id: b.workOrderId, person_id: b.personId, on_at: b.onAt, on_by: b.onBy, off_at: null, off_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Closes an open booking, guarded on it still being open; false when someone closed it meanwhile. */
export async function closeBooking(db: Db, id: number, offAt: number, offBy: string): Promise<boolean> {
  const r = await db.updateTable('labour_bookings').set({ off_at: offAt, off_by: offBy }).where('id', '=', id).where('off_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Closes every open booking on the operation, or on any operation of the order, at once; the bookings it closed. */
export async function closeOpenBookingsOf(db: Db, on: { operationId: string } | { workOrderId: string }, offAt: number, offBy: string): Promise<StoredBooking[]> {
  const rows = await db.updateTable('labour_bookings').set({ off_at: offAt, off_by: offBy })
    .where((eb) => ('operationId' in on ? eb('operation_id', '=', on.operationId) : eb('work_order_id', '=', on.workOrderId)))
    .where('off_at', 'is', null).returningAll().execute();
  return rows.map(toBooking).sort((a, b) => a.id - b.id);
}

export async function bookingsOfOperation(db: Db, operationId: string): Promise<StoredBooking[]> {
  return (await db.selectFrom('labour_bookings').selectAll().where('operation_id', '=', operationId).orderBy('id').execute()).map(toBooking);
}

export async function bookingsOfOrder(db: Db, workOrderId: string): Promise<StoredBooking[]> {
  return (await db.selectFrom('labour_bookings').selectAll().where('work_order_id', '=', workOrderId).orderBy('id').execute()).map(toBooking);
}

/** Bookings that overlap [from, to): begun before `to` and not ended before `from`. */
export async function bookingsOverlapping(db: Db, from: number, to: number, personId?: string): Promise<StoredBooking[]> {
  let q = db
    .selectFrom('labour_bookings')
    .selectAll()
    .where('on_at', '<', to)
    .where((eb) => eb.or([eb('off_at', 'is', null), eb('off_at', '>', from)]));
  if (personId) q = q.where('person_id', '=', personId);
  return (await q.orderBy('id').execute()).map(toBooking);
}

/** Everyone clocked on right now, with their name and where. */
export async function clockedOnNow(db: Db): Promise<(StoredBooking & { personName: string; workCenterId: string; operationSeq: number; operationName: string })[]> {
  const rows = await db
    .selectFrom('labour_bookings as b')
    .innerJoin('operations as o', 'o.id', 'b.operation_id')
    .leftJoin('people as p', 'p.id', 'b.person_id')
    .selectAll('b')
    .select(['p.name as person_name', 'o.work_center_id', 'o.seq as op_seq', 'o.name as op_name'])
    .where('b.off_at', 'is', null)
    .orderBy('o.work_center_id')
    .orderBy('b.on_at')
    .execute();
  return rows.map((r) => ({ ...toBooking(r), personName: r.person_name ?? r.person_id, workCenterId: r.work_center_id, operationSeq: r.op_seq, operationName: r.op_name }));
}

/**
 * Takes the person's row lock for the rest of the transaction (a guarded no-op UPDATE, portable, no FOR UPDATE), so
 * two clock-ons of one person on two operations cannot both pass the one-operation-at-a-time rule on PostgreSQL.
 */
export async function lockPersonRow(db: Db, personId: string): Promise<boolean> {
  const r = await db.updateTable('people').set((eb) => ({ token_epoch: eb.ref('token_epoch') })).where('id', '=', personId).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function concurrentAllowed(db: Db): Promise<boolean> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', POLICY_KEY).executeTakeFirst();
  return r?.value === 'true';
}

export async function setConcurrentAllowed(db: Db, allow: boolean): Promise<void> {
  await db.insertInto('settings').values({ key: POLICY_KEY, value: String(allow) }).onConflict((oc) => oc.column('key').doUpdateSet({ value: String(allow) })).execute();
}
