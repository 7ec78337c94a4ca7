import type { ChartComputation } from './chart-computation.js';
import { threeSigmaLimits } from './chart-computation.js';
import { mean, range } from './sample-statistics.js';
import { spcConstants } from './spc-constants.js';
import type { FrozenLimits } from './spc.types.js';

/**
 * x̄-R chart over subgroups of one size n (2 … 25).
 * Phase I: centre x̄̄, limits x̄̄ ± A2·R̄, sigma of x̄ = A2·R̄/3 (= R̄/(d2·√n)); R chart R̄, D3·R̄, D4·R̄.
 * Phase II (`frozen`): limits centre ± 3·sigma; the R chart is the one of R̄0 = d2·sigma·√n.
 * `sigmaWithin` is always R̄/d2 of the data given.
 */
export function xbarRChart(subgroups: readonly (readonly number[])[], frozen?: FrozenLimits): ChartComputation {
  const n = subgroups[0]?.length ?? 0;
  const k = spcConstants(n);
  const points = subgroups.map(mean);
  const rBar = mean(subgroups.map(range));
  const sigmaWithin = rBar / k.d2;
  if (frozen) {
    const rBar0 = k.d2 * frozen.sigma * Math.sqrt(n);
    return {
      ...threeSigmaLimits(frozen.center, frozen.sigma, false),
      sigma: frozen.sigma,
      points,
      sigmaWithin,
      range: { center: rBar0, lcl: k.D3 * rBar0, ucl: k.D4 * rBar0 },
    };
  }
  const center = mean(points);
  const halfWidth = k.A2 * rBar;
  return {
    center,
    lcl: center - halfWidth,
    ucl: center + halfWidth,
    sigma: halfWidth / 3,
    points,
    sigmaWithin,
    range: { center: rBar, lcl: k.D3 * rBar, ucl: k.D4 * rBar },
  };
}
