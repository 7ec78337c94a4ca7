import type { Violation } from '../api/types.js';
import { dateTime, num } from './format.js';
import { known, t, type MessageKey } from './i18n.js';

function text(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'number') return num(value);
  return String(value);
}

/** A status in words of the screen's language (the raw status when the catalogue lacks it). */
function statusWord(kind: 'lot' | 'order', status: string): string {
  const key = `${kind}.status.${status}`;
  return known(key) ? t(key as MessageKey) : status;
}

/** The catalogue entry for a violation: a few codes read differently with the details they carry. */
function keyOf(v: Violation): string {
  const d = v.details ?? {};
  if (v.code === 'EQUIPMENT_UNAVAILABLE' && Array.isArray(d.busyWith)) return 'violation.EQUIPMENT_BUSY';
  if (v.code === 'ORDER_ON_HOLD' && d.reason) return 'violation.ORDER_ON_HOLD_REASON';
  if (v.code === 'INVALID_TRANSITION' && d.entity === 'batch-record' && d.releasedAt) return 'violation.RECORD_LOCKED';
  if (v.code === 'INVALID_TRANSITION' && d.entity === 'batch-record' && d.orderStatus) return 'violation.RECORD_NOT_DONE';
  if (v.code === 'RECORD_NOT_REVIEWED' && d.reviewedAt) return 'violation.RECORD_CHANGED_SINCE_REVIEW';
  return `violation.${v.code}`;
}

/**
 * A violation in plain words of the screen's language, from its stable code and details; the server's own message
 * when the catalogue has no entry or the details lack what the entry needs (never a half-filled sentence).
 */
export function explain(v: Violation): string {
  const key = keyOf(v);
  if (!known(key)) return v.message;
  const d = v.details ?? {};
  const params: Record<string, string> = {};
  for (const [k, value] of Object.entries(d)) {
    const s = /At$|Until$/.test(k) && typeof value === 'string' ? dateTime(value) : text(value);
    if (s !== undefined) params[k] = s;
  }
  if (v.code === 'LOT_NOT_RELEASED' && typeof d.status === 'string') params.status = statusWord('lot', d.status);
  if (key === 'violation.RECORD_NOT_DONE' && typeof d.orderStatus === 'string') params.orderStatus = statusWord('order', d.orderStatus);
  if (v.code === 'ANDON_CALL_ACTIVE' && typeof d.kind === 'string' && known(`andon.kind.${d.kind}`)) params.kind = t(`andon.kind.${d.kind}` as MessageKey);
  if (v.code === 'INVALID_FIELD') params.field = v.field ?? '';
  params.message = v.message;
  const filled = t(key as MessageKey, params);
  return /\{\w+\}/.test(filled) ? v.message : filled;
}

/** The violations without repeats (the same reason may be listed by two rules). */
export function uniqueViolations(vs: readonly Violation[]): Violation[] {
  const seen = new Set<string>();
  return vs.filter((v) => {
    const k = `${v.code}|${v.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

