import { minutesAfter, parseHhMm, shiftLengthMinutes, type ShiftDefinition } from './shift.validation.js';
import type { TimeSpan } from './time-span.js';
import { addDays, daysBetween, isoWeekday, localDateOf, wallClockToUtc } from './time-zone.js';

/** One occurrence of a shift in UTC: `[from, to)` with its breaks, epoch milliseconds. */
export type ShiftOccurrence = {
  readonly code: string;
  readonly from: number;
  readonly to: number;
  readonly breaks: readonly TimeSpan[];
};

/** The window and zone a calendar is expanded for. */
export type CalendarWindow = { readonly timeZone: string; readonly from: number; readonly to: number };

type ParsedShift = {
  readonly code: string;
  readonly start: number;
  readonly length: number;
  readonly days: ReadonlySet<number> | null;
  readonly breaks: readonly { readonly from: number; readonly to: number }[];
};

const parseShift = (shift: ShiftDefinition): ParsedShift | null => {
  const start = parseHhMm(shift.start);
  const end = parseHhMm(shift.end);
  if (start === null || end === null || start === end) return null;
  const length = shiftLengthMinutes(start, end);
  const breaks: { from: number; to: number }[] = [];
  for (const b of shift.breaks) {
    const bs = parseHhMm(b.start);
    const be = parseHhMm(b.end);
    if (bs === null || be === null || bs === be) continue;
    const from = minutesAfter(start, bs);
    const to = from + minutesAfter(bs, be);
    if (to <= length) breaks.push({ from, to });
  }
  return { code: shift.code, start, length, days: shift.days === undefined ? null : new Set(shift.days), breaks };
};

/**
 * Expands shift definitions into UTC occurrences overlapping `[from, to)`, sorted by start then code.
 * Occurrences are returned whole (not clipped to the window) so a caller sees the real shift boundaries.
 *
 * Every boundary is a local wall-clock time converted in the site's zone, so shifts keep their local start and end
 * across daylight-saving changes and their UTC length changes instead (a 22:00–06:00 shift lasts 7 h on the
 * spring-forward night and 9 h on the fall-back night in Europe). Wall times that fall into a DST gap or overlap
 * resolve as described for `wallClockToUtc`.
 * Definitions that fail `validateShift` in their times are skipped; invalid breaks are ignored.
 */
export const expandShifts = (shifts: readonly ShiftDefinition[], window: CalendarWindow): ShiftOccurrence[] => {
  if (!(window.to > window.from)) return [];
  const parsed = shifts.map(parseShift).filter((s): s is ParsedShift => s !== null);
  // A shift starting the previous local day can still run into the window (night shifts).
  const firstDay = addDays(localDateOf(window.timeZone, window.from), -1);
  const lastDay = localDateOf(window.timeZone, window.to);
  const dayCount = daysBetween(firstDay, lastDay);
  const out: ShiftOccurrence[] = [];
  for (let i = 0; i <= dayCount; i++) {
    const date = addDays(firstDay, i);
    const weekday = isoWeekday(date);
    for (const s of parsed) {
      if (s.days !== null && !s.days.has(weekday)) continue;
      const from = wallClockToUtc(window.timeZone, date, s.start);
      const to = wallClockToUtc(window.timeZone, date, s.start + s.length);
      if (to <= window.from || from >= window.to || to <= from) continue;
      const breaks = s.breaks
        .map((b) => ({
          from: wallClockToUtc(window.timeZone, date, s.start + b.from),
          to: wallClockToUtc(window.timeZone, date, s.start + b.to),
        }))
        .filter((b) => b.to > b.from);
      out.push({ code: s.code, from, to, breaks });
    }
  }
  return out.sort((a, b) => a.from - b.from || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
};
