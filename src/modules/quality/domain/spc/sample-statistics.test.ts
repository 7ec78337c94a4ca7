import { describe, expect, it } from 'vitest';
import { mean, range, sampleStandardDeviation } from './sample-statistics.js';

describe('sample statistics', () => {
  it('computes mean, sample standard deviation (n − 1) and range', () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    expect(sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 15);
    expect(range([3, -1, 7, 2])).toBe(8);
  });

  it('returns a constant series exactly as its mean, with zero spread', () => {
    for (const v of [0.1, 1 / 3, 74.0231, 3.4e-309, -1e300]) {
      const values = Array.from({ length: 24 }, () => v);
      expect(mean(values)).toBe(v);
      expect(sampleStandardDeviation(values)).toBe(0);
      expect(range(values)).toBe(0);
    }
  });

  it('gives 0 for too few values instead of NaN', () => {
    expect(mean([])).toBe(0);
    expect(sampleStandardDeviation([4])).toBe(0);
    expect(range([])).toBe(0);
  });
});
