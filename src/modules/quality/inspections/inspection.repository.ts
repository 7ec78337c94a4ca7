import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import { qualityDb } from '../quality.tables.js';

/** One stored result: a measured or judged unit of an inspection. */
export interface InspectionResult {
  readonly id: number;
  readonly inspectionId: string;
  readonly position: number;
  readonly characteristicCode: string;
  readonly operationId: string;
  readonly workOrderId: string;
  readonly lotId: string | null;
  readonly value: number | null;
  readonly inSpec: boolean;
  readonly lsl: number | null;
  readonly usl: number | null;
  readonly at: number;
  readonly actor: string;
}

export type NewInspectionResult = Omit<InspectionResult, 'id'>;

type Row = {
  id: number; inspection_id: string; position: number; characteristic_code: string; operation_id: string; work_order_id: string;
  lot_id: string | null; value: number | null; in_spec: number; lsl: number | null; usl: number | null; at: number; actor: string;
};

function toResult(r: Row): InspectionResult {
  return {
    id: Number(r.id), inspectionId: r.inspection_id, position: r.position, characteristicCode: r.characteristic_code, operationId: r.operation_id,
    workOrderId: r.work_order_id, lotId: r.lot_id, value: r.value === null ? null : Number(r.value), inSpec: r.in_spec === 1,
    lsl: r.lsl === null ? null : Number(r.lsl), usl: r.usl === null ? null : Number(r.usl), at: Number(r.at), actor: r.actor,
  };
}

export async function insertResults(db: Kysely<Database>, results: readonly NewInspectionResult[]): Promise<void> {
  if (results.length === 0) return;
  await qualityDb(db)
    .insertInto('inspection_results')
    .values(
      results.map((r) => ({
        inspection_id: r.inspectionId, position: r.position, characteristic_code: r.characteristicCode, operation_id: r.operationId,
        work_order_id: r.workOrderId, lot_id: r.lotId, value: r.value, in_spec: r.inSpec ? 1 : 0, lsl: r.lsl, usl: r.usl, at: r.at, actor: r.actor,
      })),
    )
    .execute();
}

/**
 * Results recorded at an operation, counted per characteristic. The results of an inspection whose nonconformance
 * was dispositioned `rework` do not count: the reworked units are inspected again.
 */
export async function countedResultsAt(db: Kysely<Database>, operationId: string): Promise<Map<string, number>> {
  const rows = await qualityDb(db)
    .selectFrom('inspection_results')
    .select(['characteristic_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('operation_id', '=', operationId)
    .where('inspection_id', 'not in', (eb) => eb.selectFrom('nonconformances').select('inspection_id').where('decision', '=', 'rework'))
    .groupBy('characteristic_code')
    .execute();
  return new Map(rows.map((r) => [r.characteristic_code, Number(r.n)]));
}

/** The latest `limit` measured values of a characteristic, oldest first, and how many it has in all. */
export async function latestValues(db: Kysely<Database>, code: string, limit: number): Promise<{ results: InspectionResult[]; total: number }> {
  const q = qualityDb(db);
  const rows = await q
    .selectFrom('inspection_results')
    .selectAll()
    .where('characteristic_code', '=', code)
    .where('value', 'is not', null)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const total = await q
    .selectFrom('inspection_results')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('characteristic_code', '=', code)
    .where('value', 'is not', null)
    .executeTakeFirstOrThrow();
  return { results: rows.map(toResult).reverse(), total: Number(total.n) };
}

/** Results of a characteristic recorded in [from, to], in the order they were recorded (at most `limit`). */
export async function resultsBetween(db: Kysely<Database>, code: string, from: number, to: number, limit: number): Promise<InspectionResult[]> {
  const rows = await qualityDb(db)
    .selectFrom('inspection_results')
    .selectAll()
    .where('characteristic_code', '=', code)
    .where('at', '>=', from)
    .where('at', '<=', to)
    .orderBy('at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toResult);
}

/** The operation of a characteristic's latest result: its snapshot holds the definition in force. */
export async function latestOperationOf(db: Kysely<Database>, code: string): Promise<string | undefined> {
  const r = await qualityDb(db)
    .selectFrom('inspection_results')
    .select('operation_id')
    .where('characteristic_code', '=', code)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.operation_id;
}

/** The results of one inspection, in position order. */
export async function resultsOfInspection(db: Kysely<Database>, inspectionId: string): Promise<InspectionResult[]> {
  const rows = await qualityDb(db).selectFrom('inspection_results').selectAll().where('inspection_id', '=', inspectionId).orderBy('position').execute();
  return rows.map(toResult);
}

/** How many results of a characteristic were recorded before `at` (measured ones only when `measured`). */
export async function countBefore(db: Kysely<Database>, code: string, at: number, measured: boolean): Promise<number> {
  let q = qualityDb(db).selectFrom('inspection_results').select((eb) => eb.fn.countAll<number>().as('n')).where('characteristic_code', '=', code).where('at', '<', at);
  if (measured) q = q.where('value', 'is not', null);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/**
 * The measured results of a characteristic's latest `count` inspections, oldest first, and how many inspections
 * with measured values it has in all.
 */
export async function latestInspections(db: Kysely<Database>, code: string, count: number): Promise<{ results: InspectionResult[]; inspections: number }> {
  const q = qualityDb(db);
  const measured = q.selectFrom('inspection_results').where('characteristic_code', '=', code).where('value', 'is not', null);
  const latest = await measured.select(['inspection_id', (eb) => eb.fn.max('id').as('last')]).groupBy('inspection_id').orderBy('last', 'desc').limit(count).execute();
  const total = await measured.select((eb) => eb.fn.count<number>('inspection_id').distinct().as('n')).executeTakeFirstOrThrow();
  if (latest.length === 0) return { results: [], inspections: 0 };
  const rows = await measured.selectAll().where('inspection_id', 'in', latest.map((l) => l.inspection_id)).orderBy('at').orderBy('id').execute();
  return { results: rows.map(toResult), inspections: Number(total.n) };
}

/** Every result recorded at an operation, in recorded order. */
export async function resultsAt(db: Kysely<Database>, operationId: string): Promise<InspectionResult[]> {
  const rows = await qualityDb(db).selectFrom('inspection_results').selectAll().where('operation_id', '=', operationId).orderBy('at').orderBy('id').execute();
  return rows.map(toResult);
}
