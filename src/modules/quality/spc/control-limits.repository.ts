import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import type { ChartType, RuleSet } from '../domain/spc/index.js';
import { qualityDb, type ControlLimitsTable } from '../quality.tables.js';

/** Limits frozen for a characteristic's chart: centre and sigma of the plotted statistic (phase II). */
export interface ControlLimits {
  readonly characteristicCode: string;
  readonly chart: ChartType;
  readonly center: number;
  readonly sigma: number;
  readonly rules: RuleSet;
  /** `manual` when set directly, `baseline` when computed from the results of a window. */
  readonly source: 'manual' | 'baseline';
  readonly baselineFrom: number | null;
  readonly baselineTo: number | null;
  readonly setAt: number;
  readonly setBy: string;
}

function toLimits(r: ControlLimitsTable): ControlLimits {
  return {
    characteristicCode: r.characteristic_code, chart: r.chart as ChartType, center: Number(r.center), sigma: Number(r.sigma), rules: r.rules as RuleSet,
    source: r.source as ControlLimits['source'], baselineFrom: r.baseline_from === null ? null : Number(r.baseline_from),
    baselineTo: r.baseline_to === null ? null : Number(r.baseline_to), setAt: Number(r.set_at), setBy: r.set_by,
  };
}

export async function findLimits(db: Kysely<Database>, code: string, chart: ChartType): Promise<ControlLimits | undefined> {
  const r = await qualityDb(db).selectFrom('control_limits').selectAll().where('characteristic_code', '=', code).where('chart', '=', chart).executeTakeFirst();
  return r ? toLimits(r) : undefined;
}

export async function limitsOf(db: Kysely<Database>, code: string): Promise<ControlLimits[]> {
  return (await qualityDb(db).selectFrom('control_limits').selectAll().where('characteristic_code', '=', code).orderBy('chart').execute()).map(toLimits);
}

/** Sets (or replaces) the frozen limits of a characteristic's chart. */
export async function saveLimits(db: Kysely<Database>, l: ControlLimits): Promise<void> {
  const q = qualityDb(db);
  const row = {
    center: l.center, sigma: l.sigma, rules: l.rules, source: l.source, baseline_from: l.baselineFrom, baseline_to: l.baselineTo, set_at: l.setAt, set_by: l.setBy,
  };
  await q
    .insertInto('control_limits')
    .values({ characteristic_code: l.characteristicCode, chart: l.chart, ...row })
    .onConflict((oc) => oc.columns(['characteristic_code', 'chart']).doUpdateSet(row))
    .execute();
}
