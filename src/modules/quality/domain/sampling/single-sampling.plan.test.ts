import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSPECTION_LEVELS } from './code-letter.table.js';
import type { InspectionSeverity } from './sampling.types.js';
import { samplingPlan, tablePlan } from './single-sampling.plan.js';
import { AQL_VALUES } from './single-sampling.tables.js';

const plan = (lotSize: number, level: Parameters<typeof samplingPlan>[0]['level'], aql: number, severity: InspectionSeverity = 'normal') =>
  samplingPlan({ lotSize, level, aql, severity });

describe('samplingPlan: published plans', () => {
  it('a lot of 1000 at level II, AQL 1.0, normal: J, n = 80, Ac 2, Re 3', () => {
    expect(plan(1000, 'II', 1)).toEqual({ codeLetter: 'J', planLetter: 'J', sampleSize: 80, accept: 2, reject: 3, hundredPercent: false });
  });

  // Montgomery, Introduction to Statistical Quality Control, MIL STD 105E example: N = 2000, AQL 0.65 %, level II.
  it('lots of 2000 at AQL 0.65: K, normal n 125 c 2, tightened n 125 c 1, reduced n 50 c 1', () => {
    expect(plan(2000, 'II', 0.65)).toMatchObject({ codeLetter: 'K', sampleSize: 125, accept: 2, reject: 3 });
    expect(plan(2000, 'II', 0.65, 'tightened')).toMatchObject({ codeLetter: 'K', sampleSize: 125, accept: 1, reject: 2 });
    expect(plan(2000, 'II', 0.65, 'reduced')).toMatchObject({ codeLetter: 'K', sampleSize: 50, accept: 1, reject: 3 });
  });

  // ISO 2859-1:1999, lots of 35 001 – 500 000, normal inspection, as listed with the operating characteristic curves
  // in Jenkins, Peck & Fernando (PLOS, 2023).
  it.each([
    [0.65, 'S-4', 80, 1, 2],
    [0.65, 'S-3', 20, 0, 1],
    [0.4, 'S-4', 125, 1, 2],
    [0.4, 'S-3', 32, 0, 1],
    [0.25, 'S-4', 50, 0, 1],
    [0.15, 'S-4', 80, 0, 1],
  ] as const)('AQL %s at level %s: n = %i, Ac %i, Re %i (arrows followed)', (aql, level, n, ac, re) => {
    for (const lotSize of [35001, 150000, 500000]) {
      expect(plan(lotSize, level, aql)).toMatchObject({ sampleSize: n, accept: ac, reject: re, hundredPercent: false });
    }
  });

  it('level II normal, lots 1201–3200 at AQL 15: the arrow up leads from K to J, n = 80, Ac 21, Re 22', () => {
    expect(plan(3200, 'II', 15)).toEqual({ codeLetter: 'K', planLetter: 'J', sampleSize: 80, accept: 21, reject: 22, hundredPercent: false });
  });

  it('tightened row K gives Re 2, 3, 4, 6, 9, 13, 19 for AQL 0.65 … 10 and points up at 15', () => {
    const rejects = [0.65, 1, 1.5, 2.5, 4, 6.5, 10].map((aql) => tablePlan('tightened', 'K', aql).reject);
    expect(rejects).toEqual([2, 3, 4, 6, 9, 13, 19]);
    expect(tablePlan('tightened', 'K', 15)).toEqual({ planLetter: 'J', sampleSize: 80, accept: 18, reject: 19 });
  });
});

describe('samplingPlan: arrows', () => {
  it('follows a down arrow past other arrows to the first plan (normal A at AQL 0.010 is Q, n 1250, 0/1)', () => {
    expect(tablePlan('normal', 'A', 0.01)).toEqual({ planLetter: 'Q', sampleSize: 1250, accept: 0, reject: 1 });
  });

  it('follows an up arrow to the plan above (normal B at AQL 6.5 is A, n 2, 0/1)', () => {
    expect(tablePlan('normal', 'B', 6.5)).toEqual({ planLetter: 'A', sampleSize: 2, accept: 0, reject: 1 });
  });

  it('turns the up arrow printed in row A at AQL 10 to the first plan below (C, n 5, 1/2)', () => {
    expect(tablePlan('normal', 'A', 10)).toEqual({ planLetter: 'C', sampleSize: 5, accept: 1, reject: 2 });
    expect(tablePlan('reduced', 'A', 10)).toEqual({ planLetter: 'C', sampleSize: 2, accept: 0, reject: 2 });
  });

  it('leads from tightened R at AQL 0.025 to the extra row S, n 3150, 1/2', () => {
    expect(tablePlan('tightened', 'R', 0.025)).toEqual({ planLetter: 'S', sampleSize: 3150, accept: 1, reject: 2 });
    expect(tablePlan('tightened', 'R', 0.01)).toEqual({ planLetter: 'R', sampleSize: 2000, accept: 0, reject: 1 });
  });

  it('sends normal R at AQL 0.015 up to P, n 800, 0/1', () => {
    expect(tablePlan('normal', 'R', 0.015)).toEqual({ planLetter: 'P', sampleSize: 800, accept: 0, reject: 1 });
  });

  it('keeps the reduced gap: reduced J at AQL 1.0 is n 32, Ac 1, Re 3', () => {
    expect(tablePlan('reduced', 'J', 1)).toEqual({ planLetter: 'J', sampleSize: 32, accept: 1, reject: 3 });
  });
});

describe('samplingPlan: 100 % inspection', () => {
  it('inspects every unit when an arrow leads to a sample larger than the lot', () => {
    // lot of 5, level II → A; AQL 0.65 points down to F (n 20)
    expect(plan(5, 'II', 0.65)).toEqual({ codeLetter: 'A', planLetter: 'F', sampleSize: 5, accept: 0, reject: 1, hundredPercent: true });
  });

  it('inspects every unit when the sample equals the lot', () => {
    expect(plan(2, 'II', 6.5)).toEqual({ codeLetter: 'A', planLetter: 'A', sampleSize: 2, accept: 0, reject: 1, hundredPercent: true });
    expect(plan(3, 'II', 6.5)).toMatchObject({ sampleSize: 2, hundredPercent: false });
  });
});

describe('samplingPlan: properties', () => {
  it('always returns accept < reject and a sample no larger than the lot or the table plan', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.constantFrom(...INSPECTION_LEVELS),
        fc.constantFrom(...AQL_VALUES),
        fc.constantFrom<InspectionSeverity>('normal', 'tightened', 'reduced'),
        (lotSize, level, aql, severity) => {
          const result = samplingPlan({ lotSize, level, aql, severity });
          const table = tablePlan(severity, result.codeLetter, aql);
          expect(result.accept).toBeLessThan(result.reject);
          expect(result.sampleSize).toBeLessThanOrEqual(Math.max(lotSize, table.sampleSize));
          expect(result.sampleSize).toBeLessThanOrEqual(lotSize);
          expect(result.hundredPercent).toBe(table.sampleSize >= lotSize);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('designates a plan for every code letter, AQL and severity', () => {
    for (const severity of ['normal', 'tightened', 'reduced'] as const) {
      for (const letter of 'ABCDEFGHJKLMNPQR') {
        for (const aql of AQL_VALUES) {
          const p = tablePlan(severity, letter as 'A', aql);
          expect(p.accept).toBeLessThan(p.reject);
        }
      }
    }
  });
});
