import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import type { Characteristic } from '../../product/index.js';
import { RULE_WINDOW, rulesCompletedAt, type ChartType, type SpcRule } from '../domain/spc/index.js';
import { latestInspections, latestValues } from '../inspections/inspection.repository.js';
import { findLimits } from './control-limits.repository.js';
import { defaultChart, seriesOf, VARIABLE_CHARTS, type Series } from './spc-series.js';

/** A run rule broken by a point that a new inspection completed, judged against the frozen limits. */
export interface SpcAlarm {
  readonly rule: SpcRule;
  /** 0-based index of the point in the characteristic's whole series on this chart. */
  readonly index: number;
  readonly point: number;
  readonly chart: ChartType;
  readonly center: number;
  readonly sigma: number;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The plotted statistic of a variables series: the values (i-mr) or the subgroup means (x̄ charts). */
function plotted(series: Series): number[] {
  return series.input.values ? [...series.input.values] : (series.input.subgroups ?? []).map(mean);
}

/** The latest points of a characteristic's series (at least RULE_WINDOW before the new ones) and its total point count. */
async function recentSeries(db: Kysely<Database>, ch: Characteristic, chart: ChartType, newValues: number): Promise<{ series: Series; total: number }> {
  const n = ch.subgroupSize ?? 1;
  if (chart === 'i-mr') {
    const { results, total } = await latestValues(db, ch.code, RULE_WINDOW + newValues);
    return { series: seriesOf(chart, results, undefined, 0), total };
  }
  if (n >= 2) {
    const { results, total } = await latestValues(db, ch.code, (RULE_WINDOW + Math.ceil(newValues / n) + 1) * n);
    return { series: seriesOf(chart, results, n, total - results.length), total: Math.floor(total / n) };
  }
  const { results, inspections } = await latestInspections(db, ch.code, RULE_WINDOW);
  return { series: seriesOf(chart, results, undefined, 0), total: inspections };
}

/**
 * The run-rule alarms of the points that an inspection (already stored) completed, for live feedback at the station.
 * Judged only against limits frozen for the characteristic's chart (phase II): limits taken from the data itself
 * would move with every point, and a pattern would be judged against limits that it helped to set. Without frozen
 * limits, and for attribute characteristics (charted on demand), there are no live alarms.
 */
export async function liveSpcAlarms(db: Kysely<Database>, ch: Characteristic, inspectionId: string, newValues: number): Promise<SpcAlarm[]> {
  const chart = defaultChart(ch);
  if (ch.type !== 'variable' || !VARIABLE_CHARTS.includes(chart)) return [];
  const limits = await findLimits(db, ch.code, chart);
  if (!limits) return [];
  const { series, total } = await recentSeries(db, ch, chart, newValues);
  const points = plotted(series);
  const alarms: SpcAlarm[] = [];
  series.last.forEach((last, i) => {
    if (last.inspectionId !== inspectionId) return;
    for (const rule of rulesCompletedAt(points, i, limits.center, limits.sigma, limits.rules)) {
      alarms.push({ rule, index: total - points.length + i, point: points[i] as number, chart, center: limits.center, sigma: limits.sigma });
    }
  });
  return alarms;
}
