import { randomUUID } from 'node:crypto';
import { connectAsync, type MqttClient } from 'mqtt';
import { expect, it } from 'vitest';
import { connectEdgeNode } from './edge-node.mqtt.js';
import { createEdgeNodeSimulator } from './edge-node.simulator.js';
import { parseHostState, type HostState } from './host-state.message.js';
import type { HostSessionEffect } from './host-session.types.js';
import { encodePayload } from './sparkplug.codec.js';
import { typedMetric } from './sparkplug-metric.builder.js';
import { startSparkplugHost, type SparkplugHost } from './sparkplug-host.adapter.js';

/** The host flow against a real broker, shared by the embedded-broker and Mosquitto tests (test support only). */

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface StateObserver {
  readonly client: MqttClient;
  readonly states: { readonly state: HostState; readonly retain: boolean }[];
}

async function observeState(url: string, hostId: string, protocolVersion: 4 | 5): Promise<StateObserver> {
  const client = await connectAsync(url, { clean: true, protocolVersion, reconnectPeriod: 0 });
  const states: StateObserver['states'] = [];
  client.on('message', (_topic, payload, packet) => {
    const parsed = parseHostState(payload);
    if (parsed.ok) states.push({ state: parsed.state, retain: packet.retain });
  });
  await client.subscribeAsync(`spBv1.0/STATE/${hostId}`, { qos: 1 });
  return { client, states };
}

async function clearRetainedState(url: string, hostId: string): Promise<void> {
  const client = await connectAsync(url, { clean: true, reconnectPeriod: 0 });
  await client.publishAsync(`spBv1.0/STATE/${hostId}`, Buffer.alloc(0), { qos: 1, retain: true });
  await client.endAsync();
}

