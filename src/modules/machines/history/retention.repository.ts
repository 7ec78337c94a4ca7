import { sql } from 'kysely';
import { readWholeNumberSetting, writeSetting } from '../../../platform/store/settings.repository.js';
import type { Db } from '../mapping/mapping.repository.js';

const RETENTION_KEY = 'machine_history_retention_days';

/** How long process history is kept, in days; 0 keeps it for ever (the default: nothing is deleted unless asked). */
export interface HistoryRetention {
  readonly days: number;
}

export async function readHistoryRetention(db: Db): Promise<HistoryRetention> {
  return { days: await readWholeNumberSetting(db, RETENTION_KEY, 0) };
}

export async function writeHistoryRetention(db: Db, retention: HistoryRetention): Promise<void> {
  await writeSetting(db, RETENTION_KEY, retention.days);
}

/** Every series id, in order. */
export async function seriesIds(db: Db): Promise<number[]> {
  return (await db.selectFrom('machine_series').select('id').orderBy('id').execute()).map((r) => Number(r.id));
}

/**
 * Deletes the oldest rows of one series before `before`, at most about `limit` (every row at the time of the
 * limit-th oldest goes too, so rows of one instant are never split). Index-driven on (series_id, ts) on both stores.
 */
export async function deleteOldestHistory(db: Db, seriesId: number, before: number, limit: number): Promise<number> {
  const r = await sql`delete from process_history where series_id = ${seriesId} and ts < ${before} and ts <= (
    select max(ts) from (select ts from process_history where series_id = ${seriesId} and ts < ${before} order by ts limit ${limit}) oldest
  )`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
