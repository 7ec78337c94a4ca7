import { eventTimeProblems } from './state-event.validation.js';
import { violation, type Violation } from '../../../platform/errors/violation.js';

/**
 * Units reported by equipment at `at` (epoch ms): `total` produced, of which `reject` were not good first time
 * (scrap and units sent to rework), of which `rework` (optional, default 0) went to rework instead of scrap.
 * Good (first pass) = total − reject; scrap = reject − rework.
 */
export type ProductionCount = {
  readonly at: number;
  readonly total: number;
  readonly reject: number;
  readonly rework?: number;
};

/**
 * The ideal cycle time (seconds per unit) in force on `[from, to)`, typically from the routing operation running
 * on the equipment at the time. Outside every segment the equipment default applies.
 */
export type IdealCycleTimeSegment = { readonly from: number; readonly to: number; readonly idealCycleTimeSec: number };

/**
 * The most units one count report may carry: a billion. Reports are increments since the last one; a larger one is
 * a counter reading sent as an increment, a wrapped counter or a unit error, and would wreck every figure built on
 * it (sums of counts also stay exact integers far beyond any plant's life).
 */
export const MAX_COUNT_PER_REPORT = 1_000_000_000;

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= MAX_COUNT_PER_REPORT;
const countProblem = (field: string) => violation('INVALID_FIELD', `${field} must be a whole number from 0 to ${MAX_COUNT_PER_REPORT}`, { field });

/**
 * Every field problem of a count report: counts that are not whole numbers from 0 to {@link MAX_COUNT_PER_REPORT},
 * `reject > total`, `rework > reject`, `at` not finite, before the earliest time accepted (2000-01-01) or further in
 * the future than the tolerated skew (default 5 s).
 */
export const validateProductionCount = (
  count: ProductionCount,
  rules: { readonly now: number; readonly maxFutureSkewMs?: number; readonly earliestAt?: number },
): Violation[] => {
  const problems: Violation[] = [];
  if (!isCount(count.total)) problems.push(countProblem('total'));
  if (!isCount(count.reject)) problems.push(countProblem('reject'));
  else if (isCount(count.total) && count.reject > count.total) {
    problems.push(violation('INVALID_FIELD', 'reject cannot exceed total', { field: 'reject', details: { total: count.total, reject: count.reject } }));
  }
  if (count.rework !== undefined) {
    if (!isCount(count.rework)) problems.push(countProblem('rework'));
    else if (isCount(count.reject) && count.rework > count.reject) {
      problems.push(violation('INVALID_FIELD', 'rework is part of reject and cannot exceed it', { field: 'rework' }));
    }
  }
  problems.push(...eventTimeProblems(count.at, rules));
  return problems;
};

/** Every field problem of ideal-cycle-time segments: non-positive times, empty spans, overlaps, disorder. */
export const validateIdealCycleTimes = (segments: readonly IdealCycleTimeSegment[]): Violation[] => {
  const problems: Violation[] = [];
  segments.forEach((s, i) => {
    if (!(s.idealCycleTimeSec > 0) || !Number.isFinite(s.idealCycleTimeSec)) {
      problems.push(violation('INVALID_FIELD', 'ideal cycle time must be a positive number of seconds', { field: `[${i}].idealCycleTimeSec` }));
    }
    if (!(s.to > s.from)) problems.push(violation('INVALID_FIELD', 'segment must end after it starts', { field: `[${i}].to` }));
    const prev = segments[i - 1];
    if (prev !== undefined && s.from < prev.to) {
      problems.push(violation('INVALID_FIELD', 'segments must be sorted and must not overlap', { field: `[${i}].from` }));
    }
  });
  return problems;
};

/**
 * The ideal cycle time at `at`: the segment containing it (segments sorted, non-overlapping), else `fallbackSec`.
 */
export const idealCycleTimeAt = (
  segments: readonly IdealCycleTimeSegment[],
  fallbackSec: number,
  at: number,
): number => {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    if (s === undefined) break;
    if (at < s.from) hi = mid - 1;
    else if (at >= s.to) lo = mid + 1;
    else return s.idealCycleTimeSec;
  }
  return fallbackSec;
};
