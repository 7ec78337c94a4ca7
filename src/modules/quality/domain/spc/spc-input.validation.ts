import { BOUND_MESSAGE, MIN_SIZE, withinBound } from './measurement-bound.js';
import { SUBGROUP_SIZE_RANGE } from './spc-constants.js';
import type { ChartType, FieldProblem, SpcInput } from './spc.types.js';

/** An input as it may arrive: the fields of SpcInput, each of any type. */
export type SpcInputCandidate = { readonly [K in keyof SpcInput]?: unknown };

const CHARTS: readonly string[] = ['xbar-r', 'xbar-s', 'i-mr', 'p', 'np', 'c', 'u'] satisfies readonly ChartType[];
const RULE_SETS: readonly string[] = ['western-electric', 'nelson'];

/** Problems of a list of numbers within the measurement bound: the list itself, then each entry by index. */
function numberList(value: unknown, field: string, minLength: number, problems: FieldProblem[]): readonly number[] | undefined {
  if (value === undefined) {
    problems.push({ field, message: 'is required for this chart' });
    return undefined;
  }
  if (!Array.isArray(value)) {
    problems.push({ field, message: 'must be a list of numbers' });
    return undefined;
  }
  const tooShort = value.length < minLength;
  if (tooShort) problems.push({ field, message: `must hold at least ${minLength} value(s), has ${value.length}` });
  value.forEach((v: unknown, i) => {
    if (!withinBound(v)) problems.push({ field: `${field}[${i}]`, message: BOUND_MESSAGE });
  });
  return !tooShort && value.every(withinBound) ? (value as number[]) : undefined;
}

function checkSubgroups(value: unknown, problems: FieldProblem[]): void {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({ field: 'subgroups', message: 'must be a non-empty list of subgroups' });
    return;
  }
  const first: unknown = value[0];
  const size = Array.isArray(first) ? first.length : 0;
  value.forEach((group: unknown, i) => {
    const field = `subgroups[${i}]`;
    if (!Array.isArray(group)) {
      problems.push({ field, message: 'must be a list of numbers' });
    } else if (group.length === 0) {
      problems.push({ field, message: 'is empty' });
    } else {
      if (group.length < SUBGROUP_SIZE_RANGE.min || group.length > SUBGROUP_SIZE_RANGE.max) {
        problems.push({ field, message: `must hold ${SUBGROUP_SIZE_RANGE.min} to ${SUBGROUP_SIZE_RANGE.max} values, has ${group.length}` });
      } else if (group.length !== size) {
        problems.push({ field, message: `must have the size of subgroups[0] (${size}), has ${group.length}` });
      }
      group.forEach((v: unknown, j) => {
        if (!withinBound(v)) problems.push({ field: `${field}[${j}]`, message: BOUND_MESSAGE });
      });
    }
  });
}

function checkCounts(input: SpcInputCandidate, chart: string, problems: FieldProblem[]): void {
  const defects = numberList(input.defects, 'defects', 1, problems);
  defects?.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 0) problems.push({ field: `defects[${i}]`, message: 'must be a whole number, 0 or more' });
  });
  if (chart === 'c') return;
  const sizes = numberList(input.sizes, 'sizes', 1, problems);
  // A count divided by a vanishing inspection unit would overflow the plotted rate (p and np sizes are whole).
  const given: unknown[] = Array.isArray(input.sizes) ? input.sizes : [];
  given.forEach((n, i) => {
    if (chart === 'u' && withinBound(n) && n > 0 && n < MIN_SIZE) problems.push({ field: `sizes[${i}]`, message: 'must be at least 1e-12' });
  });
  if (!defects || !sizes) return;
  if (sizes.length !== defects.length) {
    problems.push({ field: 'sizes', message: `must give one size per defects entry (${defects.length}), has ${sizes.length}` });
  }
  const counted = chart === 'p' || chart === 'np';
  sizes.forEach((n, i) => {
    if (!(n > 0) || (counted && !Number.isInteger(n))) {
      problems.push({ field: `sizes[${i}]`, message: counted ? 'must be a whole number above 0' : 'must be above 0' });
    } else if (counted && (defects[i] ?? 0) > n) {
      problems.push({ field: `defects[${i}]`, message: `must not exceed sizes[${i}] (${n})` });
    }
  });
  if (chart === 'np' && sizes.some((n) => n !== sizes[0])) {
    problems.push({ field: 'sizes', message: 'must all be equal for an np chart (use a p chart for varying sizes)' });
  }
}

function checkCommon(input: SpcInputCandidate, problems: FieldProblem[]): void {
  if (input.rules !== undefined && !RULE_SETS.includes(input.rules as string)) {
    problems.push({ field: 'rules', message: `must be one of ${RULE_SETS.join(', ')}` });
  }
  for (const field of ['lsl', 'usl', 'target'] as const) {
    if (input[field] !== undefined && !withinBound(input[field])) problems.push({ field, message: BOUND_MESSAGE });
  }
  if (withinBound(input.lsl) && withinBound(input.usl) && input.lsl >= input.usl) {
    problems.push({ field: 'lsl', message: `must be below usl (${input.usl})` });
  }
  if (input.limits === undefined) return;
  const limits = (typeof input.limits === 'object' && input.limits !== null ? input.limits : {}) as Record<string, unknown>;
  if (!withinBound(limits['center'])) problems.push({ field: 'limits.center', message: BOUND_MESSAGE });
  if (!withinBound(limits['sigma']) || !(limits['sigma'] > 0)) {
    problems.push({ field: 'limits.sigma', message: 'must be above 0 and at most 1e12' });
  }
}

/**
 * Every problem with an SPC input, each naming its field (`chart`, `subgroups[3]`, `values[7]`, `lsl`, …);
 * empty when `analyze` may be called. Checks: known chart and rule set; finite numbers of magnitude at most
 * MAX_MAGNITUDE (1e12) everywhere, so every statistic of the answer is finite;
 * x̄ charts: non-empty subgroups, all of one size between 2 and 25; i-mr: at least two values;
 * p, np, c, u: defects whole and not negative; p, np, u: one positive size per sample, p and np whole sizes
 * not below the defects, np one size for all; LSL below USL; frozen limits with a positive sigma.
 */
export function validateSpcInput(input: SpcInputCandidate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const chart = input.chart;
  if (typeof chart !== 'string' || !CHARTS.includes(chart)) {
    problems.push({ field: 'chart', message: `must be one of ${CHARTS.join(', ')}` });
  } else if (chart === 'xbar-r' || chart === 'xbar-s') {
    checkSubgroups(input.subgroups, problems);
  } else if (chart === 'i-mr') {
    numberList(input.values, 'values', 2, problems);
  } else {
    checkCounts(input, chart, problems);
  }
  checkCommon(input, problems);
  return problems;
}
