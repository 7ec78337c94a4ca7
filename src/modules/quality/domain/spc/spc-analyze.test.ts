import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from './spc-analyze.js';
import { validateSpcInput } from './spc-input.validation.js';
import { expectPublished, ORANGE_JUICE, PISTON_RINGS, seededNormal } from './spc-reference.fixture.js';
import type { ChartType, SpcInput, SpcResult } from './spc.types.js';

const phaseOne = PISTON_RINGS.slice(0, 25);

describe('analyze', () => {
  it('charts the piston rings with limits, sigma of x̄, R chart and capability', () => {
    const result = analyze({ chart: 'xbar-r', subgroups: phaseOne, lsl: 73.95, usl: 74.05, rules: 'nelson' });
    expectPublished(result.center, '74.00118');
    expectPublished(result.lcl, '73.98805');
    expectPublished(result.ucl, '74.0143');
    expect(result.sigma).toBeCloseTo((result.sigmaWithin ?? 0) / Math.sqrt(5), 9);
    expect(result.ucl).toBeCloseTo(result.center + 3 * result.sigma, 12);
    expect(result.range?.center).toBeCloseTo(0.02276, 12);
    expectPublished(result.capability?.cp ?? 0, '1.703');
    expectPublished(result.capability?.cpk ?? 0, '1.663');
    expect(result.points).toHaveLength(25);
    expect(result.violations.filter((v) => v.rule === 'N1')).toEqual([]);
  });

  it('flags the two orange juice samples above the upper limit (samples 15 and 23) under the default rules', () => {
    const result = analyze({ chart: 'p', defects: ORANGE_JUICE, sizes: ORANGE_JUICE.map(() => 50) });
    expect(result.violations.filter((v) => v.rule === 'WE1')).toEqual([
      { rule: 'WE1', index: 14 },
      { rule: 'WE1', index: 22 },
    ]);
    expect(result.capability).toBeUndefined();
  });

  it('judges phase II subgroups against the frozen phase I limits', () => {
    const baseline = analyze({ chart: 'xbar-r', subgroups: phaseOne });
    const limits = { center: baseline.center, sigma: baseline.sigma };
    const result = analyze({ chart: 'xbar-r', subgroups: PISTON_RINGS.slice(25), limits });
    expect(result).toMatchObject({ center: baseline.center, sigma: baseline.sigma });
    expect(result.ucl).toBeCloseTo(baseline.ucl, 12);
    const above = result.points.flatMap((p, i) => (p > result.ucl ? [i] : []));
    expect(above.length).toBeGreaterThan(0);
    expect(result.violations.filter((v) => v.rule === 'WE1').map((v) => v.index)).toEqual(above);
  });

  it('judges a u chart point by its own limit when sizes vary', () => {
    // the last sample is large: 16 nonconformities in 4 units exceed its own limit, not the one for the average size
    const result = analyze({ chart: 'u', defects: [0, 2, 0, 2, 0, 2, 0, 2, 0, 2, 16], sizes: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4] });
    expect(result.points[10]).toBe(4);
    expect(result.pointLimits?.ucl[10]).toBeLessThan(4);
    expect(result.ucl).toBeGreaterThan(4);
    expect(result.violations).toEqual([{ rule: 'WE1', index: 10 }]);
  });

  it('gives a constant individuals series sigma 0, no violations and no NaN anywhere', () => {
    const result = analyze({ chart: 'i-mr', values: Array.from({ length: 20 }, () => 7.5), lsl: 7, usl: 8, target: 7.5, rules: 'nelson' });
    expect(result).toMatchObject({ center: 7.5, lcl: 7.5, ucl: 7.5, sigma: 0, violations: [] });
    expect(result.capability).toEqual({ cp: null, cpk: null, pp: null, ppk: null, cpm: null });
    expect(JSON.stringify(result)).not.toMatch(/NaN|null,"pp":NaN/);
    expect(numbersIn(result).every(Number.isFinite)).toBe(true);
  });
});

function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

