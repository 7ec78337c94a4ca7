import type { ChartLimits, PointLimits } from './spc.types.js';

/** What one chart's calculation yields, before rules and capability are applied. */
export interface ChartComputation extends ChartLimits {
  /** Sigma of the plotted statistic (for the average sample size when sizes vary). */
  readonly sigma: number;
  readonly points: readonly number[];
  readonly sigmaWithin?: number;
  readonly range?: ChartLimits;
  /** Each point's own limits and sigma, when sample sizes vary. */
  readonly pointLimits?: PointLimits;
}

/** Centre ± 3 sigma; with `floorAtZero` (counts and proportions) the lower limit does not go below zero. */
export function threeSigmaLimits(center: number, sigma: number, floorAtZero: boolean): ChartLimits {
  const lcl = center - 3 * sigma;
  return { center, lcl: floorAtZero ? Math.max(0, lcl) : lcl, ucl: center + 3 * sigma };
}
