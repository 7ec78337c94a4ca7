import { HISTORICAL, NULL_VALUE } from '../history/history.repository.js';
import type { MachineMetric } from './ingest.types.js';

/** A value as the history stores it: a number (booleans 1/0), or a text, or neither for null. */
export interface StoredValue {
  readonly value: number | null;
  readonly textValue: string | null;
  readonly flags: number;
}

const MAX_TEXT = 1000;

/**
 * Reads an ingested value for the history, or undefined when the metric cannot be stored (no name, a timestamp
 * that is not a non-negative safe integer, a value that is not a scalar). Integers beyond 2^53 are stored rounded
 * (the history is for charts); texts are cut at 1000 characters.
 */
export function storedValue(m: MachineMetric): StoredValue | undefined {
  if (typeof m.name !== 'string' || m.name === '' || m.name.length > 300) return undefined;
  if (!Number.isSafeInteger(m.timestamp) || m.timestamp < 0) return undefined;
  const flags = m.historical === true ? HISTORICAL : 0;
  const v = m.value;
  if (v === null) return { value: null, textValue: null, flags: flags | NULL_VALUE };
  switch (typeof v) {
    case 'number': return Number.isFinite(v) ? { value: v, textValue: null, flags } : { value: null, textValue: String(v), flags };
    case 'bigint': return { value: Number(v), textValue: null, flags };
    case 'boolean': return { value: v ? 1 : 0, textValue: null, flags };
    case 'string': return { value: null, textValue: v.slice(0, MAX_TEXT), flags };
    default: return undefined;
  }
}

/** A scalar usable as a state table key, alarm or number; undefined for null. */
export function scalarOf(v: MachineMetric['value']): number | boolean | string | undefined {
  if (v === null) return undefined;
  return typeof v === 'bigint' ? Number(v) : v;
}

/** An alarm is active while its value is true, a non-zero number or a non-empty text. */
export function alarmActive(v: number | boolean | string): boolean {
  return typeof v === 'string' ? v !== '' : typeof v === 'number' ? v !== 0 : v;
}
