/** The roles GET /api/v1/journal lets read the journal, and GET /api/v1/journal/export export it (admin always may). */
export const JOURNAL_READERS = ['supervisor', 'quality', 'engineer', 'operator'] as const;
export const JOURNAL_EXPORTERS = ['supervisor', 'quality', 'engineer'] as const;

/** The audit trail's filters as the form holds them: text, and plant-local dates (YYYY-MM-DD, both days included). */
export interface AuditFilters {
  readonly entity: string;
  readonly entityId: string;
  readonly actor: string;
  readonly action: string;
  readonly from: string;
  readonly to: string;
}

export const NO_FILTERS: AuditFilters = { entity: '', entityId: '', actor: '', action: '', from: '', to: '' };
const KEYS = Object.keys(NO_FILTERS) as (keyof AuditFilters)[];
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The filters a page address names (`/audit?entity=lot&actor=...`); unknown parameters are ignored. */
export function filtersFromSearch(search: string): AuditFilters {
  const p = new URLSearchParams(search);
  const out: Record<string, string> = { ...NO_FILTERS };
  for (const k of KEYS) out[k] = (p.get(k) ?? '').trim();
  return out as unknown as AuditFilters;
}

/** The filters as a page address's query (only those set), so a selection can be bookmarked and sent on. */
export function filtersToSearch(f: AuditFilters): string {
  const p = new URLSearchParams();
  for (const k of KEYS) if (f[k].trim()) p.set(k, f[k].trim());
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** How far the time zone is ahead of UTC at the instant, in ms. */
function zoneOffset(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(instant));
  const n = (type: string): number => Number(parts.find((x) => x.type === type)?.value ?? 0);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - (instant - (instant % 1000));
}

/**
 * The instant a plant-local day begins (`days` later than the one named): the plant's midnight, not the browser's,
 * so that every auditor sees the same selection. Null for text that is not a date.
 */
export function plantMidnight(day: string, zone: string, days = 0): number | null {
  const m = DAY.exec(day.trim());
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  if (Number.isNaN(utc)) return null;
  // Twice: the offset at the guessed instant may differ from the offset at midnight on a day that changes clocks.
  const first = utc - zoneOffset(utc, zone);
  return utc - zoneOffset(first, zone);
}

/**
 * The API query of the filters (entity, entityId, actor, action, from, to as ISO instants; `to` the end of its day):
 * the same for the table and for the export, so a download holds exactly the selection on screen.
 */
export function apiQuery(f: AuditFilters, zone: string): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of ['entity', 'entityId', 'actor', 'action'] as const) if (f[k].trim()) p.set(k, f[k].trim());
  const from = plantMidnight(f.from, zone);
  const to = plantMidnight(f.to, zone, 1);
  if (from !== null) p.set('from', new Date(from).toISOString());
  if (to !== null) p.set('to', new Date(to).toISOString());
  return p;
}

/** Why the filters cannot be asked for: a window that ends before it starts. */
export function filtersProblem(f: AuditFilters): 'window' | null {
  return f.from && f.to && DAY.test(f.from) && DAY.test(f.to) && f.to < f.from ? 'window' : null;
}

export interface Change {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

export interface EventData {
  /** `changes: {field: {before, after}}`, each value as text. */
  readonly changes: readonly Change[];
  /** Every other field of the event's data, as text. */
  readonly fields: readonly { readonly field: string; readonly value: string }[];
}

const isChange = (v: unknown): v is { before: unknown; after: unknown } => typeof v === 'object' && v !== null && 'before' in v && 'after' in v;

/** A value of an event's data as one line of text: none as an em dash, lists joined, objects as compact JSON. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x))) return v.length === 0 ? '[]' : v.map((x) => valueText(x)).join(', ');
  return JSON.stringify(v);
}

/** An event's data made readable: the before/after of each changed field first, then its other fields. */
export function eventData(data: Readonly<Record<string, unknown>>): EventData {
  const raw = data.changes;
  const changes: Change[] = [];
  const fields: { field: string; value: string }[] = [];
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && Object.values(raw).every(isChange)) {
    for (const [field, c] of Object.entries(raw as Record<string, { before: unknown; after: unknown }>)) changes.push({ field, before: valueText(c.before), after: valueText(c.after) });
  } else if (raw !== undefined) {
    fields.push({ field: 'changes', value: valueText(raw) });
  }
  for (const [field, value] of Object.entries(data)) if (field !== 'changes') fields.push({ field, value: valueText(value) });
  return { changes, fields };
}

const PAGES = new Map<string, 'order' | 'record' | 'lot'>([['work-order', 'order'], ['batch-record', 'record'], ['lot', 'lot']]);

/** The app page of an event's entity where the app has one: orders, their batch records and lots. */
export function entityPage(entity: string): 'order' | 'record' | 'lot' | null {
  return PAGES.get(entity) ?? null;
}

/** Where each page of the table starts: `after` of the first page is 0, each next page starts after the last seq shown. */
export interface Pages {
  readonly starts: readonly number[];
}

export const firstPage: Pages = { starts: [0] };
export const pageAfter = (p: Pages): number => p.starts[p.starts.length - 1] ?? 0;
export const nextPage = (p: Pages, lastSeq: number): Pages => ({ starts: [...p.starts, lastSeq] });
export const previousPage = (p: Pages): Pages => (p.starts.length > 1 ? { starts: p.starts.slice(0, -1) } : p);
