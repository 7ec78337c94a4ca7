import { HISTORICAL, NULL_VALUE, type HistoryRow } from '../history/history.repository.js';
import type { MachineMetric } from './ingest.types.js';

const MAX_TEXT = 1000;

/**
 * The history row of an ingested value of a series, or undefined when the metric cannot be stored (no name, a
 * timestamp that is not a non-negative safe integer, a value that is not a scalar). Numbers and booleans (1/0) go
 * to `value`, texts to `textValue`, neither for null; integers beyond 2^53 are stored rounded (the history is for
 * charts); texts are cut at 1000 characters.
 */
export function historyRow(seriesId: number, m: MachineMetric): HistoryRow | undefined {
  if (typeof m.name !== 'string' || m.name === '' || m.name.length > 300) return undefined;
  const ts = m.timestamp;
  if (!Number.isSafeInteger(ts) || ts < 0) return undefined;
  const flags = m.historical === true ? HISTORICAL : 0;
  const v = m.value;
  if (v === null) return { seriesId, ts, value: null, textValue: null, flags: flags | NULL_VALUE };
  switch (typeof v) {
    case 'number': return Number.isFinite(v) ? { seriesId, ts, value: v, textValue: null, flags } : { seriesId, ts, value: null, textValue: String(v), flags };
    case 'bigint': return { seriesId, ts, value: Number(v), textValue: null, flags };
    case 'boolean': return { seriesId, ts, value: v ? 1 : 0, textValue: null, flags };
    case 'string': return { seriesId, ts, value: null, textValue: v.slice(0, MAX_TEXT), flags };
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
