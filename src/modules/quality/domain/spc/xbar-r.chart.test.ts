import { describe, expect, it } from 'vitest';
import { mean, range } from './sample-statistics.js';
import { spcConstants } from './spc-constants.js';
import { expectPublished, PISTON_RINGS } from './spc-reference.fixture.js';
import { xbarRChart } from './xbar-r.chart.js';

const phaseOne = PISTON_RINGS.slice(0, 25);

describe('xbarRChart', () => {
  it('reproduces the piston ring chart: x̄̄ = 74.001, R̄ = 0.023, limits 73.988 / 74.014 (Montgomery, Example 6.1)', () => {
    const chart = xbarRChart(phaseOne);
    expectPublished(chart.center, '74.001');
    expectPublished(chart.range?.center ?? 0, '0.023');
    expectPublished(chart.lcl, '73.988');
    expectPublished(chart.ucl, '74.014');
    expectPublished(chart.range?.lcl ?? -1, '0');
  });

  // qcc 2.x printed these with d2 = 2.326 from the three-decimal table; the exact d2 = 2.3259289 moves σ by 3e-5.
  it('matches R qcc: 74.00118, limits 73.98805 / 74.0143, and σ 0.009785039 when d2 is rounded to 2.326 as qcc did', () => {
    const chart = xbarRChart(phaseOne);
    expectPublished(chart.center, '74.00118');
    expectPublished(chart.lcl, '73.98805');
    expectPublished(chart.ucl, '74.0143');
    expectPublished((chart.range?.center ?? 0) / 2.326, '0.009785039');
    expect(chart.sigmaWithin).toBeCloseTo(0.009785039, 6);
    expect(chart.range?.ucl).toBeCloseTo(0.04812533, 5);
  });

  it('computes the limits from A2, D3, D4 and the sigma of x̄ as R̄/(d2·√n)', () => {
    const k = spcConstants(5);
    const xbarbar = mean(phaseOne.map(mean));
    const rBar = mean(phaseOne.map(range));
    const chart = xbarRChart(phaseOne);
    expect(chart.lcl).toBeCloseTo(xbarbar - k.A2 * rBar, 12);
    expect(chart.ucl).toBeCloseTo(xbarbar + k.A2 * rBar, 12);
    expect(chart.sigma).toBeCloseTo(rBar / (k.d2 * Math.sqrt(5)), 9);
    expect(chart.range).toEqual({ center: rBar, lcl: 0, ucl: k.D4 * rBar });
    expect(chart.points).toEqual(phaseOne.map(mean));
  });

  it('judges phase II subgroups against frozen limits and derives the R chart from the frozen sigma', () => {
    const frozen = { center: 74.00118, sigma: 0.009785039 / Math.sqrt(5) };
    const chart = xbarRChart(PISTON_RINGS.slice(25), frozen);
    const k = spcConstants(5);
    expect(chart.center).toBe(74.00118);
    expect(chart.ucl).toBeCloseTo(74.00118 + 3 * frozen.sigma, 12);
    expect(chart.sigma).toBe(frozen.sigma);
    expect(chart.range?.center).toBeCloseTo(k.d2 * 0.009785039, 12);
    expect(chart.range?.ucl).toBeCloseTo(k.D4 * k.d2 * 0.009785039, 12);
    expect(chart.points).toHaveLength(15);
  });
});

describe('expectPublished (test helper)', () => {
  it('accepts half a unit of the last published decimal and refuses more', () => {
    expect(() => expectPublished(74.0005, '74.000')).not.toThrow();
    expect(() => expectPublished(74.0006, '74.000')).toThrow(/published 74.000/);
  });
});
