import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type TraceDirection = 'backward' | 'forward';

/**
 * One row per reachable lot and edge walked out of it: the lot, its material (`known` null when no lot row has this
 * id) and, when the lot has edges in the walking direction, one of them (else the edge columns are null).
 */
export interface ReachRow {
  readonly lot: string;
  readonly known: string | null;
  readonly material_id: string | null;
  readonly from_lot: string | null;
  readonly to_lot: string | null;
  readonly work_order_id: string | null;
  readonly quantity: number | null;
  readonly kind: string | null;
}

/**
 * The reachability query around the root lot's parameter: [text before, text after]. Shared by the repository and the
 * benchmark's bare-driver baseline so both measure the same statement. UNION (not UNION ALL) makes the recursive
 * table a set: a lot met twice (merges, diamonds, rework loops) is expanded once, so cycles end and the cost is
 * bounded by the edges among the reachable lots. Both directions are index-only: the walk and the read of each walked
 * edge use genealogy_backward_idx (to_lot, ...) or genealogy_forward_idx (from_lot, ...), which hold every column read.
 */
export function reachSqlParts(direction: TraceDirection): readonly [string, string] {
  const [near, far] = direction === 'backward' ? ['to_lot', 'from_lot'] : ['from_lot', 'to_lot'];
  return [
    'with recursive reach(lot) as (\n  select cast(',
    ` as text)
  union
  select e.${far} from genealogy_edges e join reach r on e.${near} = r.lot
)
select r.lot as lot, l.id as known, l.material_id as material_id,
  e.from_lot as from_lot, e.to_lot as to_lot, e.work_order_id as work_order_id, e.quantity as quantity, e.kind as kind
from reach r
left join lots l on l.id = r.lot
left join genealogy_edges e on e.${near} = r.lot`,
  ];
}

/** The reachability query as one SQL text with the driver's placeholder (`?` for SQLite, `$1` for PostgreSQL). */
export function reachSql(direction: TraceDirection, placeholder: string): string {
  const [head, tail] = reachSqlParts(direction);
  return `${head}${placeholder}${tail}`;
}

const PARTS = { backward: reachSqlParts('backward'), forward: reachSqlParts('forward') } as const;

/** Every lot reachable from the root in the direction (the root included) with the edges walked out of each, in one statement. */
export async function reachableRows(db: Db, lotId: string, direction: TraceDirection): Promise<readonly ReachRow[]> {
  const [head, tail] = PARTS[direction];
  const { rows } = await sql<ReachRow>`${sql.raw(head)}${lotId}${sql.raw(tail)}`.execute(db);
  return rows;
}

/**
 * Work orders that consumed any of the lots, in chunks (bind-parameter limits): with their outputs not produced yet
 * they have no genealogy edge, but a recall must still stop them.
 */
export async function ordersConsuming(db: Db, lotIds: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (let i = 0; i < lotIds.length; i += 1000) {
    const rows = await db.selectFrom('consumptions').select('work_order_id').distinct().where('lot_id', 'in', lotIds.slice(i, i + 1000)).execute();
    for (const r of rows) out.add(r.work_order_id);
  }
  return [...out];
}
