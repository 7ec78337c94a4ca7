import { describe, expect, it } from 'vitest';
import { validateSpcInput } from './spc-input.validation.js';

const fields = (input: Parameters<typeof validateSpcInput>[0]) => validateSpcInput(input).map((p) => p.field);

describe('validateSpcInput', () => {
  it('accepts well-formed inputs for every chart', () => {
    expect(validateSpcInput({ chart: 'xbar-r', subgroups: [[1, 2], [3, 4]], lsl: 0, usl: 5, target: 2.5, rules: 'nelson' })).toEqual([]);
    expect(validateSpcInput({ chart: 'xbar-s', subgroups: [[1, 2, 3]], limits: { center: 2, sigma: 0.5 } })).toEqual([]);
    expect(validateSpcInput({ chart: 'i-mr', values: [1, 2] })).toEqual([]);
    expect(validateSpcInput({ chart: 'p', defects: [0, 3], sizes: [10, 20] })).toEqual([]);
    expect(validateSpcInput({ chart: 'np', defects: [0, 3], sizes: [10, 10] })).toEqual([]);
    expect(validateSpcInput({ chart: 'c', defects: [4, 7] })).toEqual([]);
    expect(validateSpcInput({ chart: 'u', defects: [4, 7], sizes: [1.5, 2] })).toEqual([]);
  });

  it('names an unknown chart and rule set', () => {
    expect(fields({ chart: 'xbar', rules: 'westgard' })).toEqual(['chart', 'rules']);
  });

  it('names empty subgroups, the empty subgroup, and subgroups of another size', () => {
    expect(fields({ chart: 'xbar-r', subgroups: [] })).toEqual(['subgroups']);
    expect(fields({ chart: 'xbar-r' })).toEqual(['subgroups']);
    expect(fields({ chart: 'xbar-r', subgroups: [[1, 2, 3], [4, 5, 6], [7, 8], [], [1, 2, 3]] })).toEqual(['subgroups[2]', 'subgroups[3]']);
  });

  it('requires x̄ subgroups of 2 to 25 values', () => {
    const single = validateSpcInput({ chart: 'xbar-s', subgroups: [[1], [2]] });
    expect(single).toEqual([
      { field: 'subgroups[0]', message: 'must hold 2 to 25 values, has 1' },
      { field: 'subgroups[1]', message: 'must hold 2 to 25 values, has 1' },
    ]);
    const big = Array.from({ length: 26 }, (_, i) => i);
    expect(fields({ chart: 'xbar-r', subgroups: [big] })).toEqual(['subgroups[0]']);
  });

  it('names every NaN or Infinity by its position', () => {
    expect(fields({ chart: 'xbar-r', subgroups: [[1, 2], [Number.NaN, 4]] })).toEqual(['subgroups[1][0]']);
    expect(fields({ chart: 'i-mr', values: [1, 2, 3, 4, 5, 6, 7, Number.POSITIVE_INFINITY] })).toEqual(['values[7]']);
    expect(fields({ chart: 'c', defects: [1, Number.NaN] })).toEqual(['defects[1]']);
    expect(fields({ chart: 'i-mr', values: [1, 2], lsl: Number.NaN, usl: Number.NEGATIVE_INFINITY, target: Number.NaN })).toEqual([
      'lsl',
      'usl',
      'target',
    ]);
  });

  it('requires at least two individual values', () => {
    expect(fields({ chart: 'i-mr', values: [1] })).toEqual(['values']);
  });

  it('refuses LSL at or above USL', () => {
    expect(validateSpcInput({ chart: 'i-mr', values: [1, 2], lsl: 5, usl: 5 })).toEqual([{ field: 'lsl', message: 'must be below usl (5)' }]);
  });

  it('refuses negative or fractional defect counts', () => {
    expect(fields({ chart: 'c', defects: [1, -2, 0.5] })).toEqual(['defects[1]', 'defects[2]']);
  });

  it('requires sizes for p and u charts, one per sample, above zero', () => {
    expect(fields({ chart: 'p', defects: [1, 2] })).toEqual(['sizes']);
    expect(fields({ chart: 'u', defects: [1, 2], sizes: [3] })).toEqual(['sizes']);
    expect(fields({ chart: 'u', defects: [1, 2], sizes: [3, 0] })).toEqual(['sizes[1]']);
    expect(fields({ chart: 'p', defects: [1, 2], sizes: [3, 4.5] })).toEqual(['sizes[1]']);
  });

  it('refuses more nonconforming units than the sample holds on p and np charts', () => {
    expect(validateSpcInput({ chart: 'p', defects: [1, 12], sizes: [10, 10] })).toEqual([
      { field: 'defects[1]', message: 'must not exceed sizes[1] (10)' },
    ]);
    expect(fields({ chart: 'np', defects: [11, 2], sizes: [10, 10] })).toEqual(['defects[0]']);
  });

  it('requires one sample size for an np chart', () => {
    expect(fields({ chart: 'np', defects: [1, 2], sizes: [10, 20] })).toEqual(['sizes']);
  });

  it('requires frozen limits with a finite centre and a positive sigma', () => {
    expect(fields({ chart: 'c', defects: [1], limits: { center: Number.NaN, sigma: 0 } })).toEqual(['limits.center', 'limits.sigma']);
    expect(fields({ chart: 'c', defects: [1], limits: 'tight' })).toEqual(['limits.center', 'limits.sigma']);
  });
});

describe('validateSpcInput: one problem per cause', () => {
  it('reports an empty defects list once, without a knock-on sizes problem', () => {
    expect(fields({ chart: 'p', defects: [], sizes: [] })).toEqual(['defects', 'sizes']);
    expect(fields({ chart: 'u', defects: [], sizes: [5] })).toEqual(['defects']);
  });

  it('refuses every number beyond 1e12 in magnitude, naming its field, and takes 1e12 itself', () => {
    const huge = 1e308;
    expect(fields({ chart: 'i-mr', values: [huge, -huge, 1] })).toEqual(['values[0]', 'values[1]']);
    expect(fields({ chart: 'xbar-r', subgroups: [[1, 2], [3, 1.000001e12]] })).toEqual(['subgroups[1][1]']);
    expect(fields({ chart: 'i-mr', values: [1, 2], lsl: -huge, usl: huge, target: 2e12 })).toEqual(['lsl', 'usl', 'target']);
    expect(fields({ chart: 'i-mr', values: [1, 2], limits: { center: huge, sigma: huge } })).toEqual(['limits.center', 'limits.sigma']);
    expect(fields({ chart: 'c', defects: [1, 2e12] })).toEqual(['defects[1]']);
    expect(fields({ chart: 'p', defects: [1, 2], sizes: [10, 1e13] })).toEqual(['sizes[1]']);
    expect(fields({ chart: 'u', defects: [1, 2], sizes: [1, 1e-13] })).toEqual(['sizes[1]']);
    expect(validateSpcInput({ chart: 'i-mr', values: [1e12, -1e12, 1e12], lsl: -1e12, usl: 1e12, limits: { center: 1e12, sigma: 1e12 } })).toEqual([]);
    expect(validateSpcInput({ chart: 'i-mr', values: [huge, 1] })).toEqual([{ field: 'values[0]', message: 'must be a finite number from -1e12 to 1e12' }]);
  });
});
