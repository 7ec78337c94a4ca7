import type { ProductionCount } from '../domain/index.js';
import type { Db } from '../shared/db.js';

/** Who reported a count: the machine's counter, or a person. */
export type CountOrigin = 'machine' | 'operator';

/** A stored count report. */
export interface StoredCount extends ProductionCount {
  readonly source: CountOrigin;
}

export async function insertCount(db: Db, equipmentId: string, c: StoredCount & { recordedBy: string }): Promise<void> {
  await db
    .insertInto('equipment_counts')
    .values({ equipment_id: equipmentId, at: c.at, total: c.total, reject: c.reject, rework: c.rework ?? 0, source: c.source, recorded_by: c.recordedBy })
    .execute();
}

/** Count reports with `at` in `[from, to)`, by time. */
export async function countsBetween(db: Db, equipmentId: string, from: number, to: number): Promise<StoredCount[]> {
  const rows = await db
    .selectFrom('equipment_counts')
    .select(['at', 'total', 'reject', 'rework', 'source'])
    .where('equipment_id', '=', equipmentId)
    .where('at', '>=', from)
    .where('at', '<', to)
    .orderBy('at', 'asc')
    .execute();
  return rows.map((r) => ({ at: r.at, total: r.total, reject: r.reject, rework: r.rework, source: r.source === 'operator' ? 'operator' : 'machine' }));
}

/** Units (total) and number of reports per source with `at` in `[from, to)`: the cycle meter, summed in the store. */
export async function countTotalsBetween(db: Db, equipmentId: string, from: number, to: number): Promise<Record<CountOrigin, { total: number; reports: number }>> {
  const rows = await db
    .selectFrom('equipment_counts')
    .select(['source', (eb) => eb.fn.sum<number>('total').as('total'), (eb) => eb.fn.countAll<number>().as('reports')])
    .where('equipment_id', '=', equipmentId)
    .where('at', '>=', from)
    .where('at', '<', to)
    .groupBy('source')
    .execute();
  const out = { machine: { total: 0, reports: 0 }, operator: { total: 0, reports: 0 } };
  for (const r of rows) out[r.source === 'operator' ? 'operator' : 'machine'] = { total: Number(r.total), reports: Number(r.reports) };
  return out;
}
