import { sql } from 'kysely';
import { HISTORICAL, NULL_VALUE, STALE } from './history.repository.js';
import type { Db } from '../mapping/mapping.repository.js';
import type { MachineMapping } from '../mapping/machine-mapping.js';

export interface HistoryBucket {
  readonly from: number;
  readonly to: number;
  readonly min: number;
  readonly max: number;
  readonly avg: number;
  readonly count: number;
}

/**
 * The numeric values of an equipment's metric in `[from, to)`, downsampled to at most `buckets` equal buckets
 * (min, max, average, count each; empty buckets left out). The bucket is worked out in the store with integer
 * arithmetic on epoch milliseconds (the same on both dialects), so a year of data is one grouped scan.
 */
export async function historyBuckets(db: Db, equipmentId: string, metric: string, from: number, to: number, buckets: number): Promise<HistoryBucket[]> {
  const span = to - from;
  // Literals, not parameters: PostgreSQL matches the GROUP BY expression to the selected one only when the text is
  // the same, and placeholders are numbered apart. All three are integers the caller checked.
  if (![from, span, buckets].every(Number.isSafeInteger)) throw new RangeError('window and buckets must be integers');
  const bucket = sql<number>`((process_history.ts - ${sql.lit(from)}) * ${sql.lit(buckets)}) / ${sql.lit(span)}`;
  const rows = await db.selectFrom('process_history')
    .innerJoin('machine_series', 'machine_series.id', 'process_history.series_id')
    .select([
      bucket.as('bucket'),
      (eb) => eb.fn.min<number>('process_history.value').as('min'),
      (eb) => eb.fn.max<number>('process_history.value').as('max'),
      (eb) => eb.fn.avg<number>('process_history.value').as('avg'),
      (eb) => eb.fn.count<number>('process_history.value').as('count'),
    ])
    .where('machine_series.equipment_id', '=', equipmentId)
    .where('machine_series.metric', '=', metric)
    .where('process_history.ts', '>=', from)
    .where('process_history.ts', '<', to)
    .where('process_history.value', 'is not', null)
    .groupBy(bucket)
    .orderBy(bucket)
    .execute();
  return rows.map((r) => {
    const b = Number(r.bucket);
    return {
      from: from + Math.ceil((b * span) / buckets), to: from + Math.ceil(((b + 1) * span) / buckets),
      min: Number(r.min), max: Number(r.max), avg: Number(r.avg), count: Number(r.count),
    };
  });
}

/** Times in `[from, to)` at which the equipment's metric went stale (its source died). */
export async function staleMarks(db: Db, equipmentId: string, metric: string, from: number, to: number): Promise<number[]> {
  const rows = await db.selectFrom('process_history')
    .innerJoin('machine_series', 'machine_series.id', 'process_history.series_id')
    .select('process_history.ts')
    .where('machine_series.equipment_id', '=', equipmentId).where('machine_series.metric', '=', metric)
    .where('process_history.ts', '>=', from).where('process_history.ts', '<', to)
    .where('process_history.flags', '=', STALE)
    .orderBy('process_history.ts').limit(1000).execute();
  return rows.map((r) => Number(r.ts));
}

export interface SeenMetric {
  readonly protocol: string;
  readonly node: string;
  readonly device: string | null;
  readonly metric: string;
  readonly equipmentId: string | null;
  readonly firstSeenAt: number;
  readonly lastAt: number | null;
  readonly lastValue: number | string | null;
  readonly stale: boolean;
}

/** Every series whose metric no mapping gives a role, with its latest value and whether its source died since (at most `limit`). */
export async function unmappedMetrics(db: Db, mappings: readonly MachineMapping[], limit: number): Promise<SeenMetric[]> {
  const roles = new Set(mappings.flatMap((m) => m.metrics.map((x) => `${m.protocol}\u0000${m.node}\u0000${m.device}\u0000${x.metric}`)));
  const series = await db.selectFrom('machine_series').selectAll().orderBy('protocol').orderBy('node').orderBy('device').orderBy('metric').execute();
  const out: SeenMetric[] = [];
  for (const s of series) {
    if (roles.has(`${s.protocol}\u0000${s.node}\u0000${s.device}\u0000${s.metric}`)) continue;
    if (out.length >= limit) break;
    const latest = (flags: readonly number[]) => db.selectFrom('process_history').select(['ts', 'value', 'text_value', 'flags'])
      .where('series_id', '=', s.id).where('flags', 'in', flags).orderBy('ts', 'desc').limit(1).executeTakeFirst();
    const last = await latest([0, HISTORICAL, NULL_VALUE, HISTORICAL | NULL_VALUE]);
    const mark = await latest([STALE]);
    out.push({
      protocol: s.protocol, node: s.node, device: s.device === '' ? null : s.device, metric: s.metric, equipmentId: s.equipment_id,
      firstSeenAt: Number(s.first_seen_at), lastAt: last ? Number(last.ts) : null,
      lastValue: !last || (last.flags & NULL_VALUE) !== 0 ? null : (last.value ?? last.text_value),
      stale: mark !== undefined && (last === undefined || Number(mark.ts) >= Number(last.ts)),
    });
  }
  return out;
}
