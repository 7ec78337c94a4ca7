/**
 * Wall-clock ⇄ UTC conversion for IANA time zones using only `Intl.DateTimeFormat`.
 */

/** A calendar date in some time zone; `month` is 1..12. */
export type LocalDate = { readonly year: number; readonly month: number; readonly day: number };

/** A wall-clock time in some time zone. */
export type WallClock = LocalDate & { readonly hour: number; readonly minute: number; readonly second: number };

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
};

/** True when `timeZone` is an IANA zone name this runtime knows (e.g. `Europe/Berlin`, `UTC`). */
export const isValidTimeZone = (timeZone: string): boolean => {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
};

/** The wall clock shown in `timeZone` at `instant` (epoch ms). */
export const utcToWallClock = (timeZone: string, instant: number): WallClock => {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const p = parts.find((x) => x.type === type);
    return p === undefined ? 0 : Number(p.value);
  };
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
};

const offsets = new Map<string, Map<number, number>>();
const OFFSET_CACHE_SIZE = 100_000;

/**
 * The UTC offset of `timeZone` at `instant`, in ms (local minus UTC; +3 600 000 for CET). Answers are memoised per
 * zone and second (`Intl` formatting is the slow part of calendar expansion); the memo forgets everything when full.
 */
export const offsetAt = (timeZone: string, instant: number): number => {
  const whole = Math.floor(instant / 1000) * 1000;
  let memo = offsets.get(timeZone);
  if (memo === undefined) {
    memo = new Map();
    offsets.set(timeZone, memo);
  }
  const known = memo.get(whole);
  if (known !== undefined) return known;
  const w = utcToWallClock(timeZone, whole);
  const offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
  if (memo.size >= OFFSET_CACHE_SIZE) memo.clear();
  memo.set(whole, offset);
  return offset;
};

/**
 * The instant at which the wall clock in `timeZone` shows `date` plus `minuteOfDay` minutes (values of 1440 or
 * more roll into the following days, so a shift ending "06:00 next day" is `minuteOfDay = 1440 + 360`).
 *
 * Disambiguation follows the usual "compatible" rule: a wall time that occurs twice (clocks going back) resolves
 * to the earlier instant; a wall time that does not exist (clocks going forward) is read with the offset in force
 * before the change, which lands the same distance after the gap (02:30 on a 02:00→03:00 night is 03:30).
 * The offsets in force before and after are read one to two days either side, at UTC midnights, so every wall time
 * of a day shares the same two readings (this assumes at most one offset change within three days, as in every
 * real zone).
 */
export const wallClockToUtc = (timeZone: string, date: LocalDate, minuteOfDay: number): number => {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const midnight = Math.floor(wall / DAY_MS) * DAY_MS;
  const before = offsetAt(timeZone, midnight - DAY_MS);
  const after = offsetAt(timeZone, midnight + 2 * DAY_MS);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyFits = offsetAt(timeZone, early) === before;
  const lateFits = offsetAt(timeZone, late) === after;
  if (earlyFits && lateFits) return Math.min(early, late);
  if (lateFits) return late;
  return early;
};

/** The local calendar date of `instant` in `timeZone`. */
export const localDateOf = (timeZone: string, instant: number): LocalDate => {
  const w = utcToWallClock(timeZone, instant);
  return { year: w.year, month: w.month, day: w.day };
};

/** `date` moved by `days` calendar days. */
export const addDays = (date: LocalDate, days: number): LocalDate => {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: LocalDate): number => {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return d === 0 ? 7 : d;
};

/** Whole days from `a` to `b` (positive when `b` is later). */
export const daysBetween = (a: LocalDate, b: LocalDate): number =>
  Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
