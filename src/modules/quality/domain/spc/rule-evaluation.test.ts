import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRules, RULE_WINDOW, rulesCompletedAt } from './rule-evaluation.js';
import { seededNormal } from './spc-reference.fixture.js';
import type { RuleSet } from './spc.types.js';

describe('evaluateRules', () => {
  it('reports every rule a point completes, each (rule, index) once, ordered by index then rule', () => {
    const series = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 3.5];
    expect(evaluateRules(series, 0, 1, 'western-electric')).toEqual([
      { rule: 'WE1', index: 7 },
      { rule: 'WE4', index: 7 },
    ]);
  });

  it('judges each point by its own sigma when limits vary', () => {
    expect(evaluateRules([0.5, 0.5], 0, [0.1, 1], 'western-electric')).toEqual([{ rule: 'WE1', index: 0 }]);
  });

  it('finds nothing in a constant series with zero sigma, and flags any departure from it', () => {
    expect(evaluateRules([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2], 2, 0, 'nelson')).toEqual([]);
    expect(evaluateRules([2, 2, 2.1], 2, 0, 'western-electric')).toEqual([{ rule: 'WE1', index: 2 }]);
    expect(evaluateRules([0, 0, 0, 0, 0, 0, 0, 0, 0], 0, [0, 0, 0, 0, 0, 0, 0, 0, 0], 'nelson')).toEqual([]);
  });

  it('uses a window of fifteen points, the longest rule (N7)', () => {
    expect(RULE_WINDOW).toBe(15);
  });
});

describe('rulesCompletedAt (incremental form)', () => {
  it('flags a new point from the latest RULE_WINDOW points exactly as a full evaluation does', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom<RuleSet>('western-electric', 'nelson'), fc.double({ min: 0.3, max: 1.5, noNaN: true }), (seed, ruleSet, sigma) => {
        const normal = seededNormal(seed);
        const drift = normal();
        const points = Array.from({ length: 60 }, (_, i) => normal() + (i > 30 ? drift : 0));
        const full = evaluateRules(points, 0, sigma, ruleSet);
        for (let i = 0; i < points.length; i++) {
          const latest = points.slice(Math.max(0, i - RULE_WINDOW + 1), i + 1);
          const expected = full.filter((v) => v.index === i).map((v) => v.rule);
          expect(rulesCompletedAt(latest, latest.length - 1, 0, sigma, ruleSet)).toEqual(expected);
          expect(rulesCompletedAt(points, i, 0, sigma, ruleSet)).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('takes per-point sigmas aligned with the points it is given', () => {
    expect(rulesCompletedAt([0.5, 0.5, 0.5], 2, 0, [1, 1, 0.1], 'western-electric')).toEqual(['WE1']);
    expect(rulesCompletedAt([0.5, 0.5, 0.5], 1, 0, [1, 1, 0.1], 'western-electric')).toEqual([]);
  });
});
