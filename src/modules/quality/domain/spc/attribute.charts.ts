import type { ChartComputation } from './chart-computation.js';
import { threeSigmaLimits } from './chart-computation.js';
import { mean } from './sample-statistics.js';
import type { FrozenLimits, PointLimits } from './spc.types.js';

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Limits for a centre and one sigma per point; lower limits floored at zero. */
function perPoint(center: number, sigmas: readonly number[]): PointLimits {
  return {
    lcl: sigmas.map((s) => Math.max(0, center - 3 * s)),
    ucl: sigmas.map((s) => center + 3 * s),
    sigma: [...sigmas],
  };
}

/**
 * A chart of rates (p or u) whose sigma depends on each sample's size through `sigmaAt(n)`.
 * Top-level limits use the average size; when sizes vary each point also gets its own limits.
 * With `frozen` limits every point is judged against the same centre ± 3·sigma.
 */
function rateChart(points: number[], sizes: readonly number[], center: number, sigmaAt: (n: number) => number, frozen?: FrozenLimits): ChartComputation {
  if (frozen) return { ...threeSigmaLimits(frozen.center, frozen.sigma, true), sigma: frozen.sigma, points };
  const sigma = sigmaAt(mean(sizes));
  const varies = sizes.some((n) => n !== sizes[0]);
  return {
    ...threeSigmaLimits(center, sigma, true),
    sigma,
    points,
    ...(varies ? { pointLimits: perPoint(center, sizes.map(sigmaAt)) } : {}),
  };
}

/**
 * p chart: fraction nonconforming defects[i]/sizes[i]; p̄ = Σdefects/Σsizes, sigma_i = √(p̄(1−p̄)/n_i),
 * lower limits floored at zero; sizes may vary (per-point limits, top level for the average size).
 */
export function pChart(defects: readonly number[], sizes: readonly number[], frozen?: FrozenLimits): ChartComputation {
  const pBar = sum(defects) / sum(sizes);
  const points = defects.map((d, i) => d / (sizes[i] ?? 1));
  return rateChart(points, sizes, pBar, (n) => Math.sqrt((pBar * (1 - pBar)) / n), frozen);
}

/**
 * u chart: nonconformities per inspection unit defects[i]/sizes[i]; ū = Σdefects/Σsizes, sigma_i = √(ū/n_i),
 * lower limits floored at zero; sizes may vary (per-point limits, top level for the average size).
 */
export function uChart(defects: readonly number[], sizes: readonly number[], frozen?: FrozenLimits): ChartComputation {
  const uBar = sum(defects) / sum(sizes);
  const points = defects.map((d, i) => d / (sizes[i] ?? 1));
  return rateChart(points, sizes, uBar, (n) => Math.sqrt(uBar / n), frozen);
}

/** np chart: number nonconforming in samples of one size n; centre n·p̄, sigma √(n·p̄(1−p̄)), lcl floored at zero. */
export function npChart(defects: readonly number[], sizes: readonly number[], frozen?: FrozenLimits): ChartComputation {
  const points = [...defects];
  if (frozen) return { ...threeSigmaLimits(frozen.center, frozen.sigma, true), sigma: frozen.sigma, points };
  const n = sizes[0] ?? 0;
  const pBar = sum(defects) / sum(sizes);
  const sigma = Math.sqrt(n * pBar * (1 - pBar));
  return { ...threeSigmaLimits(n * pBar, sigma, true), sigma, points };
}

/** c chart: nonconformities per sample of constant size; centre c̄, sigma √c̄, lcl floored at zero. */
export function cChart(defects: readonly number[], frozen?: FrozenLimits): ChartComputation {
  const points = [...defects];
  if (frozen) return { ...threeSigmaLimits(frozen.center, frozen.sigma, true), sigma: frozen.sigma, points };
  const cBar = mean(defects);
  const sigma = Math.sqrt(cBar);
  return { ...threeSigmaLimits(cBar, sigma, true), sigma, points };
}
