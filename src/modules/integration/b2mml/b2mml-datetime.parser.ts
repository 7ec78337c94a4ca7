/** A point in time read from B2MML: `at` is ISO-8601 UTC, `epochMs` what the store keeps. */
export interface Instant {
  readonly at: string;
  readonly epochMs: number;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Reads an xs:dateTime (years 0001 to 9999). A value without offset ("unspecified kind") is taken as UTC.
 * Returns null for anything that is not a valid date and time, including impossible calendar dates.
 */
export function parseDateTime(text: string): Instant | null {
  const m = DATE_TIME.exec(text.trim());
  if (m === null) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number, number, number, number, number, number,
  ];
  const fraction = m[7] === undefined ? 0 : Math.round(Number(`0${m[7]}`) * 1000);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const endOfDay = hour === 24 && minute === 0 && second === 0 && fraction === 0;
  if ((hour > 23 && !endOfDay) || minute > 59 || second > 59) return null;
  const offset = offsetMinutes(m[8]);
  if (offset === null) return null;
  const epochMs = utcMs(year, month, day, hour, minute, second, fraction) - offset * 60_000;
  if (!Number.isFinite(epochMs)) return null;
  return { at: new Date(epochMs).toISOString(), epochMs };
}

function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, ms);
  return d.getTime();
}

function offsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) return null;
  return sign * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Reads a non-negative xs:duration as seconds. Years count 365 days and months 30 (an operation's
 * planned duration never depends on which month it runs in). Null for anything else, including negatives.
 */
export function parseDurationSeconds(text: string): number | null {
  const t = text.trim();
  const m = DURATION.exec(t);
  if (m === null || t === 'P' || t.endsWith('T')) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => (v === undefined ? 0 : Number(v))) as [
    number, number, number, number, number, number,
  ];
  const seconds = ((y * 365 + mo * 30 + d) * 24 + h) * 3600 + mi * 60 + s;
  return Number.isFinite(seconds) ? seconds : null;
}
