import type { MachineMapping, MetricMapping } from '../mapping/machine-mapping.js';
import type { IngestDropReason } from './ingest.types.js';

/** A mapping with its metrics by name, for lookups per value. */
export interface IndexedMapping {
  readonly mapping: MachineMapping;
  readonly byMetric: ReadonlyMap<string, MetricMapping>;
}

/**
 * What the ingest remembers between batches. Every part is a cache of the store (or of nothing durable) and may be
 * cleared at any time: it is reloaded lazily, so a failed batch simply clears it.
 */
export interface IngestMemory {
  /** null: (re)load every mapping before the next batch. */
  mappings: Map<string, IndexedMapping> | null;
  /** The store's mappings stamp when they were loaded: a batch that finds another reloads them (a change on another node). */
  mappingsStamp: string | null;
  /** Source key (`protocol\0node\0device`) → metric → series id: two lookups a value, no key built per value. */
  readonly series: Map<string, Map<string, number>>;
  /** Last state the machine reported per equipment (`state\0reason`): a state event only on change. */
  readonly machineState: Map<string, string>;
  /** Last counter reading per series. */
  readonly counters: Map<number, number>;
  /** Reject units counted beyond the total in the same batch, owed to the next count of the equipment. */
  readonly owedReject: Map<string, number>;
  /** Latest points per characteristic (at most the SPC rule window) and the rules it breaks now. */
  readonly spc: Map<string, { points: number[]; firing: Set<string> }>;
  /** Active alarms per equipment: metric → value. */
  readonly alarms: Map<string, Map<string, number | boolean | string>>;
  readonly drops: Record<IngestDropReason, number>;
}

export const DROP_REASONS: readonly IngestDropReason[] = [
  'queue-full', 'invalid-metric', 'state-value-unmapped', 'invalid-counter', 'invalid-process-value', 'state-refused', 'count-refused', 'batch-failed',
];

export function createIngestMemory(): IngestMemory {
  return {
    mappings: null, mappingsStamp: null, series: new Map(), machineState: new Map(), counters: new Map(), owedReject: new Map(), spc: new Map(), alarms: new Map(),
    drops: Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<IngestDropReason, number>,
  };
}

/** Forgets every cache (not the counters of drops): after a failed batch, the store is the truth again. */
export function resetCaches(memory: IngestMemory): void {
  memory.mappings = null;
  memory.series.clear();
  memory.machineState.clear();
  memory.counters.clear();
  memory.owedReject.clear();
}

export const sourceKey = (protocol: string, node: string, device: string): string => `${protocol}\u0000${node}\u0000${device}`;

export function indexMappings(mappings: readonly MachineMapping[]): Map<string, IndexedMapping> {
  return new Map(mappings.map((m) => [sourceKey(m.protocol, m.node, m.device), { mapping: m, byMetric: new Map(m.metrics.map((x) => [x.metric, x])) }]));
}
