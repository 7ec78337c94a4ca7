import { describe, expect, it } from 'vitest';
import { cChart, npChart, pChart, uChart } from './attribute.charts.js';
import { CIRCUIT, DYED_CLOTH, expectPublished, ORANGE_JUICE, PC_MANUFACTURE } from './spc-reference.fixture.js';

const fifties = (k: number) => Array.from({ length: k }, () => 50);

describe('pChart', () => {
  it('reproduces the orange juice can chart: p̄ 0.2313333, limits 0.05242755 / 0.4102391 (Montgomery Ex. 7.1, R qcc)', () => {
    const chart = pChart(ORANGE_JUICE, fifties(30));
    expectPublished(chart.center, '0.2313333');
    expectPublished(chart.lcl, '0.05242755');
    expectPublished(chart.ucl, '0.4102391');
    expect(chart.points.filter((p) => p > chart.ucl)).toEqual([22 / 50, 24 / 50]);
    expect(chart.pointLimits).toBeUndefined();
  });

  it('reproduces the revised chart without samples 15 and 23: p̄ 0.215, limits 0.04070284 / 0.3892972', () => {
    const kept = ORANGE_JUICE.filter((_, i) => i !== 14 && i !== 22);
    const chart = pChart(kept, fifties(28));
    expectPublished(chart.center, '0.215');
    expectPublished(chart.lcl, '0.04070284');
    expectPublished(chart.ucl, '0.3892972');
  });

  it('gives each point its own limits when sample sizes vary, and the average size at the top level', () => {
    const defects = [5, 10, 2];
    const sizes = [100, 200, 50];
    const chart = pChart(defects, sizes);
    const pBar = 17 / 350;
    const sigmaAt = (n: number) => Math.sqrt((pBar * (1 - pBar)) / n);
    expect(chart.center).toBeCloseTo(pBar, 15);
    expect(chart.sigma).toBeCloseTo(sigmaAt(350 / 3), 15);
    expect(chart.pointLimits?.sigma).toEqual(sizes.map(sigmaAt));
    expect(chart.pointLimits?.ucl[1]).toBeCloseTo(pBar + 3 * sigmaAt(200), 15);
    expect(chart.pointLimits?.lcl[1]).toBeCloseTo(pBar - 3 * sigmaAt(200), 15);
    expect([chart.pointLimits?.lcl[0], chart.pointLimits?.lcl[2]]).toEqual([0, 0]);
  });

  it('floors the lower limit at zero', () => {
    expect(pChart([1, 0, 2], [20, 20, 20]).lcl).toBe(0);
  });

  it('judges phase II samples against the frozen centre and sigma, floored at zero', () => {
    expect(pChart([3, 4], [50, 50], { center: 0.05, sigma: 0.03 })).toMatchObject({ center: 0.05, lcl: 0, ucl: 0.14, sigma: 0.03 });
  });
});

describe('npChart', () => {
  it('puts the orange juice data at 50 times the p chart', () => {
    const np = npChart(ORANGE_JUICE, fifties(30));
    const p = pChart(ORANGE_JUICE, fifties(30));
    expect(np.center).toBeCloseTo(50 * p.center, 12);
    expect(np.lcl).toBeCloseTo(50 * p.lcl, 12);
    expect(np.ucl).toBeCloseTo(50 * p.ucl, 12);
    expect(np.points).toEqual(ORANGE_JUICE);
  });
});

describe('cChart', () => {
  // Montgomery prints c̄ = 19.85, UCL = 33.22, LCL = 6.48, working from the rounded c̄; samples 6 and 20 are out.
  it('reproduces the printed circuit board chart: c̄ 19.85, LCL 6.48, UCL 33.22 from the rounded centre', () => {
    const chart = cChart(CIRCUIT);
    expectPublished(chart.center, '19.85');
    expectPublished(chart.lcl, '6.48');
    expect(chart.center).toBeCloseTo(516 / 26, 12);
    expect(chart.ucl).toBeCloseTo(516 / 26 + 3 * Math.sqrt(516 / 26), 12);
    expect(Math.abs(chart.ucl - 33.22)).toBeLessThan(0.01);
    expect(chart.points.flatMap((c, i) => (c < chart.lcl || c > chart.ucl ? [i + 1] : []))).toEqual([6, 20]);
  });
});

describe('uChart', () => {
  it('reproduces the personal computer chart: ū 1.93, limits 0.07 / 3.79 (Montgomery Ex. 7.4)', () => {
    const chart = uChart(PC_MANUFACTURE, Array.from({ length: 20 }, () => 5));
    expectPublished(chart.center, '1.93');
    expectPublished(chart.lcl, '0.07');
    expectPublished(chart.ucl, '3.79');
  });

  it('gives each dyed cloth roll its limits for its inspection units: ū 1.42 (Montgomery Ex. 7.5)', () => {
    const chart = uChart(DYED_CLOTH.defects, DYED_CLOTH.sizes);
    const uBar = 153 / 107.5;
    expectPublished(chart.center, '1.42');
    DYED_CLOTH.sizes.forEach((n, i) => {
      expect(chart.pointLimits?.ucl[i]).toBeCloseTo(uBar + 3 * Math.sqrt(uBar / n), 12);
      expect(chart.pointLimits?.lcl[i]).toBeCloseTo(uBar - 3 * Math.sqrt(uBar / n), 12);
    });
    expect(chart.points[0]).toBeCloseTo(1.4, 12);
    expect(chart.sigma).toBeCloseTo(Math.sqrt(uBar / 10.75), 12);
  });
});
