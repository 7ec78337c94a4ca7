import type { MachineIngest, MachineMetric, MachineSource, MachineValue } from '../../machines/index.js';
import type { HostSessionEffect, MetricSource } from './host-session.types.js';
import type { MetricValue } from './sparkplug-metric-value.mapper.js';

/** The machine source of a Sparkplug node or device: node `<group_id>/<edge_node_id>` (ids cannot contain '/'). */
export function machineSourceOf(s: MetricSource): MachineSource {
  return { protocol: 'sparkplug', node: `${s.groupId}/${s.edgeNodeId}`, ...(s.deviceId !== undefined ? { device: s.deviceId } : {}) };
}

/** A scalar for the ingest, or undefined for values the history does not hold (bytes, packed arrays, data sets, templates). */
function scalar(value: MetricValue | null): MachineValue | undefined {
  if (value === null || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || typeof value === 'string') return value;
  return undefined;
}

export interface BridgeCounters {
  /** Metrics of a type machine data does not take (Bytes, File, arrays, DataSet, Template): dropped, counted. */
  unsupportedType: number;
  metricsForwarded: number;
}

/**
 * Hands the effects of one Sparkplug message to the machine data ingest: the values to store (`metric-record`,
 * which carries the historical flag; transient values are not recorded, as the specification asks) grouped per
 * source in order, and deaths: an NDEATH takes the node and each of its online devices offline, a DDEATH the device. A lost host
 * connection only makes values stale in the session (the machines may well be running); they rebirth.
 */
export function forwardEffects(effects: readonly HostSessionEffect[], ingest: MachineIngest, counters: BridgeCounters): void {
  let source: MetricSource | undefined;
  let batch: MachineMetric[] = [];
  const flush = () => {
    if (source && batch.length > 0) ingest.ingest(machineSourceOf(source), batch);
    source = undefined;
    batch = [];
  };
  for (const e of effects) {
    if (e.kind === 'metric-record') {
      const value = scalar(e.value);
      if (value === undefined) {
        counters.unsupportedType += 1;
        continue;
      }
      if (source && (source.groupId !== e.source.groupId || source.edgeNodeId !== e.source.edgeNodeId || source.deviceId !== e.source.deviceId)) flush();
      source = e.source;
      batch.push(e.historical ? { name: e.name, value, timestamp: e.timestamp, historical: true } : { name: e.name, value, timestamp: e.timestamp });
      counters.metricsForwarded += 1;
      continue;
    }
    flush();
    // An NDEATH comes with a device-state effect for each device that was online: each goes offline on its own.
    if (e.kind === 'node-state' && e.state === 'offline') ingest.sourceOffline(machineSourceOf(e.node), e.at);
    if (e.kind === 'device-state' && e.state === 'offline') ingest.sourceOffline(machineSourceOf(e.device), e.at);
  }
  flush();
}
