import { describe, expect, it } from 'vitest';
import { evaluateRules } from './rule-evaluation.js';

// Centre 0 and sigma 1: each value is its own distance from the centre in sigmas.
const flags = (series: number[]) => evaluateRules(series, 0, 1, 'western-electric');

describe('Western Electric rules', () => {
  it('WE1 flags a point beyond 3σ on either side', () => {
    expect(flags([0, 0.5, 3.2, -3.5])).toEqual([
      { rule: 'WE1', index: 2 },
      { rule: 'WE1', index: 3 },
    ]);
  });

  it('WE1 leaves points at or inside 3σ alone', () => {
    expect(flags([3, 0, 0, -3, 0, 0, 2.99])).toEqual([]);
  });

  it('WE2 flags two of three beyond 2σ on one side at the point that completes them', () => {
    expect(flags([0.5, 2.5, -1, 2.2])).toEqual([{ rule: 'WE2', index: 3 }]);
  });

  it('WE2 needs both points on the same side, and the completing point beyond 2σ itself', () => {
    expect(flags([2.5, -2.5, 0.3])).toEqual([]);
    expect(flags([2.5, 2.6, 1.0])).toEqual([{ rule: 'WE2', index: 1 }]);
  });

  it('WE3 flags four of five beyond 1σ on one side', () => {
    expect(flags([1.5, 1.2, 0.3, 1.1, 1.3])).toEqual([{ rule: 'WE3', index: 4 }]);
  });

  it('WE3 ignores four beyond 1σ split over both sides, and a last point inside 1σ', () => {
    expect(flags([1.5, 1.2, -1.5, 0.5, 1.3])).toEqual([]);
    expect(flags([1.5, 1.2, 1.1, 1.3, 0.5])).toEqual([{ rule: 'WE3', index: 3 }]);
  });

  it('WE4 flags eight in a row on one side of the centre line', () => {
    expect(flags(Array.from({ length: 8 }, () => -0.5))).toEqual([{ rule: 'WE4', index: 7 }]);
  });

  it('WE4 is broken by a point on the other side or on the centre line', () => {
    expect(flags([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, -0.5])).toEqual([]);
    expect(flags([0.5, 0.5, 0.5, 0, 0.5, 0.5, 0.5, 0.5])).toEqual([]);
  });
});
