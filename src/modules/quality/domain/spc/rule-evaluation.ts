import { NELSON_RULES } from './nelson.rules.js';
import { completesPattern, patternSpan, type RuleCheck, type RuleContext } from './rule-patterns.js';
import type { RuleSet, RuleViolation, SpcRule } from './spc.types.js';
import { WESTERN_ELECTRIC_RULES } from './western-electric.rules.js';

const RULES: Readonly<Record<RuleSet, readonly RuleCheck[]>> = {
  'western-electric': WESTERN_ELECTRIC_RULES,
  nelson: NELSON_RULES,
};

/** The most points any rule looks at: a live host keeps this many latest points to judge a new one. */
export const RULE_WINDOW = Math.max(...Object.values(RULES).flatMap((rules) => rules.map((r) => patternSpan(r.pattern))));

/**
 * Distances from the centre in sigmas, with one sigma for all points or one per point (variable limits).
 * Where sigma is zero a point off the centre is ±Infinity away, and a point on the centre is in no zone at all
 * (NaN): neither within nor beyond any sigma, nor on a side, so a series without spread breaks no rule.
 */
function zoneDistances(points: readonly number[], center: number, sigma: number | readonly number[]): number[] {
  return points.map((x, i) => {
    const s = typeof sigma === 'number' ? sigma : (sigma[i] ?? Number.NaN);
    const deviation = x - center;
    return s > 0 ? deviation / s : deviation === 0 ? Number.NaN : Math.sign(deviation) * Number.POSITIVE_INFINITY;
  });
}

/** The rules of `ruleSet` that the point at `index` completes, in rule order. */
function completedAt(ctx: RuleContext, index: number, ruleSet: RuleSet): SpcRule[] {
  const rules: SpcRule[] = [];
  for (const check of RULES[ruleSet]) if (completesPattern(check.pattern, ctx, index)) rules.push(check.rule);
  return rules;
}

/**
 * The incremental form, for points arriving live: the rules that the point at `index` completes.
 * It looks back at most RULE_WINDOW points, so a host can pass just the latest RULE_WINDOW points (with their
 * sigmas when limits vary) and `index` = the last one to flag a new point only; the result equals what
 * `evaluateRules` reports at that point for the whole series.
 */
export function rulesCompletedAt(
  points: readonly number[],
  index: number,
  center: number,
  sigma: number | readonly number[],
  ruleSet: RuleSet,
): SpcRule[] {
  const from = Math.max(0, index - RULE_WINDOW + 1);
  const window = points.slice(from, index + 1);
  const sigmas = typeof sigma === 'number' ? sigma : sigma.slice(from, index + 1);
  return completedAt({ x: window, z: zoneDistances(window, center, sigmas) }, window.length - 1, ruleSet);
}

/**
 * Every rule violation of a series: each (rule, index) once, `index` the 0-based point that completes the pattern,
 * ordered by index then rule. A point can break several rules; a long run flags every point that extends it.
 */
export function evaluateRules(
  points: readonly number[],
  center: number,
  sigma: number | readonly number[],
  ruleSet: RuleSet,
): RuleViolation[] {
  const ctx: RuleContext = { x: points, z: zoneDistances(points, center, sigma) };
  const checks = RULES[ruleSet];
  const violations: RuleViolation[] = [];
  for (let index = 0; index < points.length; index++) {
    for (const check of checks) if (completesPattern(check.pattern, ctx, index)) violations.push({ rule: check.rule, index });
  }
  return violations;
}
