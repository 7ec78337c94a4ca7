import { describe, expect, it } from 'vitest';
import { idealCycleTimeAt, validateIdealCycleTimes, validateProductionCount } from './production-count.js';

const now = 1_000_000;

describe('validateProductionCount', () => {
  it('accepts a plain count', () => {
    expect(validateProductionCount({ at: now, total: 10, reject: 2, rework: 1 }, { now })).toEqual([]);
  });

  it('names every bad field', () => {
    expect(validateProductionCount({ at: now + 10_000, total: -1, reject: 0.5 }, { now }).map((p) => p.field)).toEqual(['total', 'reject', 'at']);
    expect(validateProductionCount({ at: now, total: 5, reject: 6 }, { now }).map((p) => p.field)).toEqual(['reject']);
    expect(validateProductionCount({ at: now, total: 5, reject: 2, rework: 3 }, { now }).map((p) => p.field)).toEqual(['rework']);
  });
});

describe('ideal cycle times', () => {
  const segments = [
    { from: 100, to: 200, idealCycleTimeSec: 5 },
    { from: 300, to: 400, idealCycleTimeSec: 7 },
  ];

  it('uses the segment in force, else the equipment default', () => {
    expect([50, 100, 199, 200, 350, 400].map((t) => idealCycleTimeAt(segments, 9, t))).toEqual([9, 5, 5, 9, 7, 9]);
  });

  it('rejects non-positive, empty and overlapping segments', () => {
    expect(validateIdealCycleTimes(segments)).toEqual([]);
    const bad = [{ from: 0, to: 10, idealCycleTimeSec: 0 }, { from: 5, to: 5, idealCycleTimeSec: 1 }];
    expect(validateIdealCycleTimes(bad).map((p) => p.field)).toEqual(['[0].idealCycleTimeSec', '[1].to', '[1].from']);
  });
});
