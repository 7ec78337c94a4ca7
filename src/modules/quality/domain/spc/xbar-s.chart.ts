import type { ChartComputation } from './chart-computation.js';
import { threeSigmaLimits } from './chart-computation.js';
import { mean, sampleStandardDeviation } from './sample-statistics.js';
import { spcConstants } from './spc-constants.js';
import type { FrozenLimits } from './spc.types.js';

/**
 * x̄-S chart over subgroups of one size n (2 … 25).
 * Phase I: centre x̄̄, limits x̄̄ ± A3·S̄, sigma of x̄ = A3·S̄/3 (= S̄/(c4·√n)); S chart S̄, B3·S̄, B4·S̄.
 * Phase II (`frozen`): limits centre ± 3·sigma; the S chart is the one of S̄0 = c4·sigma·√n.
 * `sigmaWithin` is always S̄/c4 of the data given.
 */
export function xbarSChart(subgroups: readonly (readonly number[])[], frozen?: FrozenLimits): ChartComputation {
  const n = subgroups[0]?.length ?? 0;
  const k = spcConstants(n);
  const points = subgroups.map(mean);
  const sBar = mean(subgroups.map(sampleStandardDeviation));
  const sigmaWithin = sBar / k.c4;
  if (frozen) {
    const sBar0 = k.c4 * frozen.sigma * Math.sqrt(n);
    return {
      ...threeSigmaLimits(frozen.center, frozen.sigma, false),
      sigma: frozen.sigma,
      points,
      sigmaWithin,
      range: { center: sBar0, lcl: k.B3 * sBar0, ucl: k.B4 * sBar0 },
    };
  }
  const center = mean(points);
  const halfWidth = k.A3 * sBar;
  return {
    center,
    lcl: center - halfWidth,
    ucl: center + halfWidth,
    sigma: halfWidth / 3,
    points,
    sigmaWithin,
    range: { center: sBar, lcl: k.B3 * sBar, ucl: k.B4 * sBar },
  };
}
