import { describe, expect, it } from 'vitest';
import { evaluateRules } from './rule-evaluation.js';
import type { SpcRule } from './spc.types.js';

// Centre 0 and sigma 1: each value is its own distance from the centre in sigmas.
const flags = (series: number[]) => evaluateRules(series, 0, 1, 'nelson');
const indicesOf = (series: number[], rule: SpcRule) => flags(series).filter((v) => v.rule === rule).map((v) => v.index);
const repeat = (value: number, times: number) => Array.from({ length: times }, () => value);

describe('Nelson rules', () => {
  it('N1 flags a point beyond 3σ, not one at 3σ', () => {
    expect(indicesOf([0, 3.01, -3], 'N1')).toEqual([1]);
  });

  it('N2 flags nine in a row on one side, and each point that extends the run', () => {
    expect(indicesOf(repeat(0.4, 10), 'N2')).toEqual([8, 9]);
    expect(indicesOf(repeat(0.4, 8), 'N2')).toEqual([]);
  });

  it('N3 flags six in a row steadily increasing or decreasing', () => {
    expect(indicesOf([0, 0.1, 0.2, 0.3, 0.4, 0.5], 'N3')).toEqual([5]);
    expect(indicesOf([0.5, 0.3, 0.1, -0.1, -0.3, -0.5], 'N3')).toEqual([5]);
  });

  it('N3 is broken by a flat step and needs six points', () => {
    expect(indicesOf([0, 0.1, 0.2, 0.2, 0.3, 0.4], 'N3')).toEqual([]);
    expect(indicesOf([0, 0.1, 0.2, 0.3, 0.4], 'N3')).toEqual([]);
  });

  it('N4 flags fourteen in a row alternating up and down', () => {
    const zigzag = Array.from({ length: 14 }, (_, i) => (i % 2 === 0 ? 0.2 : -0.2));
    expect(indicesOf(zigzag, 'N4')).toEqual([13]);
  });

  it('N4 needs fourteen points and is broken by a step that does not turn', () => {
    const zigzag = Array.from({ length: 14 }, (_, i) => (i % 2 === 0 ? 0.2 : -0.2));
    expect(indicesOf(zigzag.slice(1), 'N4')).toEqual([]);
    expect(indicesOf(zigzag.map((v, i) => (i === 7 ? 0.3 : v)), 'N4')).toEqual([]);
  });

  it('N5 flags two of three beyond 2σ on one side; N6 four of five beyond 1σ on one side', () => {
    expect(indicesOf([0.5, 2.5, -1, 2.2], 'N5')).toEqual([3]);
    expect(indicesOf([1.5, 1.2, 0.3, 1.1, 1.3], 'N6')).toEqual([4]);
  });

  it('N5 and N6 need the completing point beyond the zone on the same side', () => {
    expect(indicesOf([2.5, -2.5, 0.3], 'N5')).toEqual([]);
    expect(indicesOf([2.5, 2.6, 1.0], 'N5')).toEqual([1]);
    expect(indicesOf([1.5, 1.2, -1.5, 0.5, 1.3], 'N6')).toEqual([]);
  });

  const hugging = [0.2, 0.5, -0.3, -0.1, 0.4, 0.6, 0.1, -0.5, -0.2, 0.3, 0.7, -0.4, 0, 0.2, -0.6];

  it('N7 flags fifteen in a row within 1σ of the centre', () => {
    expect(indicesOf(hugging, 'N7')).toEqual([14]);
  });

  it('N7 is broken by a point at 1σ', () => {
    expect(indicesOf(hugging.map((v, i) => (i === 7 ? -1 : v)), 'N7')).toEqual([]);
  });

  it('N8 flags eight in a row beyond 1σ, on both sides', () => {
    expect(indicesOf([1.5, -1.5, 1.2, -1.2, 2.1, -1.1, 1.3, -1.4], 'N8')).toEqual([7]);
  });

  it('N8 is broken by a point within 1σ', () => {
    expect(indicesOf([1.5, -1.5, 1.2, -0.9, 2.1, -1.1, 1.3, -1.4], 'N8')).toEqual([]);
  });

  it('reports nothing for a quiet series', () => {
    expect(flags([0.3, -0.8, 0.1, 1.2, -0.4, 0.6, -1.1, 0.2, 0.9, -0.3])).toEqual([]);
  });
});
