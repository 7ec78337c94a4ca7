import type { StateInterval } from './equipment-state.js';
import type { PlannedSchedule } from './planned-schedule.js';
import type { IdealCycleTimeSegment, ProductionCount } from './production-count.js';

/** Everything the performance figures of one piece of equipment are computed from. */
export type EquipmentPerformanceInput = {
  readonly equipmentId: string;
  /** State history sorted by `from`, non-overlapping (as `applyStateEvent` keeps it). */
  readonly intervals: readonly StateInterval[];
  /** Count reports; sorted by `at` is fastest, any order is accepted. */
  readonly counts: readonly ProductionCount[];
  /** Ideal cycle times from the routing operations run on the equipment, sorted, non-overlapping. */
  readonly idealCycleTimes?: readonly IdealCycleTimeSegment[];
  /** The equipment's own ideal cycle time, used outside every segment. */
  readonly defaultIdealCycleTimeSec: number;
  /** `down` intervals shorter than this are micro-stops. Default 0: no micro-stops. */
  readonly microStopThresholdSec?: number;
  /** Overrides the schedule of the set (equipment on another calendar). */
  readonly schedule?: PlannedSchedule;
};

/** A window `[from, to)`; with `now`, time after `now` is not counted and open intervals end at `now`. */
export type PerformanceWindow = { readonly from: number; readonly to: number; readonly now?: number };

/**
 * Summable raw figures of a window (times in ms, counts in units, ideal times in seconds). Accounts of several
 * pieces of equipment add up field by field; ratios are derived only after summing (never averaged).
 * Every time field is restricted to scheduled shift time.
 */
export type TimeAccount = {
  readonly shiftMs: number;
  readonly breakMs: number;
  /** `planned_stop` and `maintenance` inside working (non-break) shift time. */
  readonly plannedStateMs: number;
  readonly runningMs: number;
  readonly idleMs: number;
  readonly setupMs: number;
  readonly breakdownMs: number;
  readonly microStopMs: number;
  readonly offlineMs: number;
  /** Working time not covered by any state interval. */
  readonly noDataMs: number;
  /** `down` intervals (at least the micro-stop threshold long) starting in the window and touching working time. */
  readonly breakdownCount: number;
  readonly microStopCount: number;
  readonly totalCount: number;
  readonly rejectCount: number;
  readonly reworkCount: number;
  /** Σ ideal cycle time × total count, seconds. */
  readonly idealSec: number;
  /** Σ ideal cycle time × reject count, seconds. */
  readonly idealRejectSec: number;
};

/** The account of nothing. */
export const EMPTY_ACCOUNT: TimeAccount = {
  shiftMs: 0, breakMs: 0, plannedStateMs: 0, runningMs: 0, idleMs: 0, setupMs: 0, breakdownMs: 0, microStopMs: 0,
  offlineMs: 0, noDataMs: 0, breakdownCount: 0, microStopCount: 0, totalCount: 0, rejectCount: 0, reworkCount: 0,
  idealSec: 0, idealRejectSec: 0,
};

/** Field-by-field sum of two accounts. */
export const addAccounts = (a: TimeAccount, b: TimeAccount): TimeAccount => {
  const out: Record<keyof TimeAccount, number> = { ...a };
  for (const key of Object.keys(b) as (keyof TimeAccount)[]) out[key] = a[key] + b[key];
  return out;
};

