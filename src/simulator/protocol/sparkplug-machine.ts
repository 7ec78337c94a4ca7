import {
  connectEdgeNode, createEdgeNodeSimulator, type EdgeNodeConnection, type EdgeNodeSimulator,
} from '../../modules/integration/sparkplug/index.js';
import type { VirtualMachine } from '../model/virtual-machine.js';
import { coalesceCounts, machineMetrics, machinePoints } from './machine-tags.js';
import type { SparkplugAddress } from './sparkplug-address.js';

export { sparkplugAddressOf, type SparkplugAddress } from './sparkplug-address.js';

/** A virtual machine on the wire as a Sparkplug B 3.0 edge node: births, DDATA, its death as Will, rebirth on request. */
export interface SparkplugMachine {
  readonly address: SparkplugAddress;
  /** Publishes what the machine did up to `simulatedNow` (nothing when it did nothing). */
  publish(events: ReturnType<VirtualMachine['advanceTo']>): Promise<void>;
  /** DDATA messages published so far, and rebirth requests answered. */
  stats(): { readonly messages: number; readonly rebirths: number };
  /** NDEATH, then disconnect. */
  stop(): Promise<void>;
}

export interface SparkplugMachineOptions {
  readonly url: string;
  readonly address: SparkplugAddress;
  readonly machine: VirtualMachine;
  /** Turns a simulated time into the wall-clock time the message is stamped with. */
  readonly stamp: (simulated: number) => number;
  /** Connection losses; the machine reconnects with a new session (bdSeq + 1) and births again. */
  readonly onError?: (error: Error) => void;
  readonly reconnectDelayMs?: number;
}

/**
 * Connects a virtual machine as an edge node (the edge node simulator of the integration module carries the
 * protocol: aliases, seq 0..255, bdSeq, the NDEATH Will and rebirth answers), reconnecting after a lost connection.
 */
export async function connectSparkplugMachine(options: SparkplugMachineOptions): Promise<SparkplugMachine> {
  const { address, machine } = options;
  const edge: EdgeNodeSimulator = createEdgeNodeSimulator({
    groupId: address.groupId,
    edgeNodeId: address.edgeNodeId,
    devices: [{ deviceId: address.deviceId, metrics: machineMetrics(machine.profile, machine.snapshot()) }],
  });
  let stopped = false;
  let messages = 0;
  let rebirths = 0;
  let connection: EdgeNodeConnection | null = null;
  const report = options.onError ?? (() => undefined);

  const connect = async (): Promise<void> => {
    const c = await connectEdgeNode(edge, { url: options.url });
    connection = c;
    c.client.on('close', () => {
      if (connection !== c) return;
      rebirths += c.rebirthsAnswered();
      connection = null;
      if (!stopped) reconnectLater();
    });
  };
  const reconnectLater = (): void => {
    setTimeout(() => {
      if (stopped) return;
      connect().catch((error: unknown) => {
        report(error instanceof Error ? error : new Error(String(error)));
        reconnectLater();
      });
    }, options.reconnectDelayMs ?? 2000).unref();
  };
  await connect();

  return {
    address,
    async publish(events) {
      const points = machinePoints(coalesceCounts(events), options.stamp);
      if (points.length === 0) return;
      // Built even while disconnected: the values move the device's metrics, so the next birth carries them.
      const message = edge.deviceDataPoints(address.deviceId, points);
      if (connection === null) return;
      await connection.publish(message);
      messages += 1;
    },
    stats: () => ({ messages, rebirths: rebirths + (connection?.rebirthsAnswered() ?? 0) }),
    async stop() {
      stopped = true;
      const c = connection;
      connection = null;
      if (c) await c.stop();
    },
  };
}
