import type { Violation } from '../api/types.js';

/** What a metric means to Takt (the API's METRIC_ROLES). */
export const ROLES = ['state', 'count_total', 'count_reject', 'process_value', 'alarm'] as const;
export type Role = (typeof ROLES)[number];
export const PROTOCOLS = ['sparkplug', 'opcua'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export interface StateTarget {
  readonly state: string;
  readonly reason?: string | null;
}

/** A machine mapping as GET /machines/mappings answers it. */
export interface Mapping {
  readonly id: string;
  readonly protocol: Protocol;
  readonly node: string;
  readonly device: string | null;
  readonly equipmentId: string;
  readonly metrics: readonly { readonly metric: string; readonly role: Role; readonly states?: Readonly<Record<string, StateTarget>>; readonly characteristic?: string }[];
}

/** A metric a machine sent that no mapping gives a role (GET /machines/unmapped-metrics). */
export interface SeenMetric {
  readonly protocol: Protocol;
  readonly node: string;
  readonly device: string | null;
  readonly metric: string;
  /** The equipment of the source when the source is mapped (only this metric is not). */
  readonly equipmentId: string | null;
  readonly lastValue: number | string | boolean | null;
  readonly lastAt: string | null;
  readonly stale: boolean;
}

export interface MetricRow {
  readonly metric: string;
  readonly role: Role;
  /** For a process value: the quality characteristic code. */
  readonly characteristic: string;
  /** For a state: one `value = state` or `value = state: reason` per line; empty for PackML numbers or state names. */
  readonly states: string;
}

/** The mapping form's input, all text: what the engineer typed. */
export interface MappingForm {
  readonly id: string;
  readonly equipmentId: string;
  readonly protocol: Protocol;
  readonly node: string;
  readonly device: string;
  readonly metrics: readonly MetricRow[];
}

export const emptyForm = (): MappingForm => ({ id: '', equipmentId: '', protocol: 'sparkplug', node: '', device: '', metrics: [] });
export const emptyRow = (): MetricRow => ({ metric: '', role: 'count_total', characteristic: '', states: '' });

/** A state table as lines of text, one `value = state` (`: reason` when it has one) per entry. */
export function statesToText(states: Readonly<Record<string, StateTarget>> | undefined): string {
  return Object.entries(states ?? {}).map(([k, v]) => `${k} = ${v.state}${v.reason ? `: ${v.reason}` : ''}`).join('\n');
}

/** Lines of `value = state[: reason]` as a state table; a line without `=` keeps its text as the value, for the server to judge. */
export function textToStates(text: string): Record<string, StateTarget> | undefined {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return undefined;
  const out: Record<string, StateTarget> = {};
  for (const line of lines) {
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).trim();
    const rest = eq < 0 ? '' : line.slice(eq + 1).trim();
    const colon = rest.indexOf(':');
    const state = (colon < 0 ? rest : rest.slice(0, colon)).trim();
    const reason = colon < 0 ? '' : rest.slice(colon + 1).trim();
    out[key] = reason ? { state, reason } : { state };
  }
  return out;
}

/** The form of an existing mapping, for editing. */
export function mappingToForm(m: Mapping): MappingForm {
  return {
    id: m.id, equipmentId: m.equipmentId, protocol: m.protocol, node: m.node, device: m.device ?? '',
    metrics: m.metrics.map((x) => ({ metric: x.metric, role: x.role, characteristic: x.characteristic ?? '', states: statesToText(x.states) })),
  };
}

/**
 * The PUT /machines/mappings/{id} body of a form: texts trimmed, no device as null, a characteristic only on a
 * process value and a state table only on a state (what the other roles would not have is not sent). Nothing is
 * judged here: the server names every bad field.
 */
