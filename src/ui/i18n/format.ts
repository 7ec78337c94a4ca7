import { signal } from '@preact/signals';
import { locale } from './i18n.js';

/** The IANA time zone of the plant's site: every date and time on screen is shown in it. */
export const siteTimeZone = signal<string>('UTC');

const cache = new Map<string, Intl.DateTimeFormat>();

/** The browser's own regional variant when it speaks the screen's language (en-GB dates in a British plant). */
export function formatLocale(): string {
  const own = navigator.language;
  return own.toLowerCase().startsWith(locale.value) ? own : locale.value;
}

function formatter(kind: 'datetime' | 'time' | 'date' | 'clock'): Intl.DateTimeFormat {
  const key = `${formatLocale()}|${siteTimeZone.value}|${kind}`;
  let f = cache.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'datetime' ? { dateStyle: 'short', timeStyle: 'short' } : kind === 'time' ? { timeStyle: 'medium' } : kind === 'clock' ? { timeStyle: 'short' } : { dateStyle: 'medium' };
    try {
      f = new Intl.DateTimeFormat(formatLocale(), { ...options, timeZone: siteTimeZone.value });
    } catch {
      f = new Intl.DateTimeFormat(formatLocale(), { ...options, timeZone: 'UTC' });
    }
    cache.set(key, f);
  }
  return f;
}

function parse(value: string | number | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A date and time in the site's time zone, e.g. 26.11.26, 14:05; an em dash for none. */
export function dateTime(value: string | number | null | undefined): string {
  const d = parse(value);
  return d ? formatter('datetime').format(d) : '—';
}

export function time(value: string | number | null | undefined): string {
  const d = parse(value);
  return d ? formatter('time').format(d) : '—';
}

/** Hours and minutes only, e.g. 14:05. */
export function clock(value: string | number | null | undefined): string {
  const d = parse(value);
  return d ? formatter('clock').format(d) : '—';
}

export function date(value: string | number | null | undefined): string {
  const d = parse(value);
  return d ? formatter('date').format(d) : '—';
}

/** A quantity in the current language (decimal comma in German), at most three decimals. */
export function num(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(formatLocale(), { maximumFractionDigits: 3 }).format(n);
}

export function percent(fraction: number): string {
  return new Intl.NumberFormat(formatLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/**
 * Reads a quantity typed in either language: 1,5 and 1.5 are both one and a half (no thousands separators, which
 * on a shop floor keypad would turn a mistyped decimal into a thousandfold quantity); NaN when it is not a number.
 */
export function parseNumber(text: string): number {
  const s = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(s) || /^\.\d+$/.test(s) ? Number(s) : Number.NaN;
}

/** A number as an input field holds it: no grouping, so that reading it back cannot mistake a separator. */
export function inputNumber(n: number): string {
  return new Intl.NumberFormat(locale.value, { useGrouping: false, maximumFractionDigits: 6 }).format(n);
}
