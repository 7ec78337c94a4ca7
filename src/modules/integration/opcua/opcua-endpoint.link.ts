import {
  AttributeIds, ClientMonitoredItem, MessageSecurityMode, OPCUACertificateManager, OPCUAClient, SecurityPolicy, TimestampsToReturn,
  type ClientSession, type ClientSubscription, type DataValue,
} from 'node-opcua';
import { opcUaValue, type OpcUaScalar } from './opcua-value.js';

/** Where an OPC UA link delivers: one value of one node (its NodeId text) at its time, or the server lost. */
export interface OpcUaLinkSink {
  value(nodeId: string, value: OpcUaScalar, timestamp: number): void;
  lost(at: number): void;
  error(error: Error): void;
}

export interface OpcUaLinkOptions {
  readonly endpointUrl: string;
  readonly certificates: OPCUACertificateManager;
  readonly sink: OpcUaLinkSink;
  readonly publishingIntervalMs: number;
  readonly now: () => number;
}

/** A session with one OPC UA server and one subscription over the nodes it is told to watch. */
export interface OpcUaLink {
  /** Watches exactly these nodes from now on (each starts by reporting its current value). */
  watch(nodeIds: readonly string[]): Promise<void>;
  watched(): readonly string[];
  connected(): boolean;
  close(): Promise<void>;
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/** Creates the certificate store of the client under `pkiDir` (its own key and certificate are made on first use). */
export async function opcUaCertificates(pkiDir: string): Promise<OPCUACertificateManager> {
  const certificates = new OPCUACertificateManager({ rootFolder: pkiDir, automaticallyAcceptUnknownCertificate: true });
  await certificates.initialize();
  return certificates;
}

/**
 * Connects to an OPC UA server (retrying until it answers), opens a session and a subscription. Values arrive as
 * data changes with their source timestamps; after a lost connection is re-established the current value of every
 * watched node is read again, so a consumer that marked the server offline hears its state anew.
 */
export async function openOpcUaLink(options: OpcUaLinkOptions): Promise<OpcUaLink> {
  const { sink } = options;
  const client = OPCUAClient.create({
    applicationName: 'Takt',
    endpointMustExist: false,
    securityMode: MessageSecurityMode.None,
    securityPolicy: SecurityPolicy.None,
    clientCertificateManager: options.certificates,
    keepSessionAlive: true,
    connectionStrategy: { maxRetry: 1_000_000, initialDelay: 500, maxDelay: 10_000 },
  });
  const items = new Map<string, ClientMonitoredItem>();
  let session: ClientSession | null = null;
  let subscription: ClientSubscription | null = null;
  let isConnected = false;
  let closing = false;

  const deliver = (nodeId: string, dv: DataValue): void => {
    const value = opcUaValue({ dataType: dv.value.dataType, arrayType: dv.value.arrayType, value: dv.value.value, status: dv.statusCode.value });
    if (value === undefined) return;
    sink.value(nodeId, value, (dv.sourceTimestamp ?? dv.serverTimestamp)?.getTime() ?? options.now());
  };
  const readAll = async (): Promise<void> => {
    if (!session || items.size === 0) return;
    const ids = [...items.keys()];
    const values = await session.read(ids.map((nodeId) => ({ nodeId, attributeId: AttributeIds.Value })));
    values.forEach((dv, i) => deliver(ids[i] as string, dv));
  };
  client.on('connection_lost', () => {
    isConnected = false;
    if (!closing) sink.lost(options.now());
  });
  client.on('connection_reestablished', () => {
    isConnected = true;
    readAll().catch((e: unknown) => sink.error(asError(e)));
  });

  const ready = (async () => {
    await client.connect(options.endpointUrl);
    session = await client.createSession();
    subscription = await session.createSubscription2({
      requestedPublishingInterval: options.publishingIntervalMs, requestedLifetimeCount: 600, requestedMaxKeepAliveCount: 20,
      maxNotificationsPerPublish: 10_000, publishingEnabled: true, priority: 1,
    });
    isConnected = true;
  })();
  ready.catch((e: unknown) => { if (!closing) sink.error(asError(e)); });

  return {
    async watch(nodeIds) {
      await ready;
      const sub = subscription as ClientSubscription;
      const wanted = new Set(nodeIds);
      for (const [nodeId, item] of items) {
        if (wanted.has(nodeId)) continue;
        items.delete(nodeId);
        await item.terminate().catch((e: unknown) => sink.error(asError(e)));
      }
      for (const nodeId of wanted) {
        if (items.has(nodeId)) continue;
        const item = ClientMonitoredItem.create(
          sub, { nodeId, attributeId: AttributeIds.Value },
          { samplingInterval: 0, queueSize: 1000, discardOldest: false }, TimestampsToReturn.Both,
        );
        item.on('changed', (dv: DataValue) => deliver(nodeId, dv));
        item.on('err', (message: string) => sink.error(new Error(`OPC UA node ${nodeId} at ${options.endpointUrl}: ${message}`)));
        items.set(nodeId, item);
      }
    },
    watched: () => [...items.keys()],
    connected: () => isConnected,
    async close() {
      closing = true;
      // Not waiting for `ready`: a server that never answered would hold the close forever; disconnect stops the retries.
      if (isConnected) {
        await subscription?.terminate().catch(() => undefined);
        await session?.close().catch(() => undefined);
      }
      await client.disconnect();
    },
  };
}
