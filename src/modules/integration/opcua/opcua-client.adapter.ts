import { mkdirSync } from 'node:fs';
import type { OpcUaLink } from './opcua-endpoint.link.js';
import type { OpcUaScalar } from './opcua-value.js';

/** The machines module's ingest, as far as OPC UA needs it. */
export interface OpcUaIngest {
  ingest(source: { protocol: 'opcua'; node: string }, metrics: readonly { name: string; value: OpcUaScalar; timestamp: number }[]): boolean;
  sourceOffline(source: { protocol: 'opcua'; node: string }, at: number): void;
}

/** What to watch on one server: its endpoint URL (the mapping's `node`) and the NodeIds its mappings name as metrics. */
export interface OpcUaWatchList {
  readonly endpointUrl: string;
  readonly nodeIds: readonly string[];
}

export interface OpcUaClientOptions {
  /** The folder of the client's certificates (Takt puts them under `<data>/pki`). */
  readonly pkiDir: string;
  readonly ingest: OpcUaIngest;
  /** The servers and nodes to watch now: read again on every refresh. */
  readonly watchList: () => Promise<readonly OpcUaWatchList[]>;
  readonly publishingIntervalMs?: number;
  readonly onError?: (error: Error) => void;
  readonly now?: () => number;
}

export interface OpcUaClient {
  /** Reads the watch list again: new servers are connected, gone ones closed, nodes added and dropped. */
  refresh(): Promise<void>;
  status(): readonly { readonly endpointUrl: string; readonly connected: boolean; readonly nodes: number }[];
  stop(): Promise<void>;
}

/**
 * The OPC UA client of Takt: one session and subscription per mapped server, a monitored item per mapped node; every
 * data change goes to the machine ingest as a value of the metric named by its NodeId, from the source
 * `{protocol: 'opcua', node: <endpoint URL>}`; a lost connection marks the source offline. node-opcua is loaded
 * only once a server is to be watched, so a Takt without OPC UA mappings never pays for it.
 */
export function startOpcUaClient(options: OpcUaClientOptions): OpcUaClient {
  const now = options.now ?? Date.now;
  const report = options.onError ?? ((error: Error) => process.emitWarning(error));
  const links = new Map<string, OpcUaLink>();
  let certificates: Promise<import('node-opcua').OPCUACertificateManager> | null = null;
  let stopped = false;
  let refreshing: Promise<void> = Promise.resolve();

  const open = async (endpointUrl: string): Promise<OpcUaLink> => {
    const { openOpcUaLink, opcUaCertificates } = await import('./opcua-endpoint.link.js');
    if (certificates === null) {
      mkdirSync(options.pkiDir, { recursive: true });
      certificates = opcUaCertificates(options.pkiDir);
    }
    const source = { protocol: 'opcua' as const, node: endpointUrl };
    // The changes of one publish arrive in one turn: handed over together, in time order (stable within a time).
    let pending: { name: string; value: OpcUaScalar; timestamp: number }[] = [];
    const flush = (): void => {
      const batch = pending.sort((a, b) => a.timestamp - b.timestamp);
      pending = [];
      options.ingest.ingest(source, batch);
    };
    return openOpcUaLink({
      endpointUrl, certificates: await certificates, publishingIntervalMs: options.publishingIntervalMs ?? 250, now,
      sink: {
        value: (nodeId, value, timestamp) => {
          if (pending.length === 0) queueMicrotask(flush);
          pending.push({ name: nodeId, value, timestamp });
        },
        lost: (at) => options.ingest.sourceOffline(source, at),
        error: report,
      },
    });
  };
  const sync = async (): Promise<void> => {
    const wanted = new Map((await options.watchList()).map((w) => [w.endpointUrl, w.nodeIds]));
    for (const [endpointUrl, link] of links) {
      if (wanted.has(endpointUrl)) continue;
      links.delete(endpointUrl);
      await link.close().catch((e: unknown) => report(e instanceof Error ? e : new Error(String(e))));
    }
    for (const [endpointUrl, nodeIds] of wanted) {
      if (stopped) return;
      let link = links.get(endpointUrl);
      if (!link) {
        link = await open(endpointUrl);
        links.set(endpointUrl, link);
      }
      // Not awaited: a server that does not answer yet must not hold up the others (its link keeps trying).
      link.watch(nodeIds).catch((e: unknown) => report(e instanceof Error ? e : new Error(String(e))));
    }
  };

  return {
    refresh() {
      refreshing = refreshing.then(sync).catch((e: unknown) => report(e instanceof Error ? e : new Error(String(e))));
      return refreshing;
    },
    status: () => [...links].map(([endpointUrl, link]) => ({ endpointUrl, connected: link.connected(), nodes: link.watched().length })),
    async stop() {
      stopped = true;
      await refreshing;
      await Promise.all([...links.values()].map((l) => l.close().catch(() => undefined)));
      links.clear();
    },
  };
}
