import { describe, expect, it } from 'vitest';
import { mean, sampleStandardDeviation } from './sample-statistics.js';
import { spcConstants } from './spc-constants.js';
import { expectPublished, PISTON_RINGS } from './spc-reference.fixture.js';
import { xbarSChart } from './xbar-s.chart.js';

const phaseOne = PISTON_RINGS.slice(0, 25);

describe('xbarSChart', () => {
  it('reproduces the piston ring x̄-S chart limits 73.988 / 74.014 (Montgomery, Example 6.3)', () => {
    const chart = xbarSChart(phaseOne);
    expectPublished(chart.lcl, '73.988');
    expectPublished(chart.ucl, '74.014');
  });

  it('matches R qcc for the S chart: S̄ 0.009240037, σ 0.009829977, limits 0 / 0.019302416', () => {
    const chart = xbarSChart(phaseOne);
    expectPublished(chart.range?.center ?? 0, '0.009240037');
    expectPublished(chart.sigmaWithin ?? 0, '0.009829977');
    expectPublished(chart.range?.lcl ?? -1, '0');
    expect(Math.abs((chart.range?.ucl ?? 0) / 0.019302416 - 1)).toBeLessThan(1e-7);
  });

  it('computes the limits from A3, B3, B4 and the sigma of x̄ as S̄/(c4·√n)', () => {
    const k = spcConstants(5);
    const sBar = mean(phaseOne.map(sampleStandardDeviation));
    const chart = xbarSChart(phaseOne);
    expect(chart.ucl - chart.center).toBeCloseTo(k.A3 * sBar, 12);
    expect(chart.sigma).toBeCloseTo(sBar / (k.c4 * Math.sqrt(5)), 9);
    expect(chart.range).toEqual({ center: sBar, lcl: 0, ucl: k.B4 * sBar });
  });

  it('uses B3 above zero for subgroups of 6 or more', () => {
    const groups = [
      [1, 2, 3, 4, 5, 6],
      [2, 3, 4, 5, 6, 8],
      [0, 2, 3, 3, 5, 7],
    ];
    const chart = xbarSChart(groups);
    const sBar = mean(groups.map(sampleStandardDeviation));
    expect(chart.range?.lcl).toBeCloseTo(spcConstants(6).B3 * sBar, 12);
    expect(chart.range?.lcl).toBeGreaterThan(0);
  });

  it('derives the S chart of phase II from the frozen sigma: centre c4·σ0, limits B3, B4 times it', () => {
    const k = spcConstants(5);
    const chart = xbarSChart(PISTON_RINGS.slice(25), { center: 74, sigma: 0.01 / Math.sqrt(5) });
    expect(chart.range?.center).toBeCloseTo(k.c4 * 0.01, 12);
    expect(chart.range?.ucl).toBeCloseTo(k.B4 * k.c4 * 0.01, 12);
    expect(chart.lcl).toBeCloseTo(74 - (3 * 0.01) / Math.sqrt(5), 12);
  });
});
