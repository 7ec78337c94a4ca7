import { z } from 'zod';
import { Refusal, violation } from '../errors/violation.js';
import { isoTime } from './time.js';

/** The longest window a report may span: two years and a day. */
export const MAX_WINDOW_MS = 732 * 86_400_000;

/** `?from&to` of every report (ISO-8601 with offset). */
export const windowQuery = { from: isoTime, to: isoTime };

export const windowQuerySchema = z.strictObject(windowQuery);

/** The report window of a query; 400 naming `to` when it does not end after `from` or spans more than two years. */
export function reportWindow(q: { from: number; to: number }, now: number): { from: number; to: number; now: number } {
  if (!(q.to > q.from)) throw new Refusal([violation('INVALID_FIELD', 'to must lie after from', { field: 'to', details: { in: 'querystring' } })]);
  if (q.to - q.from > MAX_WINDOW_MS) {
    throw new Refusal([violation('INVALID_FIELD', 'a report spans at most 732 days', { field: 'to', details: { in: 'querystring' } })]);
  }
  return { from: q.from, to: q.to, now };
}
