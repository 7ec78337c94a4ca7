import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import type { StoredEdge } from './genealogy-graph.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The seq of the last journal event committed (as this transaction sees it). */
export async function journalHeadSeq(db: Db): Promise<number> {
  const r = await db.selectFrom('journal_head').select('seq').where('id', '=', 1).executeTakeFirst();
  return Number(r?.seq ?? 0);
}

/**
 * The lots named by journal events after `after` up to `upTo`, in seq order, at most `limit` events: every write to
 * the genealogy (an edge, a consumption, a lot) is journaled in its transaction as an event of one of the lots it
 * touches, and seq follows commit order, so these are the lots whose genealogy may have changed since `after`.
 */
export async function lotEventsAfter(db: Db, after: number, upTo: number, limit: number): Promise<{ seq: number; lotId: string }[]> {
  const rows = await db.selectFrom('journal').select(['seq', 'entity_id']).where('seq', '>', after).where('seq', '<=', upTo).where('entity', '=', 'lot').orderBy('seq').limit(limit).execute();
  return rows.map((r) => ({ seq: Number(r.seq), lotId: r.entity_id }));
}

const toStored = (r: { from_lot: string; to_lot: string; work_order_id: string; quantity: number; kind: StoredEdge['kind'] }): StoredEdge => ({
  from: r.from_lot, to: r.to_lot, workOrderId: r.work_order_id, quantity: Number(r.quantity), kind: r.kind,
});

/** Every edge into or out of the lots, as stored. */
export async function edgesTouching(db: Db, lotIds: readonly string[]): Promise<StoredEdge[]> {
  const out: StoredEdge[] = [];
  for (let i = 0; i < lotIds.length; i += 500) {
    const chunk = lotIds.slice(i, i + 500);
    const columns = ['from_lot', 'to_lot', 'work_order_id', 'quantity', 'kind'] as const;
    out.push(...(await db.selectFrom('genealogy_edges').select(columns).where('from_lot', 'in', chunk).execute()).map(toStored));
    out.push(...(await db.selectFrom('genealogy_edges').select(columns).where('to_lot', 'in', chunk).execute()).map(toStored));
  }
  return out;
}

/** The material of each of the lots that has a row. */
export async function lotMaterials(db: Db, lotIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < lotIds.length; i += 500) {
    for (const r of await db.selectFrom('lots').select(['id', 'material_id']).where('id', 'in', lotIds.slice(i, i + 500)).execute()) out.set(r.id, r.material_id);
  }
  return out;
}

/** For each of the lots, the orders that consumed it and have made no edge out of it yet. */
export async function pendingConsumptions(db: Db, lotIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < lotIds.length; i += 500) {
    const rows = await db
      .selectFrom('consumptions as c')
      .select(['c.lot_id', 'c.work_order_id'])
      .distinct()
      .where('c.lot_id', 'in', lotIds.slice(i, i + 500))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('genealogy_edges as e').select('e.from_lot').whereRef('e.from_lot', '=', 'c.lot_id').whereRef('e.work_order_id', '=', 'c.work_order_id'))))
      .execute();
    for (const r of rows) out.set(r.lot_id, [...(out.get(r.lot_id) ?? []), r.work_order_id]);
  }
  return out;
}

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

/** The consumptions with ids in (after, upTo] whose order has made no edge out of the lot yet. */
export async function pendingInRange(db: Db, after: number, upTo: number): Promise<{ lotId: string; workOrderId: string }[]> {
  const rows = await db
    .selectFrom('consumptions as c')
    .select(['c.lot_id', 'c.work_order_id'])
    .where('c.id', '>', after)
    .where('c.id', '<=', upTo)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('genealogy_edges as e').select('e.from_lot').whereRef('e.from_lot', '=', 'c.lot_id').whereRef('e.work_order_id', '=', 'c.work_order_id'))))
    .execute();
  return rows.map((r) => ({ lotId: r.lot_id, workOrderId: r.work_order_id }));
}
