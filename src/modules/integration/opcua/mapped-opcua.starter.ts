import type { EventBus } from '../../../platform/events/event-bus.js';
import { watchStamp } from './stamp-watch.js';
import { startOpcUaClient, type OpcUaClient, type OpcUaIngest, type OpcUaWatchList } from './opcua-client.adapter.js';

/** A machine mapping as far as OPC UA reads it: a source (for OPC UA, `node` is the server's endpoint URL) and its metrics. */
export interface OpcUaMappingLike {
  readonly protocol: string;
  readonly node: string;
  readonly metrics: readonly { readonly metric: string; readonly role?: string }[];
}

/**
 * The servers and NodeIds the OPC UA mappings name: one entry per endpoint, each NodeId once, alarms first. A server
 * reports the changes of one publish in the order its items were created, so a stop's reason reaches the ingest
 * before the state it explains.
 */
export function opcUaWatchListOf(mappings: readonly OpcUaMappingLike[]): OpcUaWatchList[] {
  const byEndpoint = new Map<string, Set<string>>();
  for (const m of mappings) {
    if (m.protocol !== 'opcua') continue;
    const ids = byEndpoint.get(m.node) ?? new Set<string>();
    const ordered = [...m.metrics].sort((a, b) => Number(b.role === 'alarm') - Number(a.role === 'alarm'));
    for (const metric of ordered) ids.add(metric.metric);
    byEndpoint.set(m.node, ids);
  }
  return [...byEndpoint].map(([endpointUrl, ids]) => ({ endpointUrl, nodeIds: [...ids] }));
}

export interface MappedOpcUaOptions {
  readonly pkiDir: string;
  readonly ingest: OpcUaIngest;
  readonly bus: EventBus;
  readonly mappings: () => Promise<readonly OpcUaMappingLike[]>;
  /** A stamp of the mappings read every `stampIntervalMs` (default 10 s): changes made through another node. */
  readonly mappingsStamp?: () => Promise<string>;
  readonly stampIntervalMs?: number;
  readonly onError?: (error: Error) => void;
}

/**
 * Starts the OPC UA client on the mapped servers and follows every change of the machine mappings: at once for a
 * change made through this node (its event), within the stamp interval for one made through another node.
 */
export function startMappedOpcUa(options: MappedOpcUaOptions): OpcUaClient {
  const client = startOpcUaClient({
    pkiDir: options.pkiDir, ingest: options.ingest, watchList: async () => opcUaWatchListOf(await options.mappings()),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  const unsubscribe = options.bus.subscribe((e) => {
    if (e.action.startsWith('machine-mapping.')) void client.refresh();
  });
  const unwatch = options.mappingsStamp
    ? watchStamp({ stamp: options.mappingsStamp, intervalMs: options.stampIntervalMs ?? 10_000, onChange: () => void client.refresh() })
    : () => undefined;
  void client.refresh();
  return {
    ...client,
    async stop() {
      unsubscribe();
      unwatch();
      await client.stop();
    },
  };
}
