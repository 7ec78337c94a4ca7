import { describe, expect, it } from 'vitest';
import { individualsChart, movingRanges } from './i-mr.chart.js';
import { spcConstants } from './spc-constants.js';
import { ANTIFREEZE, expectPublished, VISCOSITY } from './spc-reference.fixture.js';

describe('individualsChart', () => {
  // qcc 2.x printed these figures with d2(2) = 1.128; the chart uses the exact d2(2) = 1.1283792, which moves
  // sigma and the limit width by 3.4e-4 of their size. With 1.128 the published figures come out to the digit.
  it.each([
    ['viscosity (Montgomery)', VISCOSITY, '33.52333', '0.4261651', '32.24484', '34.80183'],
    ['antifreeze (Wetherill and Brown)', ANTIFREEZE, '2.569706', '0.1794541', '2.031344', '3.108068'],
  ])('reproduces the R qcc individuals chart of the %s data', (_, values, center, sigma, lcl, ucl) => {
    const chart = individualsChart(values);
    const mrBar = chart.range?.center ?? 0;
    expectPublished(chart.center, center);
    expectPublished(mrBar / 1.128, sigma);
    expectPublished(chart.center - (3 * mrBar) / 1.128, lcl);
    expectPublished(chart.center + (3 * mrBar) / 1.128, ucl);
    expect(chart.sigma).toBe(mrBar / spcConstants(2).d2);
    expect(Math.abs(chart.sigma / Number(sigma) - 1)).toBeLessThan(3.5e-4);
    expect(chart.ucl).toBeCloseTo(chart.center + 3 * chart.sigma, 12);
  });

  it('puts the moving range chart at MR̄, 0 and D4(2)·MR̄ = 3.267·MR̄', () => {
    const mr = movingRanges(VISCOSITY);
    const mrBar = mr.reduce((a, b) => a + b, 0) / mr.length;
    const chart = individualsChart(VISCOSITY);
    expect(mr).toHaveLength(14);
    expect(chart.range).toEqual({ center: mrBar, lcl: 0, ucl: spcConstants(2).D4 * mrBar });
    expectPublished(chart.range?.ucl ?? 0, String((3.267 * mrBar).toFixed(3)));
  });

  it('gives a constant series sigma 0 and limits on the centre line, without NaN', () => {
    const chart = individualsChart([5, 5, 5, 5]);
    expect(chart).toMatchObject({ center: 5, lcl: 5, ucl: 5, sigma: 0, sigmaWithin: 0, range: { center: 0, lcl: 0, ucl: 0 } });
  });

  it('judges phase II values against the frozen centre ± 3·sigma', () => {
    const chart = individualsChart([1, 2, 3], { center: 2, sigma: 0.5 });
    expect(chart).toMatchObject({ center: 2, lcl: 0.5, ucl: 3.5, sigma: 0.5 });
    expect(chart.range?.center).toBeCloseTo(spcConstants(2).d2 * 0.5, 12);
  });
});
