import { connectAsync, type MqttClient } from 'mqtt';
import type { EdgeNodeSimulator, OutboundMessage } from './edge-node.simulator.js';
import { formatSparkplugTopic } from './sparkplug-topic.parser.js';

export interface EdgeNodeConnectOptions {
  readonly url: string;
  readonly clientId?: string;
  readonly protocolVersion?: 4 | 5;
  /** Publish the NBIRTH/DBIRTH sequence right after subscribing (default true). */
  readonly publishBirth?: boolean;
}

export interface EdgeNodeConnection {
  readonly simulator: EdgeNodeSimulator;
  readonly client: MqttClient;
  /** How many `Node Control/Rebirth` commands this connection answered with a birth sequence. */
  rebirthsAnswered(): number;
  /** Publishes in order (each resolves once written, or acknowledged for QoS 1). */
  publish(messages: OutboundMessage | readonly OutboundMessage[]): Promise<void>;
  /** Drops the connection without an MQTT DISCONNECT, so the broker publishes the NDEATH Will. */
  crash(): void;
  /** Publishes NDEATH itself, then disconnects (3.0, 5.5 Edge Node Session Termination). */
  stop(): Promise<void>;
}

/**
 * Connects a simulated edge node to an MQTT broker as a Sparkplug 3.0 edge node does: a new session
 * with its NDEATH as the Will (QoS 1, not retained), clean session, subscriptions to its NCMD and
 * DCMD topics (QoS 1), then its birth sequence. It answers rebirth requests by itself.
 */
export async function connectEdgeNode(simulator: EdgeNodeSimulator, options: EdgeNodeConnectOptions): Promise<EdgeNodeConnection> {
  const will = simulator.newSession();
  const client = await connectAsync(options.url, {
    clientId: options.clientId ?? `takt-edge-${simulator.edgeNodeId}-${Math.random().toString(16).slice(2, 10)}`,
    clean: true,
    protocolVersion: options.protocolVersion ?? 4,
    reconnectPeriod: 0,
    will: { topic: will.topic, payload: Buffer.from(will.payload), qos: 1, retain: false },
  });
  let answered = 0;
  let chain: Promise<void> = Promise.resolve();
  const publish = (messages: OutboundMessage | readonly OutboundMessage[]): Promise<void> => {
    const list = Array.isArray(messages) ? messages : [messages as OutboundMessage];
    // One chain keeps answers to commands and scripted messages in seq order on the wire.
    chain = chain.then(async () => {
      for (const m of list) await client.publishAsync(m.topic, Buffer.from(m.payload), { qos: m.qos, retain: m.retain });
    });
    return chain;
  };
  client.on('error', () => undefined); // connection errors surface as closed connections to the caller
  client.on('message', (topic, payload) => {
    const replies = simulator.handleCommand(topic, payload);
    if (replies.length === 0) return;
    answered += 1;
    publish(replies).catch(() => undefined);
  });
  const { groupId, edgeNodeId } = simulator;
  await client.subscribeAsync([
    formatSparkplugTopic({ kind: 'node', groupId, edgeNodeId, messageType: 'NCMD' }),
    formatSparkplugTopic({ kind: 'device', groupId, edgeNodeId, messageType: 'DCMD', deviceId: '+' }),
  ], { qos: 1 });
  if (options.publishBirth ?? true) await publish(simulator.birth());
  return {
    simulator,
    client,
    rebirthsAnswered: () => answered,
    publish,
    crash() {
      client.end(true);
    },
    async stop() {
      await publish(simulator.nodeDeath());
      await client.endAsync();
    },
  };
}
