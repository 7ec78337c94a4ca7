import { connect, type MqttClient } from 'mqtt';
import { hostStateMessage, type HostStateMessage } from './host-state.message.js';
import { createHostSession } from './host-session.js';
import type { HostSession, HostSessionEffect, HostSessionOptions } from './host-session.types.js';
import { SPARKPLUG_NAMESPACE } from './sparkplug-topic.parser.js';

export interface SparkplugHostOptions extends Omit<HostSessionOptions, 'stateTimestamp'> {
  /** Broker URL, e.g. `mqtt://127.0.0.1:1883`. */
  readonly url: string;
  /** Receives every effect, in order; `publish` effects are already handed to the client (held until the STATE birth). */
  readonly onEffect?: (effect: HostSessionEffect) => void;
  /** Receives the effects of one message (or one connection loss) together, after `onEffect` saw each. */
  readonly onEffects?: (effects: readonly HostSessionEffect[]) => void;
  /** Publish failures, connection errors and exceptions thrown by `onEffect`. Default: a process warning. */
  readonly onError?: (error: Error) => void;
  readonly clientId?: string;
  /** MQTT 3.1.1 (4, default) or 5; either way with a clean session. */
  readonly protocolVersion?: 4 | 5;
  readonly username?: string;
  readonly password?: string;
  /** How long the first connection may take before start fails. Default 10 s. */
  readonly connectTimeoutMs?: number;
  readonly reconnectPeriodMs?: number;
  readonly now?: () => number;
}

export interface SparkplugHost {
  readonly hostId: string;
  /** The timestamp of this host's STATE Will and births. */
  readonly stateTimestamp: number;
  readonly session: HostSession;
  /** The underlying client, for diagnostics; publish through the session's effects instead. */
  readonly client: MqttClient;
  /** Publishes the STATE death (offline, retained, QoS 1), then disconnects. Idempotent. */
  stop(): Promise<void>;
}

export const SPARKPLUG_SUBSCRIPTION = `${SPARKPLUG_NAMESPACE}/#`;

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * Runs a Sparkplug B 3.0 Primary Host Application on an MQTT broker (3.0, 5.2 Host Session
 * Establishment): CONNECT with a clean session and the STATE Will `{online:false, timestamp:T}`
 * (QoS 1, retained); on every (re)connection subscribe `spBv1.0/#` at QoS 1, which covers its own
 * STATE topic, and only then publish `{online:true, timestamp:T}` retained, T being the Will's
 * timestamp. Every received message goes through the session; its `publish` effects (rebirth NCMDs,
 * STATE restatements) are published here. Resolves once the first session is established.
 */
export async function startSparkplugHost(options: SparkplugHostOptions): Promise<SparkplugHost> {
  const now = options.now ?? Date.now;
  const report = options.onError ?? ((error: Error) => process.emitWarning(error));
  const stateTimestamp = now();
  const session = createHostSession({
    hostId: options.hostId,
    stateTimestamp,
    maxPayloadBytes: options.maxPayloadBytes,
    rebirthIntervalMs: options.rebirthIntervalMs,
  });
  const toWire = (m: HostStateMessage) => ({ topic: m.topic, payload: Buffer.from(m.payload), qos: m.qos, retain: m.retain });
  const client = connect(options.url, {
    clientId: options.clientId ?? `takt-host-${options.hostId}-${Math.random().toString(16).slice(2, 10)}`,
    clean: true,
    protocolVersion: options.protocolVersion ?? 4,
    username: options.username,
    password: options.password,
    reconnectPeriod: options.reconnectPeriodMs ?? 1000,
    connectTimeout: options.connectTimeoutMs ?? 10_000,
    resubscribe: false, // subscriptions are redone below, before the STATE birth, on every connection
    will: toWire(hostStateMessage(options.hostId, { online: false, timestamp: stateTimestamp })),
  });
  let established = false;
  let stopping: Promise<void> | undefined;

  // Publishes wait for the STATE birth, which must be the first message of every session (3.0,
  // tck-id-operational-behavior-primary-application-state-with-multiple-servers-state).
  let held: Extract<HostSessionEffect, { kind: 'publish' }>[] = [];
  const publish = (effect: Extract<HostSessionEffect, { kind: 'publish' }>): void => {
    if (!established) {
      held.push(effect);
      return;
    }
    client.publish(effect.topic, Buffer.from(effect.payload), { qos: effect.qos, retain: effect.retain }, (error) => {
      if (error) report(error);
    });
  };
  const deliver = (effects: readonly HostSessionEffect[]): void => {
    for (const effect of effects) {
      if (effect.kind === 'publish') publish(effect);
      try {
        options.onEffect?.(effect);
      } catch (error) {
        report(asError(error));
      }
    }
    try {
      if (effects.length > 0) options.onEffects?.(effects);
    } catch (error) {
      report(asError(error));
    }
  };

  const firstSession = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no MQTT session with ${options.url} within the connect timeout`)), options.connectTimeoutMs ?? 10_000);
    client.on('connect', () => {
      void (async () => {
        try {
          await client.subscribeAsync(SPARKPLUG_SUBSCRIPTION, { qos: 1 });
          if (stopping) return;
          const birth = toWire(hostStateMessage(options.hostId, { online: true, timestamp: stateTimestamp }));
          await client.publishAsync(birth.topic, birth.payload, { qos: birth.qos, retain: birth.retain });
          established = true;
          const release = held;
          held = [];
          release.forEach(publish);
          clearTimeout(timer);
          resolve();
        } catch (error) {
          report(asError(error));
        }
      })();
    });
  });
  client.on('error', (error) => report(error));
  client.on('message', (topic, payload) => {
    if (stopping) return; // our own death echoing back must not be answered with a birth
    deliver(session.receive({ topic, payload, receivedAt: now() }));
  });
  client.on('close', () => {
    held = []; // the next session starts from connectionLost: every node is asked to rebirth afresh
    if (!established) return;
    established = false;
    if (!stopping) deliver(session.connectionLost(now()));
  });

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (client.connected) {
        // Unsubscribe first: the retained death would otherwise come back at QoS 1 while disconnecting.
        await client.unsubscribeAsync(SPARKPLUG_SUBSCRIPTION).catch((e: unknown) => report(asError(e)));
        const death = toWire(hostStateMessage(options.hostId, { online: false, timestamp: stateTimestamp }));
        await client.publishAsync(death.topic, death.payload, { qos: death.qos, retain: death.retain }).catch((e: unknown) => report(asError(e)));
        await client.endAsync();
      } else {
        await client.endAsync(true);
      }
    })();
    return stopping;
  };

  try {
    await firstSession;
  } catch (error) {
    await stop();
    throw error;
  }
  return { hostId: options.hostId, stateTimestamp, session, client, stop };
}
