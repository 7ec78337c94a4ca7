import { describe, expect, it } from 'vitest';
import type { Characteristic } from '../../product/index.js';
import { samplingPlan } from '../domain/sampling/index.js';
import { inspectionsComplete, requiredResults, standardAql } from './required-inspections.rules.js';

const base: Characteristic = { code: 'X', name: 'X', type: 'variable', frequency: 'every', onFail: 'hold' };
const ch = (extra: Partial<Characteristic>): Characteristic => ({ ...base, ...extra });

describe('how many results a characteristic requires', () => {
  it('every: one per quantity report, times the subgroup size, and one before completion when nothing was reported', () => {
    expect(requiredResults(ch({}), { reports: 0, units: 0 }).required).toBe(1);
    expect(requiredResults(ch({ subgroupSize: 5 }), { reports: 0, units: 0 }).required).toBe(5);
    expect(requiredResults(ch({}), { reports: 3, units: 40 }).required).toBe(3);
    expect(requiredResults(ch({ subgroupSize: 5 }), { reports: 3, units: 40 }).required).toBe(15);
  });

  it('first: one inspection point whatever was reported', () => {
    expect(requiredResults(ch({ frequency: 'first' }), { reports: 0, units: 0 })).toEqual({ required: 1, basis: 'first' });
    expect(requiredResults(ch({ frequency: 'first', subgroupSize: 4 }), { reports: 9, units: 900 }).required).toBe(4);
  });

  it('n: one inspection point per n units reported, rounded up, and at least one', () => {
    expect([0, 1, 10, 11, 20, 20.5].map((units) => requiredResults(ch({ frequency: 10 }), { reports: 1, units }).required)).toEqual([1, 1, 1, 2, 2, 3]);
  });

  it('sampling: the Z1.4 sample size of normal inspection for a lot of the units reported, whatever the frequency', () => {
    const sampled = ch({ frequency: 'first', sampling: { level: 'II', aql: 0.65 } });
    expect(requiredResults(sampled, { reports: 4, units: 1000 })).toEqual({ required: 80, basis: 'sampling' });
    expect(requiredResults(sampled, { reports: 0, units: 0 })).toEqual({ required: 1, basis: 'sampling' });
    expect(requiredResults(ch({ sampling: { level: 'II', aql: 0.65 }, subgroupSize: 3 }), { reports: 0, units: 0 }).required).toBe(3);
    expect(requiredResults(sampled, { reports: 1, units: 0.5 }).required).toBe(samplingPlan({ lotSize: 1, level: 'II', aql: 0.65, severity: 'normal' }).sampleSize);
    for (const units of [2, 8, 9, 50, 51, 280, 3200, 500_001]) {
      const expected = samplingPlan({ lotSize: units, level: 'II', aql: 0.65, severity: 'normal' }).sampleSize;
      expect(requiredResults(sampled, { reports: 1, units }).required).toBe(expected);
    }
  });

  it('reads an AQL between the standard values as the stricter standard one', () => {
    expect([0.65, 0.7, 0.99, 1, 0.005, 2000].map(standardAql)).toEqual([0.65, 0.65, 0.65, 1, 0.01, 1000]);
  });

  it('names each characteristic short of its requirement, with what it needs and has', () => {
    const chars = [ch({ code: 'A' }), ch({ code: 'B', frequency: 'first' }), ch({ code: 'C', frequency: 5 })];
    const v = inspectionsComplete('op-1', chars, { reports: 2, units: 12 }, new Map([['A', 2], ['C', 1]]));
    expect(v.map((x) => [x.code, x.details])).toEqual([
      ['INSPECTION_MISSING', { operationId: 'op-1', characteristic: 'B', required: 1, recorded: 0, basis: 'first' }],
      ['INSPECTION_MISSING', { operationId: 'op-1', characteristic: 'C', required: 3, recorded: 1, basis: 'per-units' }],
    ]);
  });
});