/** A variables chart input from a seed: 5 … 40 subgroups of 2 … 10 normal values, or 10 … 60 individuals. */
function variablesInput(seed: number, chart: ChartType): SpcInput {
  const normal = seededNormal(seed);
  const size = 2 + (Math.abs(seed) % 9);
  const count = 5 + (Math.abs(seed) % 36);
  const value = () => 10 + normal();
  if (chart === 'i-mr') return { chart, values: Array.from({ length: 2 * count }, value), rules: 'nelson' };
  return { chart, subgroups: Array.from({ length: count }, () => Array.from({ length: size }, value)), rules: 'nelson' };
}

const mapData = (input: SpcInput, f: (x: number) => number): SpcInput => ({
  ...input,
  ...(input.values ? { values: input.values.map(f) } : {}),
  ...(input.subgroups ? { subgroups: input.subgroups.map((g) => g.map(f)) } : {}),
});

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));
const limitsOf = (r: SpcResult) => [r.center, r.lcl, r.ucl, r.range?.center ?? 0, r.range?.lcl ?? 0, r.range?.ucl ?? 0];

describe('analyze: properties', () => {
  const charts = fc.constantFrom<ChartType>('xbar-r', 'xbar-s', 'i-mr');

  it('scales centre, limits and sigma by k when the data are multiplied by k > 0; the violations stay', () => {
    fc.assert(
      fc.property(fc.integer(), charts, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (seed, chart, k) => {
        const input = variablesInput(seed, chart);
        const base = analyze(input);
        const scaled = analyze(mapData(input, (x) => k * x));
        limitsOf(base).forEach((v, i) => close(limitsOf(scaled)[i] ?? Number.NaN, k * v));
        close(scaled.sigma, k * base.sigma);
        expect(scaled.violations).toEqual(base.violations);
      }),
      { numRuns: 150 },
    );
  });

  it('moves centre and limits by c when c is added to the data; sigma and violations stay', () => {
    fc.assert(
      fc.property(fc.integer(), charts, fc.double({ min: -1e3, max: 1e3, noNaN: true }), (seed, chart, c) => {
        const input = variablesInput(seed, chart);
        const base = analyze(input);
        const shifted = analyze(mapData(input, (x) => x + c));
        close(shifted.center, base.center + c);
        close(shifted.lcl, base.lcl + c);
        close(shifted.ucl, base.ucl + c);
        expect(Math.abs(shifted.sigma - base.sigma)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(c)));
        expect(Math.abs((shifted.range?.center ?? 0) - (base.range?.center ?? 0))).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(c)));
        expect(shifted.violations).toEqual(base.violations);
      }),
      { numRuns: 150 },
    );
  });

  it('gives any constant individuals series sigma 0 and only finite numbers', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 2, max: 40 }), (v, count) => {
        const result = analyze({ chart: 'i-mr', values: Array.from({ length: count }, () => v), lsl: v - 1, usl: v + 1, rules: 'nelson' });
        expect(result.sigma).toBe(0);
        expect(result.violations).toEqual([]);
        expect(numbersIn(result).every(Number.isFinite)).toBe(true);
      }),
    );
  });

  it('gives only finite numbers for any input the validator accepts, values up to the 1e12 bound included', () => {
    const value = fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.constantFrom(1e12, -1e12, 0, 5e-324));
    const input = fc.oneof(
      fc.record({ chart: fc.constant('i-mr' as const), values: fc.array(value, { minLength: 2, maxLength: 30 }) }),
      fc.record({ chart: fc.constantFrom('xbar-r' as const, 'xbar-s' as const), subgroups: fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 10 }) }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom(1e-12, 0.5, 1e12)), { minLength: 1, maxLength: 10 })
        .map((samples) => ({ chart: 'u' as const, defects: samples.map(([d]) => d), sizes: samples.map(([, n]) => n) })),
    );
    fc.assert(
      fc.property(input, fc.constantFrom(-1e12, 0), fc.constantFrom(1e12, 1), (data, lsl, usl) => {
        const candidate: SpcInput = data.chart === 'u' ? data : { ...data, lsl, usl, target: 0 };
        expect(validateSpcInput(candidate)).toEqual([]);
        const result = analyze(candidate);
        expect(numbersIn(result).every(Number.isFinite), JSON.stringify(candidate)).toBe(true);
        expect([result.center, result.lcl, result.ucl, result.sigma].every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
