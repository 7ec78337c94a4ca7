import { CompiledQuery } from 'kysely';
import { onPostgres } from '../../../platform/store/database.js';
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

// Five parameters a row: 2000 rows stay below SQLite's 32766 bound parameters.
const ROWS_PER_INSERT = 2000;
const COLUMNS = 5;

/** The SQLite text of an n-row insert, kept per row count (a batch uses at most two row counts). */
const insertTexts = new Map<number, string>();
function insertText(rows: number): string {
  let text = insertTexts.get(rows);
  if (text === undefined) {
    text = `insert into process_history (series_id, ts, value, text_value, flags) values ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?)').join(', ')}`;
    if (insertTexts.size > 64) insertTexts.clear();
    insertTexts.set(rows, text);
  }
  return text;
}

/**
 * PostgreSQL: the whole batch in one statement of five array parameters. The server parses one short statement
 * instead of thousands of placeholders, and the driver sends five array literals; measured about twice as fast as
 * 2000-row VALUES lists (docs/benchmarks.md, machine ingest).
 */
export const PG_HISTORY_INSERT = 'insert into process_history (series_id, ts, value, text_value, flags) '
  + 'select * from unnest($1::bigint[], $2::bigint[], $3::double precision[], $4::text[], $5::integer[])';

/** The rows as the five column arrays of PG_HISTORY_INSERT. */
export function historyColumns(rows: readonly HistoryRow[]): [number[], number[], (number | null)[], (string | null)[], number[]] {
  const n = rows.length;
  const cols: [number[], number[], (number | null)[], (string | null)[], number[]] = [new Array(n), new Array(n), new Array(n), new Array(n), new Array(n)];
  for (let i = 0; i < n; i++) {
    const r = rows[i] as HistoryRow;
    cols[0][i] = r.seriesId;
    cols[1][i] = r.ts;
    cols[2][i] = r.value;
    cols[3][i] = r.textValue;
    cols[4][i] = r.flags;
  }
  return cols;
}

/**
 * Appends history rows: on SQLite multi-row INSERTs whose text is built once per row count, on PostgreSQL one
 * statement over column arrays; values are bound parameters on both. Compiled directly, since the query builder's
 * per-row work (a node per value, then a compile of thousands of nodes) cost more than the insert itself at
 * thousands of rows a batch.
 */
export async function insertHistory(db: Db, rows: readonly HistoryRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (onPostgres(db)) {
    await db.executeQuery(CompiledQuery.raw(PG_HISTORY_INSERT, historyColumns(rows)));
    return;
  }
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const end = Math.min(rows.length, start + ROWS_PER_INSERT);
    const parameters: unknown[] = new Array((end - start) * COLUMNS);
    let k = 0;
    for (let i = start; i < end; i++) {
      const r = rows[i] as HistoryRow;
      parameters[k++] = r.seriesId;
      parameters[k++] = r.ts;
      parameters[k++] = r.value;
      parameters[k++] = r.textValue;
      parameters[k++] = r.flags;
    }
    await db.executeQuery(CompiledQuery.raw(insertText(end - start), parameters));
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

/**
 * The latest live numeric values (not stale, not sent late, not null) of the series, oldest first, at most `limit` in
 * all: per series the newest `limit` through the (series_id, ts) index, then merged by time.
 */
export async function latestLiveValues(db: Db, seriesIds: readonly number[], limit: number): Promise<number[]> {
  const rows: { ts: number; value: number }[] = [];
  for (const id of seriesIds) {
    const latest = await db.selectFrom('process_history').select(['ts', 'value'])
      .where('series_id', '=', id).where('flags', '=', 0).where('value', 'is not', null)
      .orderBy('ts', 'desc').limit(limit).execute();
    for (const r of latest) rows.push({ ts: Number(r.ts), value: Number(r.value) });
  }
  return rows.sort((a, b) => a.ts - b.ts).slice(-limit).map((r) => r.value);
}
