import { listMappings, mappingsStamp, type Db } from '../mapping/mapping.repository.js';
import { stateOf, type MetricMapping } from '../mapping/machine-mapping.js';
import { RULE_WINDOW } from '../../quality/index.js';
import { createSeries, lastNumericValue, latestLiveValues, seriesOfSource, STALE, type HistoryRow, type SeriesKey } from '../history/history.repository.js';
import { counterDelta, counterReading } from './counter-delta.js';
import { indexMappings, sourceKey, type IndexedMapping, type IngestMemory } from './ingest-memory.js';
import type { IngestDropReason, MachineMetric, MachineSource } from './ingest.types.js';
import { alarmActive, historyRow, scalarOf } from './metric-value.js';

export type IngestEntry =
  | { readonly kind: 'metrics'; readonly source: MachineSource; readonly metrics: readonly MachineMetric[] }
  | { readonly kind: 'offline'; readonly source: MachineSource; readonly at: number; readonly withDevices: boolean };

export interface StateChange { readonly equipmentId: string; readonly state: string; readonly reason: string | null; readonly at: number }
export interface SpcPoint { readonly characteristic: string; readonly equipmentId: string; readonly metric: string; readonly value: number; readonly at: number }

/** What one batch writes, worked out before any write. */
export interface BatchPlan {
  readonly rows: HistoryRow[];
  readonly states: StateChange[];
  readonly counts: Map<string, { total: number; reject: number; at: number }>;
  readonly spc: SpcPoint[];
  /** Per characteristic the SPC memory does not hold yet (first values since start): its latest values in the history. */
  readonly spcSeed: Map<string, number[]>;
  readonly drops: Partial<Record<IngestDropReason, number>>;
  counterResets: number;
  offlineEvents: number;
}

const deviceOf = (s: MachineSource): string => s.device ?? '';

/** Loads the series ids of every source the entries name, creating the series seen for the first time. */
async function ensureSeries(db: Db, memory: IngestMemory, mappings: Map<string, IndexedMapping>, entries: readonly IngestEntry[], now: number): Promise<void> {
  const missing = new Map<string, { source: MachineSource; metrics: Set<string> }>();
  for (const e of entries) {
    if (e.kind !== 'metrics') continue;
    const sk = sourceKey(e.source.protocol, e.source.node, deviceOf(e.source));
    const known = memory.series.get(sk);
    for (const m of e.metrics) {
      if (typeof m.name !== 'string' || known?.has(m.name)) continue;
      const entry = missing.get(sk) ?? { source: e.source, metrics: new Set<string>() };
      entry.metrics.add(m.name);
      missing.set(sk, entry);
    }
  }
  for (const [sk, { source, metrics }] of missing) {
    const key = { protocol: source.protocol, node: source.node, device: deviceOf(source) };
    let known = await seriesOfSource(db, key);
    const toCreate: SeriesKey[] = [...metrics].filter((m) => !known.has(m) && m !== '' && m.length <= 300).map((metric) => ({ ...key, metric }));
    if (toCreate.length > 0) {
      await createSeries(db, toCreate, mappings.get(sk)?.mapping.equipmentId ?? null, now);
      known = await seriesOfSource(db, key);
    }
    memory.series.set(sk, known);
  }
}

function drop(plan: BatchPlan, reason: IngestDropReason): void {
  plan.drops[reason] = (plan.drops[reason] ?? 0) + 1;
}

/** The reason a `down` gets from an active alarm of the equipment, when the state table gave none of the machine's own. */
function alarmReason(memory: IngestMemory, equipmentId: string, reason: string | null): string | null {
  if (reason !== null && !reason.startsWith('packml.')) return reason;
  for (const [metric, value] of memory.alarms.get(equipmentId) ?? []) return typeof value === 'string' ? value : metric;
  return reason;
}

async function applyRole(db: Db, memory: IngestMemory, plan: BatchPlan, equipmentId: string, role: MetricMapping, m: MachineMetric, seriesId: number): Promise<void> {
  const value = scalarOf(m.value);
  if (value === undefined) return;
  switch (role.role) {
    case 'state': {
      const target = stateOf(role, value);
      if (!target) return drop(plan, 'state-value-unmapped');
      let reason = target.reason ?? null;
      if (target.state === 'down') reason = alarmReason(memory, equipmentId, reason);
      if (reason === null && (target.state === 'down' || target.state === 'planned_stop')) reason = `${role.metric}=${String(value)}`;
      const key = `${target.state}\u0000${reason ?? ''}`;
      if (memory.machineState.get(equipmentId) === key) return;
      memory.machineState.set(equipmentId, key);
      plan.states.push({ equipmentId, state: target.state, reason, at: m.timestamp });
      return;
    }
    case 'count_total':
    case 'count_reject': {
      const reading = counterReading(m.value);
      if (reading === undefined) return drop(plan, 'invalid-counter');
      const previous = memory.counters.has(seriesId) ? memory.counters.get(seriesId) : await lastNumericValue(db, seriesId);
      memory.counters.set(seriesId, reading);
      const { delta, reset } = counterDelta(previous, reading);
      if (reset) plan.counterResets += 1;
      if (delta === 0) return;
      const c = plan.counts.get(equipmentId) ?? { total: 0, reject: 0, at: m.timestamp };
      if (role.role === 'count_total') c.total += delta;
      else c.reject += delta;
      c.at = Math.max(c.at, m.timestamp);
      plan.counts.set(equipmentId, c);
      return;
    }
    case 'process_value':
      if (typeof value !== 'number' || !Number.isFinite(value)) return drop(plan, 'invalid-process-value');
      if (role.characteristic) plan.spc.push({ characteristic: role.characteristic, equipmentId, metric: role.metric, value, at: m.timestamp });
      return;
    case 'alarm': {
      const active = memory.alarms.get(equipmentId) ?? new Map<string, number | boolean | string>();
      if (alarmActive(value)) active.set(role.metric, value);
      else active.delete(role.metric);
      memory.alarms.set(equipmentId, active);
      return;
    }
  }
}

