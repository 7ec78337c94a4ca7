import type { SpcRule } from './spc.types.js';

/** The series a rule looks at: plotted values `x` and their distances `z` from the centre in sigmas. */
export interface RuleContext {
  readonly x: readonly number[];
  readonly z: readonly number[];
}

/** The shapes a run rule can take, as data: each rule is one pattern with its parameters. */
export type RulePattern =
  | { readonly kind: 'beyond'; readonly zone: number }
  | { readonly kind: 'count-beyond-one-side'; readonly count: number; readonly of: number; readonly zone: number }
  | { readonly kind: 'run-one-side'; readonly length: number }
  | { readonly kind: 'steady-trend'; readonly length: number }
  | { readonly kind: 'alternating'; readonly length: number }
  | { readonly kind: 'all-within'; readonly length: number; readonly zone: number }
  | { readonly kind: 'all-beyond'; readonly length: number; readonly zone: number };

/** A run rule: its name and the pattern whose completion it reports. */
export interface RuleCheck {
  readonly rule: SpcRule;
  readonly pattern: RulePattern;
}

/** How many points, ending at the judged one, a pattern looks at. */
export function patternSpan(pattern: RulePattern): number {
  switch (pattern.kind) {
    case 'beyond':
      return 1;
    case 'count-beyond-one-side':
      return pattern.of;
    default:
      return pattern.length;
  }
}

/** Whether the point at index `i` completes `pattern`. */
export function completesPattern(pattern: RulePattern, ctx: RuleContext, i: number): boolean {
  switch (pattern.kind) {
    case 'beyond':
      return beyond(ctx, i, pattern.zone);
    case 'count-beyond-one-side':
      return countBeyondOnOneSide(ctx, i, pattern.count, pattern.of, pattern.zone);
    case 'run-one-side':
      return runOnOneSide(ctx, i, pattern.length);
    case 'steady-trend':
      return steadyTrend(ctx, i, pattern.length);
    case 'alternating':
      return alternating(ctx, i, pattern.length);
    case 'all-within':
      return allRelativeToZone(ctx, i, pattern.length, pattern.zone, 'within');
    case 'all-beyond':
      return allRelativeToZone(ctx, i, pattern.length, pattern.zone, 'beyond');
  }
}

const at = (values: readonly number[], i: number): number => values[i] ?? Number.NaN;

/** The point lies more than `zone` sigmas from the centre, on either side. */
export function beyond(ctx: RuleContext, i: number, zone: number): boolean {
  return Math.abs(at(ctx.z, i)) > zone;
}

/**
 * `count` of the last `of` points (fewer at the start of the series) lie beyond `zone` sigmas on one side,
 * the point at `i` among them.
 */
export function countBeyondOnOneSide(ctx: RuleContext, i: number, count: number, of: number, zone: number): boolean {
  const side = Math.sign(at(ctx.z, i));
  if (!(side * at(ctx.z, i) > zone)) return false;
  let found = 0;
  for (let j = Math.max(0, i - of + 1); j <= i; j++) if (side * at(ctx.z, j) > zone) found++;
  return found >= count;
}

/** The `length` points ending at `i` all lie strictly on one side of the centre line. */
export function runOnOneSide(ctx: RuleContext, i: number, length: number): boolean {
  if (i + 1 < length) return false;
  const side = Math.sign(at(ctx.z, i));
  if (side !== 1 && side !== -1) return false;
  for (let j = i - length + 1; j < i; j++) if (!(side * at(ctx.z, j) > 0)) return false;
  return true;
}

/** The `length` points ending at `i` rise strictly, or fall strictly, from each to the next. */
export function steadyTrend(ctx: RuleContext, i: number, length: number): boolean {
  if (i + 1 < length) return false;
  let rising = true;
  let falling = true;
  for (let j = i - length + 2; j <= i; j++) {
    const step = at(ctx.x, j) - at(ctx.x, j - 1);
    if (!(step > 0)) rising = false;
    if (!(step < 0)) falling = false;
  }
  return rising || falling;
}

/** The `length` points ending at `i` go up and down in turn: every step changes direction, none is flat. */
export function alternating(ctx: RuleContext, i: number, length: number): boolean {
  if (i + 1 < length) return false;
  let previous = 0;
  for (let j = i - length + 2; j <= i; j++) {
    const step = Math.sign(at(ctx.x, j) - at(ctx.x, j - 1));
    if (step === 0 || Number.isNaN(step) || step === previous) return false;
    previous = step;
  }
  return true;
}

/** The `length` points ending at `i` all lie within `zone` sigmas of the centre (either side), or all beyond it. */
export function allRelativeToZone(ctx: RuleContext, i: number, length: number, zone: number, where: 'within' | 'beyond'): boolean {
  if (i + 1 < length) return false;
  for (let j = i - length + 1; j <= i; j++) {
    const distance = Math.abs(at(ctx.z, j));
    if (where === 'within' ? !(distance < zone) : !(distance > zone)) return false;
  }
  return true;
}
