import { addDays, clipSpans, localDateOf, wallClockToUtc, type PlannedSchedule, type TimeSpan } from '../domain/index.js';

/** One site-local day of a report window: its whole span, the part inside the window, and its scheduled time. */
export interface DaySlice {
  /** Local midnight to local midnight, UTC epoch ms (23 or 25 hours on daylight-saving days). */
  readonly day: TimeSpan;
  /** The part of the day inside the window. */
  readonly part: TimeSpan;
  /** The whole day lies inside the window. */
  readonly whole: boolean;
  /** The window's schedule clipped to the part. */
  readonly schedule: PlannedSchedule;
}

/** The local days of `timeZone` overlapping `[from, to)`, in order, each whole (not clipped). */
export function localDays(timeZone: string, from: number, to: number): TimeSpan[] {
  const out: TimeSpan[] = [];
  let date = localDateOf(timeZone, from);
  let start = wallClockToUtc(timeZone, date, 0);
  while (start < to) {
    const next = addDays(date, 1);
    const end = wallClockToUtc(timeZone, next, 0);
    out.push({ from: start, to: end });
    date = next;
    start = end;
  }
  return out;
}

/** The window cut at local midnights, each part with its share of the window's schedule. */
export function daySlices(timeZone: string, window: TimeSpan, schedule: PlannedSchedule): DaySlice[] {
  return localDays(timeZone, window.from, window.to).map((day) => {
    const part = { from: Math.max(day.from, window.from), to: Math.min(day.to, window.to) };
    return {
      day, part, whole: part.from === day.from && part.to === day.to,
      schedule: { working: clipSpans(schedule.working, part.from, part.to), breaks: clipSpans(schedule.breaks, part.from, part.to) },
    };
  });
}
