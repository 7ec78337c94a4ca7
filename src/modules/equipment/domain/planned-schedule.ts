import type { ShiftOccurrence } from './shift-calendar.js';
import { clipSpans, subtractSpans, totalLength, unionSpans, type TimeSpan } from './time-span.js';

/**
 * The scheduled time of equipment, as sorted disjoint spans: `working` is shift time outside breaks, `breaks`
 * is break time inside shifts. Shift time = working + breaks.
 */
export type PlannedSchedule = { readonly working: readonly TimeSpan[]; readonly breaks: readonly TimeSpan[] };

/**
 * The schedule of shift occurrences, optionally clipped to a window. Overlapping shifts are united (time is
 * counted once); a break only counts where it lies inside some shift, and time that one shift gives as a break
 * while another overlapping shift works remains a break.
 */
export const plannedSchedule = (
  occurrences: readonly ShiftOccurrence[],
  window?: { readonly from: number; readonly to: number },
): PlannedSchedule => {
  const clip = (spans: TimeSpan[]) => (window === undefined ? spans : clipSpans(spans, window.from, window.to));
  const shifts = clip(unionSpans(occurrences)); // unionSpans keeps only {from, to}
  const rawBreaks = unionSpans(occurrences.flatMap((o) => o.breaks));
  const outside = subtractSpans(rawBreaks, shifts);
  const breaks = subtractSpans(clip(rawBreaks), outside);
  return { working: subtractSpans(shifts, breaks), breaks };
};

/** Shift time (working + breaks) of a schedule in milliseconds. */
export const scheduledMs = (schedule: PlannedSchedule): number =>
  totalLength(schedule.working) + totalLength(schedule.breaks);
