import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import type { StoredEdge } from './genealogy-graph.js';
import { NO_EDGE_OUT_YET } from './trace.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

const toStored = (r: { from_lot: string; to_lot: string; work_order_id: string; quantity: number; kind: StoredEdge['kind'] }): StoredEdge => ({
  from: r.from_lot, to: r.to_lot, workOrderId: r.work_order_id, quantity: Number(r.quantity), kind: r.kind,
});

export type EdgeKey = readonly [from: string, to: string, workOrderId: string];

/** One page of every edge in key order after `after` (from the start when null). */
export async function edgePage(db: Db, after: EdgeKey | null, limit: number): Promise<StoredEdge[]> {
  let q = db.selectFrom('genealogy_edges').select(['from_lot', 'to_lot', 'work_order_id', 'quantity', 'kind']);
  if (after) q = q.where(sql<boolean>`(from_lot, to_lot, work_order_id) > (${after[0]}, ${after[1]}, ${after[2]})`);
  return (await q.orderBy('from_lot').orderBy('to_lot').orderBy('work_order_id').limit(limit).execute()).map(toStored);
}

/** One page of lots (id and material) in id order after `after`. */
export async function lotPage(db: Db, after: string | null, limit: number): Promise<{ id: string; materialId: string }[]> {
  let q = db.selectFrom('lots').select(['id', 'material_id']);
  if (after !== null) q = q.where('id', '>', after);
  return (await q.orderBy('id').limit(limit).execute()).map((r) => ({ id: r.id, materialId: r.material_id }));
}

/** The highest consumption id (0 when there is none). */
export async function lastConsumptionId(db: Db): Promise<number> {
  const r = await db.selectFrom('consumptions').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(r?.id ?? 0);
}

/** The consumptions with ids in (after, upTo] whose order has made no edge out of the lot yet (NO_EDGE_OUT_YET). */
export async function pendingInRange(db: Db, after: number, upTo: number): Promise<{ lotId: string; workOrderId: string }[]> {
  const rows = await db.selectFrom('consumptions as c').select(['c.lot_id', 'c.work_order_id']).where('c.id', '>', after).where('c.id', '<=', upTo).where(NO_EDGE_OUT_YET).execute();
  return rows.map((r) => ({ lotId: r.lot_id, workOrderId: r.work_order_id }));
}
