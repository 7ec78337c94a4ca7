import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import { qualityDb, type NonconformancesTable } from '../quality.tables.js';

export type NonconformanceStatus = 'open' | 'closed';
export const DECISIONS = ['use_as_is', 'rework', 'scrap', 'return_to_vendor'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * What was judged out of specification: for a measured characteristic the values and the limits they broke, for a
 * pass/fail one the verdict (`pass: false`).
 */
export type Findings =
  | { readonly values: readonly number[]; readonly lsl: number | null; readonly usl: number | null }
  | { readonly pass: false };

/** Findings as stored; those of a failed attribute stored before the verdict was kept read as `{values: [null]}`. */
function findingsOf(text: string): Findings {
  const f = JSON.parse(text) as Findings | { values: readonly (number | null)[]; lsl: null; usl: null };
  return 'values' in f && f.values.length > 0 && f.values.every((v) => v === null) ? { pass: false } : (f as Findings);
}

/** A nonconformance: opened by an out-of-spec result, closed by a disposition. */
export interface Nonconformance {
  readonly id: string;
  readonly status: NonconformanceStatus;
  readonly inspectionId: string;
  readonly characteristicCode: string;
  readonly operationId: string;
  readonly workOrderId: string;
  readonly lotId: string | null;
  /** Whether it holds the order, and the lot: it put them on hold, or shares the hold of an open one (a disposition releases only quality holds). */
  readonly orderHeld: boolean;
  readonly lotHeld: boolean;
  readonly description: string;
  readonly findings: Findings;
  readonly openedAt: number;
  readonly openedBy: string;
  readonly decision: Decision | null;
  readonly decisionReason: string | null;
  readonly decidedAt: number | null;
  readonly decidedBy: string | null;
}

const PREFIX = 'NC-';

/** The number behind an id `NC-<n>`, or undefined for anything else. */
function numberOf(id: string): number | undefined {
  const m = /^NC-([1-9][0-9]{0,14})$/.exec(id);
  return m ? Number(m[1]) : undefined;
}

type Row = Omit<NonconformancesTable, 'id'> & { id: number };

function toNonconformance(r: Row): Nonconformance {
  return {
    id: `${PREFIX}${r.id}`, status: r.status as NonconformanceStatus, inspectionId: r.inspection_id, characteristicCode: r.characteristic_code,
    operationId: r.operation_id, workOrderId: r.work_order_id, lotId: r.lot_id, orderHeld: r.order_held === 1, lotHeld: r.lot_held === 1,
    description: r.description, findings: findingsOf(r.findings), openedAt: Number(r.opened_at), openedBy: r.opened_by,
    decision: r.decision as Decision | null, decisionReason: r.decision_reason, decidedAt: r.decided_at === null ? null : Number(r.decided_at), decidedBy: r.decided_by,
  };
}

export type NewNonconformance = Pick<
  Nonconformance,
  'inspectionId' | 'characteristicCode' | 'operationId' | 'workOrderId' | 'lotId' | 'orderHeld' | 'lotHeld' | 'description' | 'findings' | 'openedAt' | 'openedBy'
>;

/** Opens a nonconformance and returns it with its generated id. */
export async function insertNonconformance(db: Kysely<Database>, n: NewNonconformance): Promise<Nonconformance> {
  const r = await qualityDb(db)
    .insertInto('nonconformances')
    .values({
      status: 'open', inspection_id: n.inspectionId, characteristic_code: n.characteristicCode, operation_id: n.operationId, work_order_id: n.workOrderId,
      lot_id: n.lotId, order_held: n.orderHeld ? 1 : 0, lot_held: n.lotHeld ? 1 : 0, description: n.description, findings: JSON.stringify(n.findings),
      opened_at: n.openedAt, opened_by: n.openedBy, decision: null, decision_reason: null, decided_at: null, decided_by: null, version: 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toNonconformance(r);
}

export async function findNonconformance(db: Kysely<Database>, id: string): Promise<Nonconformance | undefined> {
  const n = numberOf(id);
  if (n === undefined) return undefined;
  const r = await qualityDb(db).selectFrom('nonconformances').selectAll().where('id', '=', n).executeTakeFirst();
  return r ? toNonconformance(r) : undefined;
}

export async function listNonconformances(db: Kysely<Database>, filter: { status?: NonconformanceStatus | undefined; workOrderId?: string | undefined; limit?: number }): Promise<Nonconformance[]> {
  let q = qualityDb(db).selectFrom('nonconformances').selectAll();
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.workOrderId) q = q.where('work_order_id', '=', filter.workOrderId);
  return (await q.orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(filter.limit ?? 500).execute()).map(toNonconformance);
}

/** The open nonconformances opened by results at an operation, oldest first. */
export async function openNonconformancesAt(db: Kysely<Database>, operationId: string): Promise<Nonconformance[]> {
  const rows = await qualityDb(db).selectFrom('nonconformances').selectAll().where('operation_id', '=', operationId).where('status', '=', 'open').orderBy('id').execute();
  return rows.map(toNonconformance);
}

/**
 * How many open nonconformances hold the order, and the lot (other than `exceptId` when given): a quality hold lifts
 * only when none is left, and a new nonconformance on an order or lot a nonconformance already holds shares that hold.
 */
export async function openHolds(db: Kysely<Database>, workOrderId: string, lotId: string | null, exceptId?: string): Promise<{ order: number; lot: number }> {
  const except = exceptId === undefined ? 0 : (numberOf(exceptId) ?? 0);
  const q = qualityDb(db);
  const count = async (column: 'work_order_id' | 'lot_id', value: string, flag: 'order_held' | 'lot_held') =>
    Number(
      (
        await q
          .selectFrom('nonconformances')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '=', 'open')
          .where(column, '=', value)
          .where(flag, '=', 1)
          .where('id', '!=', except)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { order: await count('work_order_id', workOrderId, 'order_held'), lot: lotId === null ? 0 : await count('lot_id', lotId, 'lot_held') };
}

/** The ids of the open nonconformances that hold the lot, oldest first: while any is left, only its disposition releases the lot. */
export async function openLotHolders(db: Kysely<Database>, lotId: string): Promise<string[]> {
  const rows = await qualityDb(db).selectFrom('nonconformances').select('id').where('lot_id', '=', lotId).where('status', '=', 'open').where('lot_held', '=', 1).orderBy('id').execute();
  return rows.map((r) => `${PREFIX}${r.id}`);
}

/** Closes an open nonconformance with its decision; false when it was no longer open (decided meanwhile). */
export async function closeNonconformance(db: Kysely<Database>, id: string, d: { decision: Decision; reason: string; at: number; by: string }): Promise<boolean> {
  const n = numberOf(id);
  if (n === undefined) return false;
  const r = await qualityDb(db)
    .updateTable('nonconformances')
    .set((eb) => ({ status: 'closed', decision: d.decision, decision_reason: d.reason, decided_at: d.at, decided_by: d.by, version: eb('version', '+', 1) }))
    .where('id', '=', n)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
