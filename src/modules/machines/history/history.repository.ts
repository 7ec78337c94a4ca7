import { sql } from 'kysely';
import type { Db } from '../mapping/mapping.repository.js';

/** Flags of a history row. */
export const STALE = 1;
export const HISTORICAL = 2;
export const NULL_VALUE = 4;

export interface HistoryRow {
  readonly seriesId: number;
  readonly ts: number;
  readonly value: number | null;
  readonly textValue: string | null;
  readonly flags: number;
}

export interface SeriesKey {
  readonly protocol: string;
  readonly node: string;
  readonly device: string;
  readonly metric: string;
}

// Five parameters a row: 2000 rows stay below SQLite's 32766 and PostgreSQL's 65535 bound parameters.
const ROWS_PER_INSERT = 2000;

/**
 * Appends history rows with multi-row INSERTs, built directly (the query builder's per-row work dominated at
 * thousands of rows a batch). Values are bound parameters on both dialects.
 */
export async function insertHistory(db: Db, rows: readonly HistoryRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    const values = sql.join(chunk.map((r) => sql`(${r.seriesId}, ${r.ts}, ${r.value}, ${r.textValue}, ${r.flags})`));
    await sql`insert into process_history (series_id, ts, value, text_value, flags) values ${values}`.execute(db);
  }
}

/** The series ids of a source's metrics that exist. */
export async function seriesOfSource(db: Db, s: Omit<SeriesKey, 'metric'>): Promise<Map<string, number>> {
  const rows = await db.selectFrom('machine_series').select(['id', 'metric'])
    .where('protocol', '=', s.protocol).where('node', '=', s.node).where('device', '=', s.device).execute();
  return new Map(rows.map((r) => [r.metric, Number(r.id)]));
}

/** Creates the series not there yet (another node may create them at the same time: that is no conflict). */
export async function createSeries(db: Db, keys: readonly SeriesKey[], equipmentId: string | null, at: number): Promise<void> {
  if (keys.length === 0) return;
  await db.insertInto('machine_series')
    .values(keys.map((k) => ({ protocol: k.protocol, node: k.node, device: k.device, metric: k.metric, equipment_id: equipmentId, first_seen_at: at })))
    .onConflict((oc) => oc.columns(['protocol', 'node', 'device', 'metric']).doNothing())
    .execute();
}

/** The latest live (not stale, not null) numeric value of a series: a counter's last reading. */
export async function lastNumericValue(db: Db, seriesId: number): Promise<number | undefined> {
  const r = await db.selectFrom('process_history').select('value')
    .where('series_id', '=', seriesId).where('value', 'is not', null).where('flags', '=', 0)
    .orderBy('ts', 'desc').limit(1).executeTakeFirst();
  return r?.value === null || r === undefined ? undefined : Number(r.value);
}
