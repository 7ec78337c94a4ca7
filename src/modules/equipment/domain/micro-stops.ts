import type { StateInterval } from './equipment-state.js';
import { coalesceIntervals } from './state-history.js';

/** Micro-stop and breakdown figures of a window. Durations in seconds. */
export type StopSummary = {
  /** `down` intervals shorter than the threshold (counted separately, a performance loss). */
  readonly microStopCount: number;
  readonly microStopSeconds: number;
  /** `down` intervals at least as long as the threshold (breakdowns, an availability loss). */
  readonly breakdownCount: number;
  readonly breakdownSeconds: number;
};

/**
 * True when `interval` is a micro-stop: a `down` interval whose whole length (not only the part inside a window)
 * is shorter than `thresholdMs`. An open interval is measured up to `openEnd`.
 * A threshold of 0 means the equipment has no micro-stops.
 */
export const isMicroStop = (interval: StateInterval, thresholdMs: number, openEnd: number): boolean =>
  interval.state === 'down' && (interval.to ?? openEnd) - interval.from < thresholdMs;

/**
 * Splits the `down` stops starting inside `[from, to)` into micro-stops and breakdowns. Repeated reports of the same
 * stop (neighbours with equal state and reason) are one stop. Durations are clipped to the window; classification
 * uses the whole stop. Open intervals end at `openEnd` (default `to`).
 */
export const summarizeStops = (
  intervals: readonly StateInterval[],
  window: { readonly from: number; readonly to: number; readonly thresholdMs: number; readonly openEnd?: number },
): StopSummary => {
  const openEnd = window.openEnd ?? window.to;
  let microStopCount = 0;
  let microStopMs = 0;
  let breakdownCount = 0;
  let breakdownMs = 0;
  for (const iv of coalesceIntervals(intervals)) {
    if (iv.state !== 'down' || iv.from < window.from || iv.from >= window.to) continue;
    const clipped = Math.min(iv.to ?? openEnd, window.to) - iv.from;
    if (isMicroStop(iv, window.thresholdMs, openEnd)) {
      microStopCount += 1;
      microStopMs += clipped;
    } else {
      breakdownCount += 1;
      breakdownMs += clipped;
    }
  }
  return {
    microStopCount,
    microStopSeconds: microStopMs / 1000,
    breakdownCount,
    breakdownSeconds: breakdownMs / 1000,
  };
};