/** Registers the broker flow tests; `url` is read when the tests run. */
export function hostFlowTests(url: () => string, protocolVersion: 4 | 5): void {
  it('registers its STATE Will, publishes a retained birth with the Will\'s timestamp, and restates it after an abrupt loss', async () => {
    const hostId = `takt-test-${randomUUID().slice(0, 8)}`;
    const host = await startSparkplugHost({ url: url(), hostId, protocolVersion, reconnectPeriodMs: 200, onEffect: () => undefined });
    const observer = await observeState(url(), hostId, protocolVersion);
    try {
      const T = host.stateTimestamp;
      await waitFor('the retained birth', () => observer.states[0]);
      expect(observer.states[0]).toEqual({ state: { online: true, timestamp: T }, retain: true });
      host.client.stream.destroy(); // no DISCONNECT: the broker must publish the Will
      await waitFor('the Will', () => observer.states.find((s) => !s.state.online));
      await waitFor('the birth after reconnecting', () => (observer.states.at(-1)?.state.online ? true : undefined));
      expect(observer.states.map((s) => s.state)).toContainEqual({ online: false, timestamp: T });
      expect(new Set(observer.states.map((s) => s.state.timestamp))).toEqual(new Set([T]));
      await host.stop();
      await waitFor('the death on stop', () => (observer.states.at(-1)?.state.online === false ? true : undefined));
      expect(observer.states.at(-1)?.state).toEqual({ online: false, timestamp: T });
      const late = await observeState(url(), hostId, protocolVersion);
      await waitFor('the retained death', () => late.states[0]);
      expect(late.states[0]).toEqual({ state: { online: false, timestamp: T }, retain: true });
      await late.client.endAsync();
    } finally {
      await host.stop();
      await observer.client.endAsync();
      await clearRetainedState(url(), hostId);
    }
  });

  it('runs an edge session: births, DDATA by alias, seq gap answered by a rebirth, DDEATH, stale and current NDEATH', async () => {
    const hostId = `takt-test-${randomUUID().slice(0, 8)}`;
    const groupId = `takt-test-${randomUUID().slice(0, 8)}`;
    const effects: HostSessionEffect[] = [];
    const find = <K extends HostSessionEffect['kind']>(kind: K, match: (e: Extract<HostSessionEffect, { kind: K }>) => boolean, from = 0) =>
      () => effects.slice(from).find((e): e is Extract<HostSessionEffect, { kind: K }> => e.kind === kind && match(e as Extract<HostSessionEffect, { kind: K }>));
    const host: SparkplugHost = await startSparkplugHost({ url: url(), hostId, protocolVersion, onEffect: (e) => effects.push(e) });
    const sim = createEdgeNodeSimulator({
      groupId, edgeNodeId: 'Press04',
      nodeMetrics: [{ name: 'Uptime', datatype: 'UInt64', value: 1n }],
      devices: [
        { deviceId: 'Spindle', metrics: [{ name: 'Temperature', datatype: 'Double', value: 20 }, { name: 'Count', datatype: 'Int16', value: -7 }] },
        { deviceId: 'Door', metrics: [{ name: 'Open', datatype: 'Boolean', value: false }] },
      ],
    });
    const edge = await connectEdgeNode(sim, { url: url(), protocolVersion });
    try {
      await waitFor('NBIRTH', find('node-state', (e) => e.state === 'online' && e.node.groupId === groupId));
      await waitFor('both DBIRTHs', () => (effects.filter((e) => e.kind === 'device-state' && e.state === 'online').length === 2 ? true : undefined));

      await edge.publish(sim.deviceData('Spindle', { Temperature: 21.5, Count: -300 }));
      const update = await waitFor('DDATA by alias', find('metric-update', (e) => e.name === 'Count' && e.value === -300));
      expect(update).toMatchObject({ source: { groupId, edgeNodeId: 'Press04', deviceId: 'Spindle' }, datatype: 'Int16', value: -300 });

      const beforeGap = effects.length;
      sim.skipSeq();
      await edge.publish(sim.deviceData('Spindle', { Temperature: 99 }));
      await waitFor('the seq-gap drop', find('dropped', (e) => e.reason === 'seq-gap', beforeGap));
      expect(effects.slice(beforeGap)).toContainEqual(expect.objectContaining({ kind: 'publish', purpose: 'rebirth-request', topic: `spBv1.0/${groupId}/NCMD/Press04` }));
      await waitFor('the edge node to answer the rebirth', () => (edge.rebirthsAnswered() === 1 ? true : undefined));
      const reborn = await waitFor('the rebirth NBIRTH', find('node-state', (e) => e.state === 'online', beforeGap));
      expect(reborn.devicesReset).toEqual(['Spindle', 'Door']);
      await waitFor('DBIRTHs after the rebirth', find('device-state', (e) => e.device.deviceId === 'Door', beforeGap));
      const rebornAt = effects.indexOf(reborn);
      expect(effects.slice(beforeGap, rebornAt).some((e) => e.kind === 'metric-update')).toBe(false); // the gap's DDATA was dropped

      const beforeDeath = effects.length;
      await edge.publish(sim.deviceDeath('Door'));
      await waitFor('DDEATH', find('device-state', (e) => e.state === 'offline' && e.device.deviceId === 'Door', beforeDeath));
      expect(effects.slice(beforeDeath)).toContainEqual(expect.objectContaining({ kind: 'metrics-stale', names: ['Open'], cause: 'device-death' }));

      const staleWill = encodePayload({ timestamp: Date.now(), metrics: [typedMetric({ name: 'bdSeq', datatype: 'Int64', value: 42n })] });
      await edge.client.publishAsync(`spBv1.0/${groupId}/NDEATH/Press04`, Buffer.from(staleWill), { qos: 1 });
      await waitFor('the stale NDEATH to be ignored', find('dropped', (e) => e.reason === 'stale-death', beforeDeath));

      edge.crash(); // the broker now publishes the NDEATH Will, bdSeq 0 like the NBIRTH
      await waitFor('NDEATH', find('node-state', (e) => e.state === 'offline', beforeDeath));
      const stale = effects.slice(beforeDeath).filter((e) => e.kind === 'metrics-stale' && e.cause === 'node-death');
      expect(stale.map((e) => (e.kind === 'metrics-stale' ? e.source.deviceId ?? '(node)' : ''))).toEqual(['Spindle', '(node)']);
      expect(host.session.counters().dropped['internal-error']).toBe(0);
    } finally {
      edge.crash();
      await host.stop();
      await clearRetainedState(url(), hostId);
    }
  });
}
