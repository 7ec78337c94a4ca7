import { describe, expect, it } from 'vitest';
import { idealCycleTimeAt, MAX_COUNT_PER_REPORT, validateIdealCycleTimes, validateProductionCount } from './production-count.js';

const now = Date.parse('2024-06-03T10:00:00Z');

describe('validateProductionCount', () => {
  it('accepts a plain count', () => {
    expect(validateProductionCount({ at: now, total: 10, reject: 2, rework: 1 }, { now })).toEqual([]);
  });

  it('names every bad field', () => {
    expect(validateProductionCount({ at: now + 10_000, total: -1, reject: 0.5 }, { now }).map((p) => p.field)).toEqual(['total', 'reject', 'at']);
    expect(validateProductionCount({ at: now, total: 5, reject: 6 }, { now }).map((p) => p.field)).toEqual(['reject']);
    expect(validateProductionCount({ at: now, total: 5, reject: 2, rework: 3 }, { now }).map((p) => p.field)).toEqual(['rework']);
  });

  it('bounds every count to a billion units a report, and refuses unsafe integers', () => {
    expect(validateProductionCount({ at: now, total: MAX_COUNT_PER_REPORT, reject: MAX_COUNT_PER_REPORT, rework: 0 }, { now })).toEqual([]);
    const fields = (c: { total: number; reject: number; rework?: number }) => validateProductionCount({ at: now, ...c }, { now }).map((p) => p.field);
    expect(fields({ total: 1e20, reject: 0 })).toEqual(['total']);
    expect(fields({ total: Number.MAX_SAFE_INTEGER + 2, reject: 0 })).toEqual(['total']); // 9007199254740993, rounded
    expect(fields({ total: 5, reject: MAX_COUNT_PER_REPORT + 1 })).toEqual(['reject']);
    expect(fields({ total: 5, reject: 5, rework: 1e10 })).toEqual(['rework']);
  });

  it('refuses a time before 2000-01-01, naming at', () => {
    expect(validateProductionCount({ at: Date.parse('1969-12-31T23:59:59Z'), total: 1, reject: 0 }, { now }).map((p) => p.field)).toEqual(['at']);
    expect(validateProductionCount({ at: Date.parse('2000-01-01T00:00:00Z'), total: 1, reject: 0 }, { now })).toEqual([]);
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
