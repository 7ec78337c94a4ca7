import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import { QUANTITY_EPSILON, type LotStatus } from './lot.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Takes quantity from a lot that is still in the status the rules saw, atomically: the guard is in the UPDATE, so
 * racing transactions never take more than the lot holds and never take from a lot held meanwhile. A lot taken down
 * to zero becomes `consumed` in the same statement. Returns false (nothing changed) when the guard did not hold.
 */
export async function takeFromLot(db: Db, id: string, quantity: number, status: LotStatus): Promise<boolean> {
  const r = await db
    .updateTable('lots')
    .set((eb) => {
      const empty = eb(eb('quantity', '-', quantity), '<', QUANTITY_EPSILON);
      return {
        quantity: eb.case().when(empty).then(0).else(eb('quantity', '-', quantity)).end(),
        status: eb.case().when(empty).then('consumed').else(eb.ref('status')).end(),
        version: eb('version', '+', 1),
      };
    })
    .where('id', '=', id)
    .where('status', '=', status)
    .where('quantity', '>=', quantity - QUANTITY_EPSILON)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Empties a lot into a merge: quantity 0 and `consumed`, only if it still holds exactly what the rules saw in the
 * status they saw (compare-and-set), so a concurrent split, hold or receipt makes the merge refuse instead of
 * losing or double-counting material. Returns whether it changed.
 */
export async function emptyLot(db: Db, id: string, expected: { quantity: number; status: LotStatus }): Promise<boolean> {
  const r = await db
    .updateTable('lots')
    .set((eb) => ({ quantity: 0, status: 'consumed', version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', expected.status)
    .where('quantity', '=', expected.quantity)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Adds merged quantity to a lot still in the expected status and sets its expiry; returns whether it changed. */
export async function fillLot(db: Db, id: string, quantity: number, expiresAt: number | null, status: LotStatus): Promise<boolean> {
  const r = await db
    .updateTable('lots')
    .set((eb) => ({ quantity: eb('quantity', '+', quantity), expires_at: expiresAt, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
