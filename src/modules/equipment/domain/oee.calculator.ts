import type { PlannedSchedule } from './planned-schedule.js';
import {
  accountEquipmentSet,
  type EquipmentPerformanceInput,
  type PerformanceWindow,
  type TimeAccount,
} from './time-account.js';

/**
 * Where the scheduled time went, in seconds. The parts add up exactly:
 * shiftTime = plannedStops + breakdowns + setup + idle + offline + noData + microStops + speed + quality
 *             + fullyProductiveTime.
 */
export type OeeLosses = {
  /** Breaks plus `planned_stop` and `maintenance` inside shift time: excluded from planned production time. */
  readonly plannedStops: number;
  /** The break part of `plannedStops`. */
  readonly breaks: number;
  /** `down` intervals at least as long as the micro-stop threshold (availability loss). */
  readonly breakdowns: number;
  /** `setup` (availability loss). */
  readonly setup: number;
  /** `idle`: starved, blocked, waiting (availability loss; ISO 22400 counts it out of actual production time). */
  readonly idle: number;
  /** `offline` inside shift time (availability loss: the shift said the equipment should be available). */
  readonly offline: number;
  /** Planned production time without any known state (availability loss). */
  readonly noData: number;
  /** `down` intervals shorter than the micro-stop threshold (performance loss, kept inside run time). */
  readonly microStops: number;
  /**
   * Run time not explained by ideal production or micro-stops: runTime − microStops − Σ(ideal × total).
   * Negative when the ideal cycle time is slower than the machine really runs, or when units were counted
   * outside planned production time.
   */
  readonly speed: number;
  /** Σ(ideal cycle time × reject): time spent making units that were not good first time. */
  readonly quality: number;
};

/** OEE of a window, for one piece of equipment or a set (summed, never averaged). Times in seconds. */
export type OeeResult = {
  readonly availability: number;
  readonly performance: number;
  readonly quality: number;
  readonly oee: number;
  readonly shiftTime: number;
  readonly plannedProductionTime: number;
  readonly runTime: number;
  /** Σ(ideal cycle time × good count). */
  readonly fullyProductiveTime: number;
  readonly totalCount: number;
  readonly goodCount: number;
  readonly rejectCount: number;
  readonly reworkCount: number;
  /**
   * Count-weighted mean ideal cycle time, seconds per unit. When nothing was counted: the ideal cycle time without
   * counts given to {@link oeeFromAccount} (see {@link idealCycleTimeWithoutCounts}), else 0.
   */
  readonly idealCycleTime: number;
  readonly breakdownCount: number;
  readonly microStopCount: number;
  readonly losses: OeeLosses;
};

/** Everything the OEE of a set of equipment over a window needs. */
export type OeeInput = PerformanceWindow & {
  /** Scheduled time of the set (from the site's shift calendar); equipment may override it. */
  readonly schedule: PlannedSchedule;
  readonly equipment: readonly EquipmentPerformanceInput[];
};

/** `numerator / denominator`, or 0 when the denominator is 0: a ratio is never NaN or infinite. */
export const ratio = (numerator: number, denominator: number): number => (denominator > 0 ? numerator / denominator : 0);

/**
 * The ideal cycle time of equipment when there are no counts to weight it by: the mean of the equipment's own ideal
 * cycle times that are set (above 0), equipment without one left out; 0 when none has one. For one piece of
 * equipment it is simply its own ideal cycle time.
 */
export const idealCycleTimeWithoutCounts = (defaultsSec: readonly number[]): number => {
  const set = defaultsSec.filter((t) => Number.isFinite(t) && t > 0);
  return set.length === 0 ? 0 : set.reduce((sum, t) => sum + t, 0) / set.length;
};

/**
 * OEE from a (summed) account.
 * - planned production time = shift time − breaks − `planned_stop` − `maintenance` (inside shift time);
 * - run time = planned production time − stop time, stop time = breakdowns + setup + idle + offline + no data
 *   (micro-stops stay inside run time, as the performance loss "minor stops");
 * - availability = run time / planned production time;
 * - performance = Σ(ideal cycle time × total count) / run time;
 * - quality = good count / total count, good = total − reject;
 * - OEE = availability × performance × quality, which equals good × ideal cycle time / planned production time
 *   whenever one ideal cycle time applies and run time and total count are not zero.
 * Counts are those reported in the window, inside or outside planned production time (common practice: what was
 * made in the window counts). Zero denominators give 0, never NaN. `idealCycleTime` is the count-weighted mean
 * ideal cycle time, or `idealCycleTimeSecWithoutCounts` when nothing was counted.
 */
export const oeeFromAccount = (a: TimeAccount, idealCycleTimeSecWithoutCounts = 0): OeeResult => {
  const s = (ms: number) => ms / 1000;
  const shiftTime = s(a.shiftMs);
  const plannedStops = s(a.breakMs + a.plannedStateMs);
  const plannedProductionTime = shiftTime - plannedStops;
  const stopTime = s(a.breakdownMs + a.setupMs + a.idleMs + a.offlineMs + a.noDataMs);
  const runTime = plannedProductionTime - stopTime;
  const goodCount = a.totalCount - a.rejectCount;
  const availability = ratio(runTime, plannedProductionTime);
  const performance = ratio(a.idealSec, runTime);
  const quality = ratio(goodCount, a.totalCount);
  return {
    availability,
    performance,
    quality,
    oee: availability * performance * quality,
    shiftTime,
    plannedProductionTime,
    runTime,
    fullyProductiveTime: a.idealSec - a.idealRejectSec,
    totalCount: a.totalCount,
    goodCount,
    rejectCount: a.rejectCount,
    reworkCount: a.reworkCount,
    idealCycleTime: a.totalCount > 0 ? a.idealSec / a.totalCount : idealCycleTimeSecWithoutCounts,
    breakdownCount: a.breakdownCount,
    microStopCount: a.microStopCount,
    losses: {
      plannedStops,
      breaks: s(a.breakMs),
      breakdowns: s(a.breakdownMs),
      setup: s(a.setupMs),
      idle: s(a.idleMs),
      offline: s(a.offlineMs),
      noData: s(a.noDataMs),
      microStops: s(a.microStopMs),
      speed: runTime - s(a.microStopMs) - a.idealSec,
      quality: a.idealRejectSec,
    },
  };
};

/**
 * OEE of a set of equipment over `[from, to)` (a single piece of equipment is a set of one; a work center, area
 * or site is the set of equipment below it). Times and counts of all equipment are summed before any ratio is
 * taken, so large equipment weighs more, as it should. See {@link oeeFromAccount} for the definitions.
 */
export const computeOee = (input: OeeInput): OeeResult =>
  oeeFromAccount(
    accountEquipmentSet(input.equipment, input, input.schedule),
    idealCycleTimeWithoutCounts(input.equipment.map((e) => e.defaultIdealCycleTimeSec)),
  );
