import type { ChartComputation } from './chart-computation.js';
import { threeSigmaLimits } from './chart-computation.js';
import { mean } from './sample-statistics.js';
import { spcConstants } from './spc-constants.js';
import type { FrozenLimits } from './spc.types.js';

/** The moving ranges |x[i] − x[i−1]| of consecutive values: one fewer than the values. */
export function movingRanges(values: readonly number[]): number[] {
  const ranges: number[] = [];
  for (let i = 1; i < values.length; i++) ranges.push(Math.abs((values[i] ?? 0) - (values[i - 1] ?? 0)));
  return ranges;
}

/**
 * Individuals and moving range chart over at least two values.
 * Phase I: centre x̄, sigma MR̄/d2(2) (d2(2) = 1.128379, the 1.128 of the textbooks), limits x̄ ± 3·sigma;
 * MR chart MR̄, 0, D4(2)·MR̄. A constant series gives sigma 0 and limits on the centre line, never NaN.
 * Phase II (`frozen`): limits centre ± 3·sigma; the MR chart is the one of MR̄0 = d2(2)·sigma.
 */
export function individualsChart(values: readonly number[], frozen?: FrozenLimits): ChartComputation {
  const k = spcConstants(2);
  const mrBar = mean(movingRanges(values));
  const sigmaWithin = mrBar / k.d2;
  const points = [...values];
  if (frozen) {
    const mrBar0 = k.d2 * frozen.sigma;
    return {
      ...threeSigmaLimits(frozen.center, frozen.sigma, false),
      sigma: frozen.sigma,
      points,
      sigmaWithin,
      range: { center: mrBar0, lcl: k.D3 * mrBar0, ucl: k.D4 * mrBar0 },
    };
  }
  return {
    ...threeSigmaLimits(mean(values), sigmaWithin, false),
    sigma: sigmaWithin,
    points,
    sigmaWithin,
    range: { center: mrBar, lcl: k.D3 * mrBar, ucl: k.D4 * mrBar },
  };
}
