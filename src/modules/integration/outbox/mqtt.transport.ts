import { randomBytes } from 'node:crypto';
import { connectAsync, type MqttClient } from 'mqtt';
import { parseMqttTarget } from './mqtt-target.parser.js';
import type { OutboundMessage, Transport } from './transport.types.js';

function withTimeout<T>(work: Promise<T>, ms: number, signal: AbortSignal, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    const onAbort = () => reject(new Error(`${what}: aborted`));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    });
  });
}

/**
 * MQTT: each message is published at QoS 1 (not retained) to its topic; delivered once the broker acknowledges
 * it. One connection per broker, opened on first use and dropped after a failure (the next attempt reconnects).
 * The payload carries the message id (JSON `messageId`, B2MML `BODID`), since MQTT 3.1.1 has no headers.
 */
export function mqttTransport(options: { readonly defaultUrl: string | null; readonly timeoutMs: number }): Transport {
  const clients = new Map<string, Promise<MqttClient>>();
  const drop = (url: string, client: Promise<MqttClient>) => {
    if (clients.get(url) === client) clients.delete(url);
    void client.then((c) => c.endAsync(true)).catch(() => undefined);
  };
  const clientFor = (url: string): Promise<MqttClient> => {
    const existing = clients.get(url);
    if (existing) return existing;
    const created = connectAsync(url, {
      clientId: `takt-outbox-${randomBytes(6).toString('hex')}`, clean: true, reconnectPeriod: 0, connectTimeout: options.timeoutMs,
    }).then((c) => {
      c.on('error', () => undefined);
      c.on('close', () => drop(url, created));
      return c;
    });
    clients.set(url, created);
    created.catch(() => drop(url, created));
    return created;
  };
  return {
    async send(m: OutboundMessage, signal: AbortSignal): Promise<void> {
      const target = parseMqttTarget(m.target, options.defaultUrl);
      if (!target.ok) throw new Error(`MQTT target ${target.reason}`);
      const { url, topic } = target.value;
      const pending = clientFor(url);
      try {
        const client = await withTimeout(pending, options.timeoutMs, signal, `connecting to ${new URL(url).host}`);
        await withTimeout(client.publishAsync(topic, m.payload, { qos: 1, retain: false }), options.timeoutMs, signal, `publishing to ${topic}`);
      } catch (error) {
        drop(url, pending);
        throw error;
      }
    },
    async close() {
      const all = [...clients.entries()];
      clients.clear();
      await Promise.all(all.map(([, c]) => c.then((client) => client.endAsync(true)).catch(() => undefined)));
    },
  };
}
