import { sql } from 'kysely';
import { EMPTY_ACCOUNT, type CountFigures, type TimeAccount } from '../domain/index.js';
import type { Db } from '../shared/db.js';
import type { EquipmentDayAccountsTable } from '../../../platform/store/schema.js';

/** Count figures of one source, and how many reports made them. */
export interface SourceFigures {
  readonly figures: CountFigures;
  readonly reports: number;
}

/**
 * The summable account of one piece of equipment over site-local days: the time part, and the count part of each
 * source, so the window's choice of source (see `chooseSource`) is still made over the whole window. Accounts of
 * several days add up field by field.
 */
export interface DayAccount {
  readonly time: TimeAccount;
  readonly machine: SourceFigures;
  readonly operator: SourceFigures;
}

/** A day account to cache, with what it was computed under. */
export interface CachedDay extends DayAccount {
  readonly equipmentId: string;
  readonly dayStart: number;
  readonly dayEnd: number;
  readonly fingerprint: string;
  readonly revision: number;
}

/** The cached days of one equipment under one fingerprint and revision inside a window: how many, and their sum. */
export interface CachedGroup {
  readonly fingerprint: string;
  readonly revision: number;
  readonly days: number;
  readonly sum: DayAccount;
}

type Column = Exclude<keyof EquipmentDayAccountsTable, 'equipment_id' | 'day_start' | 'day_end' | 'fingerprint' | 'revision' | 'computed_at'>;

const TIME: readonly (readonly [Column, keyof TimeAccount])[] = [
  ['shift_ms', 'shiftMs'], ['break_ms', 'breakMs'], ['planned_state_ms', 'plannedStateMs'], ['running_ms', 'runningMs'], ['idle_ms', 'idleMs'],
  ['setup_ms', 'setupMs'], ['breakdown_ms', 'breakdownMs'], ['micro_stop_ms', 'microStopMs'], ['offline_ms', 'offlineMs'], ['no_data_ms', 'noDataMs'],
  ['breakdown_count', 'breakdownCount'], ['micro_stop_count', 'microStopCount'],
];
const FIGURES: readonly (readonly [string, keyof CountFigures])[] = [
  ['total_count', 'totalCount'], ['reject_count', 'rejectCount'], ['rework_count', 'reworkCount'], ['ideal_sec', 'idealSec'], ['ideal_reject_sec', 'idealRejectSec'],
];
const SOURCES = [['m', 'machine'], ['o', 'operator']] as const;

function toColumns(d: DayAccount): Record<Column, number> {
  const out: Record<string, number> = {};
  for (const [column, key] of TIME) out[column] = d.time[key];
  for (const [prefix, source] of SOURCES) {
    for (const [column, key] of FIGURES) out[`${prefix}_${column}`] = d[source].figures[key];
    out[`${prefix}_reports`] = d[source].reports;
  }
  return out as Record<Column, number>;
}

function fromColumns(r: Readonly<Record<string, unknown>>): DayAccount {
  const n = (column: string) => Number(r[column] ?? 0);
  const time: Record<string, number> = { ...EMPTY_ACCOUNT };
  for (const [column, key] of TIME) time[key] = n(column);
  const source = (prefix: string): SourceFigures => {
    const figures: Record<string, number> = {};
    for (const [column, key] of FIGURES) figures[key] = n(`${prefix}_${column}`);
    return { figures: figures as unknown as CountFigures, reports: n(`${prefix}_reports`) };
  };
  return { time: time as unknown as TimeAccount, machine: source('m'), operator: source('o') };
}

const COLUMNS: readonly Column[] = Object.keys(toColumns({ time: EMPTY_ACCOUNT, machine: { figures: EMPTY_ACCOUNT, reports: 0 }, operator: { figures: EMPTY_ACCOUNT, reports: 0 } })) as Column[];

/**
 * The cached whole days inside `[from, to)` of each piece of equipment, summed in the store per fingerprint and
 * revision (one row per group, however many days): the caller keeps the group still valid.
 */
export async function cachedGroups(db: Db, equipmentIds: readonly string[], from: number, to: number): Promise<Map<string, CachedGroup[]>> {
  const out = new Map<string, CachedGroup[]>();
  for (let i = 0; i < equipmentIds.length; i += 500) {
    const rows = await db
      .selectFrom('equipment_day_accounts')
      .select(['equipment_id', 'fingerprint', 'revision', (eb) => eb.fn.countAll<number>().as('days')])
      .select(COLUMNS.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c)))
      .where('equipment_id', 'in', equipmentIds.slice(i, i + 500))
      .where('day_start', '>=', from)
      .where('day_end', '<=', to)
      .groupBy(['equipment_id', 'fingerprint', 'revision'])
      .execute();
    for (const r of rows) {
      const group = { fingerprint: r.fingerprint, revision: Number(r.revision), days: Number(r.days), sum: fromColumns(r as Record<string, unknown>) };
      out.set(r.equipment_id, [...(out.get(r.equipment_id) ?? []), group]);
    }
  }
  return out;
}

/** The starts of the cached days of one equipment inside `[from, to)` under a fingerprint and revision. */
export async function cachedDayStarts(db: Db, equipmentId: string, from: number, to: number, fingerprint: string, revision: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('equipment_day_accounts')
    .select('day_start')
    .where('equipment_id', '=', equipmentId)
    .where('day_start', '>=', from)
    .where('day_end', '<=', to)
    .where('fingerprint', '=', fingerprint)
    .where('revision', '=', revision)
    .execute();
  return new Set(rows.map((r) => r.day_start));
}

/** Stores day accounts, replacing what was cached for the same equipment and day. */
export async function saveDays(db: Db, days: readonly CachedDay[], now: number): Promise<void> {
  for (let i = 0; i < days.length; i += 40) {
    await db
      .insertInto('equipment_day_accounts')
      .values(
        days.slice(i, i + 40).map((d) => ({
          equipment_id: d.equipmentId, day_start: d.dayStart, day_end: d.dayEnd, fingerprint: d.fingerprint, revision: d.revision, computed_at: now, ...toColumns(d),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['equipment_id', 'day_start']).doUpdateSet((eb) => {
          const set: Record<string, unknown> = {};
          for (const c of ['day_end', 'fingerprint', 'revision', 'computed_at', ...COLUMNS] as const) set[c] = eb.ref(`excluded.${c}`);
          return set as Partial<EquipmentDayAccountsTable>;
        }),
      )
      .execute();
  }
}