/** First index whose interval ends after `t` (intervals sorted and non-overlapping). */
const firstEndingAfter = (intervals: readonly StateInterval[], t: number): number => {
  let lo = 0;
  let hi = intervals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const to = intervals[mid]?.to ?? null;
    if (to !== null && to <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

const sameStop = (a: StateInterval, b: StateInterval): boolean =>
  a.state === b.state && a.reason === b.reason && a.to === b.from;

/** Index range of the stop `j` belongs to: neighbours repeating the same state and reason are one stop. */
const stopBounds = (ivs: readonly StateInterval[], j: number): readonly [number, number] => {
  let first = j;
  for (;;) {
    const cur = ivs[first];
    const prev = ivs[first - 1];
    if (cur === undefined || prev === undefined || !sameStop(prev, cur)) break;
    first--;
  }
  let last = j;
  for (;;) {
    const cur = ivs[last];
    const next = ivs[last + 1];
    if (cur === undefined || next === undefined || !sameStop(cur, next)) break;
    last++;
  }
  return [first, last];
};

const isSortedByAt = (counts: readonly ProductionCount[]): boolean => {
  for (let i = 1; i < counts.length; i++) if ((counts[i]?.at ?? 0) < (counts[i - 1]?.at ?? 0)) return false;
  return true;
};

/** The count part of an account. */
export type CountFigures = Pick<TimeAccount, 'totalCount' | 'rejectCount' | 'reworkCount' | 'idealSec' | 'idealRejectSec'>;

/** Counts with `at` in `[from, end)` wherever they fall (inside or outside planned time), weighted by ideal cycle time. */
export const accountCounts = (
  input: Pick<EquipmentPerformanceInput, 'counts' | 'idealCycleTimes' | 'defaultIdealCycleTimeSec'>,
  from: number,
  end: number,
): CountFigures => {
  const counts = isSortedByAt(input.counts) ? input.counts : [...input.counts].sort((a, b) => a.at - b.at);
  const segments = input.idealCycleTimes ?? [];
  let lo = 0;
  let hi = counts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((counts[mid]?.at ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  let totalCount = 0, rejectCount = 0, reworkCount = 0, idealSec = 0, idealRejectSec = 0;
  let k = 0;
  for (let i = lo; i < counts.length; i++) {
    const c = counts[i];
    if (c === undefined || c.at >= end) break;
    while (k < segments.length && (segments[k]?.to ?? 0) <= c.at) k++;
    const seg = segments[k];
    const ict = seg !== undefined && seg.from <= c.at ? seg.idealCycleTimeSec : input.defaultIdealCycleTimeSec;
    totalCount += c.total;
    rejectCount += c.reject;
    reworkCount += c.rework ?? 0;
    idealSec += ict * c.total;
    idealRejectSec += ict * c.reject;
  }
  return { totalCount, rejectCount, reworkCount, idealSec, idealRejectSec };
};

/**
 * The account of one piece of equipment over a window: a single merge of its state intervals with the working
 * spans of its schedule (O(intervals + spans + counts)). Each slice of working time goes to the bucket of the
 * state covering it; uncovered working time is `noDataMs`. A `down` stop shorter than the micro-stop threshold
 * (judged on its whole length, repeated reports of the same stop merged) is a micro-stop, otherwise a breakdown.
 */
export const accountEquipment = (
  input: EquipmentPerformanceInput,
  window: PerformanceWindow,
  setSchedule: PlannedSchedule,
): TimeAccount => {
  const schedule = input.schedule ?? setSchedule;
  const from = window.from;
  const end = window.now === undefined ? window.to : Math.max(from, Math.min(window.to, window.now));
  const thresholdMs = (input.microStopThresholdSec ?? 0) * 1000;
  const ivs = input.intervals;
  const n = ivs.length;
  let breakMs = 0, workMs = 0, plannedStateMs = 0, runningMs = 0, idleMs = 0, setupMs = 0, breakdownMs = 0;
  let microStopMs = 0, offlineMs = 0, noDataMs = 0, breakdownCount = 0, microStopCount = 0;
  for (const b of schedule.breaks) {
    const len = Math.min(b.to, end) - Math.max(b.from, from);
    if (len > 0) breakMs += len;
  }
  let i = firstEndingAfter(ivs, from);
  // The stop (run of `down` reports with one reason) the sweep is in, and whether it is a micro-stop.
  let stopLast = -1;
  let stopMicro = false;
  for (const w of schedule.working) {
    const ws = w.from > from ? w.from : from;
    const we = w.to < end ? w.to : end;
    if (we <= ws) continue;
    workMs += we - ws;
    let cursor = ws;
    while (i < n) {
      const iv = ivs[i];
      if (iv === undefined || (iv.to ?? end) > ws) break;
      i++;
    }
    let j = i;
    while (j < n) {
      const iv = ivs[j];
      if (iv === undefined || iv.from >= we) break;
      const ivEnd = iv.to ?? end;
      if (iv.from > cursor) {
        noDataMs += iv.from - cursor;
        cursor = iv.from;
      }
      const e = ivEnd < we ? ivEnd : we;
      const len = e - cursor;
      if (len > 0) {
        switch (iv.state) {
          case 'running': runningMs += len; break;
          case 'idle': idleMs += len; break;
          case 'setup': setupMs += len; break;
          case 'offline': offlineMs += len; break;
          case 'planned_stop':
          case 'maintenance': plannedStateMs += len; break;
          case 'down': {
            if (j > stopLast) {
              const [first, last] = stopBounds(ivs, j);
              const start = ivs[first]?.from ?? iv.from;
              stopLast = last;
              stopMicro = (ivs[last]?.to ?? end) - start < thresholdMs;
              if (start >= from) {
                if (stopMicro) microStopCount++;
                else breakdownCount++;
              }
            }
            if (stopMicro) microStopMs += len;
            else breakdownMs += len;
            break;
          }
        }
        cursor = e;
      }
      if (ivEnd > we) break;
      j++;
    }
    if (cursor < we) noDataMs += we - cursor;
    i = j;
  }
  return {
    shiftMs: workMs + breakMs, breakMs, plannedStateMs, runningMs, idleMs, setupMs, breakdownMs, microStopMs,
    offlineMs, noDataMs, breakdownCount, microStopCount, ...accountCounts(input, from, end),
  };
};

/** The summed account of a set of equipment (a work center, an area, a site) sharing `schedule`. */
export const accountEquipmentSet = (
  equipment: readonly EquipmentPerformanceInput[],
  window: PerformanceWindow,
  schedule: PlannedSchedule,
): TimeAccount => {
  let sum = EMPTY_ACCOUNT;
  for (const e of equipment) sum = addAccounts(sum, accountEquipment(e, window, schedule));
  return sum;
};
