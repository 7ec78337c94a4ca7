import { describe, expect, it } from 'vitest';
import { processCapability } from './process-capability.js';
import { mean, sampleStandardDeviation } from './sample-statistics.js';
import { expectPublished, PISTON_RINGS } from './spc-reference.fixture.js';
import { xbarRChart } from './xbar-r.chart.js';

const phaseOne = PISTON_RINGS.slice(0, 25);
const individuals = phaseOne.flat();
const sigmaWithin = xbarRChart(phaseOne).sigmaWithin ?? 0;
const mu = mean(individuals);
const sigmaOverall = sampleStandardDeviation(individuals);

describe('processCapability', () => {
  it('reproduces the piston ring capability of R qcc for 74 ± 0.05: Cp 1.703, Cpk 1.663', () => {
    const capability = processCapability({ individuals, sigmaWithin, lsl: 73.95, usl: 74.05 });
    expectPublished(capability.cp ?? 0, '1.703');
    expectPublished(capability.cpk ?? 0, '1.663');
  });

  it('reproduces qcc for the asymmetric specification 73.99 / 74.1: Cp 1.8736, Cpk 0.3807 (the lower side)', () => {
    const capability = processCapability({ individuals, sigmaWithin, lsl: 73.99, usl: 74.1 });
    expectPublished(capability.cp ?? 0, '1.8736');
    expectPublished(capability.cpk ?? 0, '0.3807');
  });

  it('computes Pp and Ppk with the overall standard deviation (n − 1) of all 125 rings', () => {
    const capability = processCapability({ individuals, sigmaWithin, lsl: 73.95, usl: 74.05 });
    expect(capability.pp).toBeCloseTo(0.1 / (6 * sigmaOverall), 12);
    expect(capability.ppk).toBeCloseTo((74.05 - mu) / (3 * sigmaOverall), 12);
    expect(capability.cpm).toBeUndefined();
  });

  it('computes Cpm with the overall sigma and the distance of the mean from the target', () => {
    const capability = processCapability({ individuals, sigmaWithin, lsl: 73.95, usl: 74.05, target: 74.02 });
    expect(capability.cpm).toBeCloseTo(0.1 / (6 * Math.sqrt(sigmaOverall ** 2 + (mu - 74.02) ** 2)), 12);
    // with the within sigma instead, this is qcc's 0.7856
    expectPublished(0.1 / (6 * Math.sqrt(sigmaWithin ** 2 + (mu - 74.02) ** 2)), '0.7856');
  });

  it('judges a one-sided specification from its side only and leaves Cp, Pp, Cpm undefined', () => {
    const upper = processCapability({ individuals, sigmaWithin, usl: 74.05, target: 74 });
    expect(upper).toEqual({ cp: null, cpk: (74.05 - mu) / (3 * sigmaWithin), pp: null, ppk: (74.05 - mu) / (3 * sigmaOverall), cpm: null });
    const lower = processCapability({ individuals, sigmaWithin, lsl: 73.95 });
    expect(lower.cpk).toBeCloseTo((mu - 73.95) / (3 * sigmaWithin), 12);
    expect(lower.cp).toBeNull();
  });

  it('gives null, never NaN or Infinity, when the data do not vary', () => {
    const capability = processCapability({ individuals: [5, 5, 5], sigmaWithin: 0, lsl: 4, usl: 6, target: 5 });
    expect(capability).toEqual({ cp: null, cpk: null, pp: null, ppk: null, cpm: null });
  });

  it('gives null, never Infinity, when sigma is so small that an index would overflow', () => {
    const capability = processCapability({ individuals: [0, 5e-324, 0], sigmaWithin: 5e-324, lsl: -1e12, usl: 1e12, target: 0 });
    expect(Object.values(capability).every((c) => c === null || Number.isFinite(c))).toBe(true);
    expect(capability.cp).toBeNull();
    expect(capability.cpk).toBeNull();
  });
});
