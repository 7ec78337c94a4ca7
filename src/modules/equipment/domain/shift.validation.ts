import { violation, type Violation } from '../../../platform/errors/violation.js';

/** A break inside a shift, local wall-clock "HH:MM" times. A break is a planned stop. */
export type ShiftBreak = { readonly start: string; readonly end: string };

/**
 * A shift of a site, in the site's time zone. `end <= start` means the shift crosses midnight.
 * `days` are ISO weekdays (1 = Monday … 7 = Sunday) of the day the shift starts; absent means every day.
 */
export type ShiftDefinition = {
  readonly code: string;
  readonly start: string;
  readonly end: string;
  readonly days?: readonly number[];
  readonly breaks: readonly ShiftBreak[];
};

const MINUTES_PER_DAY = 1440;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of a strict "HH:MM" (00:00..23:59), or null when malformed. */
export const parseHhMm = (value: string): number | null => {
  const m = typeof value === 'string' ? HH_MM.exec(value) : null;
  if (m === null) return null;
  return Number(m[1]) * 60 + Number(m[2]);
};

/** Minutes from the shift start to `minute`, going forward across midnight. */
export const minutesAfter = (start: number, minute: number): number =>
  (minute - start + MINUTES_PER_DAY) % MINUTES_PER_DAY;

/** Length in minutes of a shift from `start` to `end` (end <= start crosses midnight); 0 when end == start. */
export const shiftLengthMinutes = (start: number, end: number): number => minutesAfter(start, end);

/**
 * Every field problem of a shift definition: empty code, malformed "HH:MM", `end == start`, an empty list of
 * weekdays, weekdays outside 1..7 or repeated, breaks malformed, empty, outside the shift, or overlapping each other.
 * Field paths are relative to the definition (`start`, `days[2]`, `breaks[0].end`).
 */
export const validateShift = (shift: ShiftDefinition): Violation[] => {
  const problems: Violation[] = [];
  if (typeof shift.code !== 'string' || shift.code.trim() === '') problems.push(violation('INVALID_FIELD', 'code is required', { field: 'code' }));
  const start = parseHhMm(shift.start);
  const end = parseHhMm(shift.end);
  if (start === null) problems.push(violation('INVALID_FIELD', 'start must be a time "HH:MM" between 00:00 and 23:59', { field: 'start' }));
  if (end === null) problems.push(violation('INVALID_FIELD', 'end must be a time "HH:MM" between 00:00 and 23:59', { field: 'end' }));
  if (start !== null && end !== null && start === end) {
    problems.push(violation('INVALID_FIELD', 'end must differ from start (a shift cannot be empty or last 24 hours)', { field: 'end' }));
  }
  // Stored, an empty list would read back as "every day": the opposite of what was sent.
  if (Array.isArray(shift.days) && shift.days.length === 0) {
    problems.push(violation('INVALID_FIELD', 'a shift needs at least one day: list its weekdays, or leave days out for every day', { field: 'days' }));
  }
  const seen = new Set<number>();
  (shift.days ?? []).forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1 || d > 7) {
      problems.push(violation('INVALID_FIELD', 'days must be ISO weekdays 1 (Monday) to 7 (Sunday)', { field: `days[${i}]` }));
    } else if (seen.has(d)) {
      problems.push(violation('INVALID_FIELD', `weekday ${d} is listed twice`, { field: `days[${i}]` }));
    }
    seen.add(d);
  });
  const breaks = Array.isArray(shift.breaks) ? shift.breaks : [];
  if (!Array.isArray(shift.breaks)) problems.push(violation('INVALID_FIELD', 'breaks must be a list (possibly empty)', { field: 'breaks' }));
  const placed: { index: number; from: number; to: number }[] = [];
  breaks.forEach((b, i) => {
    const bs = parseHhMm(b.start);
    const be = parseHhMm(b.end);
    if (bs === null) problems.push(violation('INVALID_FIELD', 'break start must be a time "HH:MM"', { field: `breaks[${i}].start` }));
    if (be === null) problems.push(violation('INVALID_FIELD', 'break end must be a time "HH:MM"', { field: `breaks[${i}].end` }));
    if (bs === null || be === null || start === null || end === null || start === end) return;
    if (bs === be) {
      problems.push(violation('INVALID_FIELD', 'a break must last at least one minute', { field: `breaks[${i}].end` }));
      return;
    }
    const length = shiftLengthMinutes(start, end);
    const from = minutesAfter(start, bs);
    const to = from + minutesAfter(bs, be);
    if (to > length) {
      problems.push(violation('INVALID_FIELD', `break ${b.start}-${b.end} lies outside the shift ${shift.start}-${shift.end}`, { field: `breaks[${i}]` }));
      return;
    }
    placed.push({ index: i, from, to });
  });
  placed.sort((a, b) => a.from - b.from);
  placed.forEach((p, k) => {
    const prev = placed[k - 1];
    if (prev !== undefined && p.from < prev.to) {
      problems.push(violation('INVALID_FIELD', `break overlaps breaks[${prev.index}]`, { field: `breaks[${p.index}]` }));
    }
  });
  return problems;
};

/**
 * Problems of a site's set of shifts: each shift's problems (fields prefixed `shifts[i].`) and repeated codes.
 */
export const validateShiftSet = (shifts: readonly ShiftDefinition[]): Violation[] => {
  const problems: Violation[] = [];
  const codes = new Set<string>();
  shifts.forEach((s, i) => {
    for (const p of validateShift(s)) problems.push({ ...p, field: `shifts[${i}].${p.field}` });
    if (codes.has(s.code)) problems.push(violation('INVALID_FIELD', `shift code "${s.code}" is used twice`, { field: `shifts[${i}].code` }));
    codes.add(s.code);
  });
  return problems;
};
