import type { ShiftOccurrence } from './shift-calendar.js';
import { clipSpans, subtractSpans, totalLength, unionSpans, type TimeSpan } from './time-span.js';

/**
 * The scheduled time of equipment, as sorted disjoint spans: `working` is shift time where some shift works (is
 * not on its own break), `breaks` is shift time where every shift covering it is on its break.
 * Shift time = working + breaks.
 */
export type PlannedSchedule = { readonly working: readonly TimeSpan[]; readonly breaks: readonly TimeSpan[] };

/**
 * The schedule of shift occurrences, optionally clipped to a window. Overlapping shifts are united (time is
 * counted once). A break belongs to its own shift: time is working time when any shift covering it is outside its
 * own breaks, and a break only where every shift covering it is on its break. So a night shift's break never takes
 * time out of the early shift it runs into, and the part of a break lying outside its shift counts for nothing.
 * Guarantees: `working` and `breaks` are sorted, disjoint, inside the window, and together exactly the union of the
 * shifts.
 */
export const plannedSchedule = (
  occurrences: readonly ShiftOccurrence[],
  window?: { readonly from: number; readonly to: number },
): PlannedSchedule => {
  const clip = (spans: TimeSpan[]) => (window === undefined ? spans : clipSpans(spans, window.from, window.to));
  const shifts = clip(unionSpans(occurrences)); // unionSpans keeps only {from, to}
  const working = clip(unionSpans(occurrences.flatMap((o) => subtractSpans([{ from: o.from, to: o.to }], unionSpans(o.breaks)))));
  return { working, breaks: subtractSpans(shifts, working) };
};

/** Shift time (working + breaks) of a schedule in milliseconds. */
export const scheduledMs = (schedule: PlannedSchedule): number =>
  totalLength(schedule.working) + totalLength(schedule.breaks);
