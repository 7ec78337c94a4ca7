import type { Characteristic } from '../../product/index.js';
import type { ChartType, SpcInput } from '../domain/spc/index.js';
import type { InspectionResult } from '../inspections/inspection.repository.js';

/** The charts whose points are measured values (the others count nonconforming units). */
export const VARIABLE_CHARTS: readonly ChartType[] = ['xbar-r', 'xbar-s', 'i-mr'];

/** The chart a characteristic is plotted on when none is asked for: its own, else by type and subgroup size. */
export function defaultChart(ch: Pick<Characteristic, 'type' | 'chart' | 'subgroupSize'> | undefined): ChartType {
  if (ch?.chart) return ch.chart;
  if (ch?.type === 'attribute') return 'p';
  return (ch?.subgroupSize ?? 1) >= 2 ? 'xbar-r' : 'i-mr';
}

/** The chart data of recorded results, and for each plotted point the result that completed it. */
export interface Series {
  readonly input: Pick<SpcInput, 'chart' | 'subgroups' | 'values' | 'defects' | 'sizes'>;
  readonly last: readonly InspectionResult[];
}

/** Groups in order of first appearance by a key. */
function groupBy<T>(items: readonly T[], key: (t: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/**
 * Consecutive groups of n, aligned on the characteristic's whole history: `before` results precede the given ones,
 * so the first (n - before mod n) mod n results finish a group that began before them and are left out, as is an
 * unfinished last group.
 */
function chunks<T>(items: readonly T[], n: number, before: number): T[][] {
  const skip = (n - (before % n)) % n;
  const out: T[][] = [];
  for (let i = skip; i + n <= items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}

/**
 * Turns recorded results (in recorded order) into the data of a chart.
 * - i-mr: every measured value is a point.
 * - x̄-R, x̄-S: with `subgroupSize` n, consecutive runs of n measured values (aligned by `before`); without it,
 *   the values of each inspection form one subgroup.
 * - p, np, c, u: a result out of specification (or failed) is a nonconforming unit; samples are consecutive runs of
 *   `subgroupSize` units, without it the units of each work order.
 */
export function seriesOf(chart: ChartType, results: readonly InspectionResult[], subgroupSize: number | undefined, before: number): Series {
  if (VARIABLE_CHARTS.includes(chart)) {
    const measured = results.filter((r) => r.value !== null);
    if (chart === 'i-mr') {
      return { input: { chart, values: measured.map((r) => r.value as number) }, last: measured };
    }
    const groups = subgroupSize !== undefined && subgroupSize >= 2 ? chunks(measured, subgroupSize, before) : groupBy(measured, (r) => r.inspectionId);
    return pointsOf(groups, { chart, subgroups: groups.map((g) => g.map((r) => r.value as number)) });
  }
  const samples = subgroupSize !== undefined && subgroupSize >= 1 ? chunks(results, subgroupSize, before) : groupBy(results, (r) => r.workOrderId);
  const defects = samples.map((s) => s.filter((r) => !r.inSpec).length);
  return pointsOf(samples, chart === 'c' ? { chart, defects } : { chart, defects, sizes: samples.map((s) => s.length) });
}

function pointsOf(groups: readonly (readonly InspectionResult[])[], input: Series['input']): Series {
  return { input, last: groups.map((g) => g[g.length - 1] as InspectionResult) };
}