/** The series of a dead source (and of its devices) as stale rows at `at`, its equipment offline. */
async function planOffline(db: Db, memory: IngestMemory, plan: BatchPlan, mappings: Map<string, IndexedMapping>, e: Extract<IngestEntry, { kind: 'offline' }>): Promise<void> {
  plan.offlineEvents += 1;
  let q = db.selectFrom('machine_series').select(['id', 'device']).where('protocol', '=', e.source.protocol).where('node', '=', e.source.node);
  if (!e.withDevices) q = q.where('device', '=', deviceOf(e.source));
  for (const r of await q.execute()) plan.rows.push({ seriesId: Number(r.id), ts: e.at, value: null, textValue: null, flags: STALE });
  for (const { mapping } of mappings.values()) {
    if (mapping.protocol !== e.source.protocol || mapping.node !== e.source.node) continue;
    if (!e.withDevices && mapping.device !== deviceOf(e.source)) continue;
    memory.alarms.delete(mapping.equipmentId);
    const key = 'offline\u0000';
    if (memory.machineState.get(mapping.equipmentId) === key) continue;
    memory.machineState.set(mapping.equipmentId, key);
    plan.states.push({ equipmentId: mapping.equipmentId, state: 'offline', reason: null, at: e.at });
  }
}

/**
 * Works out what a batch writes: one history row per value (mapped or not), the equipment state changes (only when
 * the machine's mapped state changes), counter deltas summed per equipment, process values for SPC. Reads the store
 * (mappings, series, a counter's last reading) only where the memory has nothing yet.
 */
export async function planBatch(db: Db, memory: IngestMemory, entries: readonly IngestEntry[], now: number): Promise<BatchPlan> {
  // One small read a batch: a mapping changed on another node (no event reaches this one) is taken up here too.
  const stamp = await mappingsStamp(db);
  if (memory.mappings === null || memory.mappingsStamp !== stamp) {
    memory.mappings = indexMappings(await listMappings(db));
    memory.mappingsStamp = stamp;
  }
  const mappings = memory.mappings;
  await ensureSeries(db, memory, mappings, entries, now);
  const plan: BatchPlan = { rows: [], states: [], counts: new Map(), spc: [], spcSeed: new Map(), drops: {}, counterResets: 0, offlineEvents: 0 };
  for (const e of entries) {
    if (e.kind === 'offline') {
      await planOffline(db, memory, plan, mappings, e);
      continue;
    }
    const sk = sourceKey(e.source.protocol, e.source.node, deviceOf(e.source));
    const mapped = mappings.get(sk);
    const series = memory.series.get(sk);
    for (const m of e.metrics) {
      const seriesId = series?.get(m.name);
      const row = seriesId === undefined ? undefined : historyRow(seriesId, m);
      if (row === undefined || seriesId === undefined) {
        drop(plan, 'invalid-metric');
        continue;
      }
      plan.rows.push(row);
      const role = mapped?.byMetric.get(m.name);
      if (mapped && role && m.historical !== true) await applyRole(db, memory, plan, mapped.mapping.equipmentId, role, m, seriesId);
    }
  }
  await seedSpc(db, memory, mappings, plan);
  return plan;
}

/**
 * The latest live values, from the history, of each characteristic the SPC memory has no window of yet (after a
 * start): read before this batch's rows are written, from every known series mapped to it.
 */
async function seedSpc(db: Db, memory: IngestMemory, mappings: Map<string, IndexedMapping>, plan: BatchPlan): Promise<void> {
  for (const characteristic of new Set(plan.spc.map((p) => p.characteristic))) {
    if (memory.spc.has(characteristic)) continue;
    const series: number[] = [];
    for (const [sk, { byMetric }] of mappings) {
      for (const role of byMetric.values()) {
        const id = role.role === 'process_value' && role.characteristic === characteristic ? memory.series.get(sk)?.get(role.metric) : undefined;
        if (id !== undefined) series.push(id);
      }
    }
    plan.spcSeed.set(characteristic, await latestLiveValues(db, series, RULE_WINDOW));
  }
}
