import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { onPostgres } from '../../../platform/store/database.js';
import type { Database } from '../../../platform/store/schema.js';
import { traceEdge, type EdgeKind, type TraceEdge } from './trace-graph.js';

type Db = Kysely<Database> | Transaction<Database>;

export type TraceDirection = 'backward' | 'forward';

/** An edge as a level's answer carries it: [near lot's position in the level, far lot, order, quantity, kind]. */
type EdgeTuple = [number, string, string, number, EdgeKind];


/**
 * One statement over the lots of a level, answering its rows as one JSON array of arrays. The lots go in as one bound
 * value joined row by row with their position (a JSON array through `json_each` on SQLite, a text array through
 * `unnest ... with ordinality` on PostgreSQL): one statement text whatever the level's size, so it is prepared
 * once. The answer comes back as one text that JSON.parse reads: turning thousands of rows of five columns into
 * JavaScript values one by one cost more CPU than the index searches themselves.
 */
async function levelQuery<T>(db: Db, lots: readonly string[], columns: RawBuilder<unknown>, from: RawBuilder<unknown>): Promise<T[]> {
  const pg = onPostgres(db);
  const source = pg
    ? sql`(select lot, i - 1 as i from unnest(${[...lots]}::text[]) with ordinality as u(lot, i))`
    : sql`(select value as lot, key as i from json_each(${JSON.stringify(lots)}))`;
  const agg = pg ? sql`coalesce(json_agg(json_build_array(l.i, ${columns})), '[]')::text` : sql`json_group_array(json_array(l.i, ${columns}))`;
  const { rows } = await sql<{ rows: string }>`select ${agg} as rows from ${source} l join ${from}`.execute(db);
  return JSON.parse(rows[0]?.rows ?? '[]') as T[];
}

/**
 * Every edge out of the lots of one level in the walking direction: backward the edges into them (by `to_lot`), forward
 * the edges out of them (by `from_lot`). Index-only on both stores: genealogy_backward_idx (to_lot, ...) and
 * genealogy_forward_idx (from_lot, ...) hold every column read. The near lot comes back as its position, so its id
 * is not read again.
 */
export async function edgesOutOf(db: Db, lots: readonly string[], direction: TraceDirection): Promise<TraceEdge[]> {
  const [near, far] = direction === 'backward' ? ['to_lot', 'from_lot'] : ['from_lot', 'to_lot'];
  const rows = await levelQuery<EdgeTuple>(db, lots, sql`e.${sql.raw(far)}, e.work_order_id, e.quantity, e.kind`,
    sql`genealogy_edges e on e.${sql.raw(near)} = l.lot`);
  const backward = direction === 'backward';
  return rows.map(([i, other, order, quantity, kind]) => {
    const lot = lots[i] as string;
    return backward ? traceEdge(other, lot, Number(quantity), order, kind) : traceEdge(lot, other, Number(quantity), order, kind);
  });
}

/** The material of each lot, in the order asked (null for an id with no lot row); index-only on lots_material_idx. */
export async function materialsOf(db: Db, lots: readonly string[]): Promise<(string | null)[]> {
  const rows = await levelQuery<[number, string]>(db, lots, sql`m.material_id`, sql`lots m on m.id = l.lot`);
  const out = new Array<string | null>(lots.length).fill(null);
  for (const [i, material] of rows) out[i] = material;
  return out;
}

/**
 * A consumption `c` whose order made no genealogy edge out of its lot yet: with its outputs not produced the order has
 * no edge, but a recall must still stop it (an order that has produced has an edge out of every lot it consumed).
 */
export const NO_EDGE_OUT_YET = sql<boolean>`not exists (select 1 from genealogy_edges e where e.from_lot = c.lot_id and e.work_order_id = c.work_order_id)`;

/**
 * The open consumptions of the lots (NO_EDGE_OUT_YET), as [lot, work order] pairs. One statement over all the lots
 * (consumptions_lot_idx, and the edges' key for the check).
 */
export async function openConsumptionsOf(db: Db, lotIds: readonly string[]): Promise<[lotId: string, workOrderId: string][]> {
  const rows = await levelQuery<[number, string]>(db, lotIds, sql`c.work_order_id`, sql`consumptions c on c.lot_id = l.lot and ${NO_EDGE_OUT_YET}`);
  return rows.map(([i, order]) => [lotIds[i] as string, order]);
}

/** Work orders with an open consumption of any of the lots: work in progress a recall must stop. */
export async function ordersConsuming(db: Db, lotIds: readonly string[]): Promise<string[]> {
  return [...new Set((await openConsumptionsOf(db, lotIds)).map(([, order]) => order))];
}
