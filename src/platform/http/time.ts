import { z } from 'zod';

/** An ISO-8601 date-time with an offset (or Z), parsed to epoch milliseconds. */
export const isoTime = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));

/** Epoch milliseconds as the ISO-8601 string the API answers with (UTC); null stays null. */
export function iso(ms: number): string;
export function iso(ms: number | null): string | null;
export function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