export function formToBody(f: MappingForm): Record<string, unknown> {
  return {
    equipmentId: f.equipmentId.trim(), protocol: f.protocol, node: f.node.trim(), device: f.device.trim() === '' ? null : f.device.trim(),
    metrics: f.metrics.map((r) => {
      const states = r.role === 'state' ? textToStates(r.states) : undefined;
      const characteristic = r.role === 'process_value' && r.characteristic.trim() !== '' ? r.characteristic.trim() : undefined;
      return { metric: r.metric.trim(), role: r.role, ...(states ? { states } : {}), ...(characteristic ? { characteristic } : {}) };
    }),
  };
}

const sameSource = (m: Mapping, s: SeenMetric): boolean => m.protocol === s.protocol && m.node === s.node && (m.device ?? '') === (s.device ?? '');

/** A role to start from for a seen metric, by its last value: whole numbers count, other numbers are process values. */
export function guessRole(value: SeenMetric['lastValue']): Role {
  if (typeof value === 'number') return Number.isInteger(value) ? 'count_total' : 'process_value';
  return typeof value === 'string' ? 'state' : 'alarm';
}

/** An id for a new mapping of a source: its node and device with what an id may not hold replaced. */
export function suggestedId(s: Pick<SeenMetric, 'node' | 'device'>): string {
  const raw = [s.node, s.device].filter(Boolean).join('.').replace(/[^A-Za-z0-9._:-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return raw.slice(0, 100) || 'mapping';
}

/**
 * The form "map this" opens for a seen metric: the mapping of its source with the metric added when the source is
 * mapped already (a source has one mapping), else a new mapping of the source with the metric alone.
 */
export function formForSeen(s: SeenMetric, mappings: readonly Mapping[]): { readonly form: MappingForm; readonly isNew: boolean } {
  const row: MetricRow = { ...emptyRow(), metric: s.metric, role: guessRole(s.lastValue) };
  const existing = mappings.find((m) => sameSource(m, s));
  if (existing) {
    const f = mappingToForm(existing);
    return { form: { ...f, metrics: [...f.metrics, row] }, isNew: false };
  }
  return { form: { id: suggestedId(s), equipmentId: s.equipmentId ?? '', protocol: s.protocol, node: s.node, device: s.device ?? '', metrics: [row] }, isNew: true };
}

/**
 * The form field a violation's field path is about: `node`, `metrics[2].role`; one inside a state table
 * (`metrics[0].states.6.state`) is about the row's states, one about a whole row about its metric. Null when the
 * path names no field of the form.
 */
export function formField(path: string | undefined): { readonly name: string; readonly row: number | null } | null {
  if (!path) return null;
  const row = /^metrics\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (row) return { name: row[2] === 'role' || row[2] === 'characteristic' || row[2] === 'states' ? row[2] : 'metric', row: Number(row[1]) };
  return ['id', 'equipmentId', 'protocol', 'node', 'device', 'metrics'].includes(path) ? { name: path, row: null } : null;
}

/** The refusal's violations by the form field they are about (`node`, `metrics[2].role`); the others only in the list. */
export function fieldErrors(violations: readonly Violation[]): ReadonlyMap<string, readonly Violation[]> {
  const out = new Map<string, Violation[]>();
  for (const v of violations) {
    const f = formField(v.field);
    if (!f) continue;
    const key = f.row === null ? f.name : `metrics[${f.row}].${f.name}`;
    out.set(key, [...(out.get(key) ?? []), v]);
  }
  return out;
}

/** The mappings of each equipment, equipment in the order given, then any equipment the list does not know. */
export function byEquipment(mappings: readonly Mapping[], equipmentIds: readonly string[]): { readonly equipmentId: string; readonly mappings: readonly Mapping[] }[] {
  const ids = [...equipmentIds, ...mappings.map((m) => m.equipmentId).filter((id) => !equipmentIds.includes(id))];
  return [...new Set(ids)].map((equipmentId) => ({ equipmentId, mappings: mappings.filter((m) => m.equipmentId === equipmentId) })).filter((g) => g.mappings.length > 0);
}
