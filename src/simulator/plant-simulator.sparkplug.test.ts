import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes } from 'aedes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebirthCommand, startSparkplugHost, type HostSessionEffect, type SparkplugHost } from '../modules/integration/sparkplug/index.js';
import { waitFor } from '../../test/support/wait-for.js';
import { DEMO_MACHINES } from './demo-machines.js';
import { startPlantSimulator, type PlantSimulator } from './plant-simulator.js';
import { MACHINE_TAGS } from './protocol/machine-tags.js';

describe('plant simulator on Sparkplug B (embedded broker, Takt\'s host session)', () => {
  let broker: Aedes;
  let server: Server;
  let host: SparkplugHost;
  let sim: PlantSimulator;
  const effects: HostSessionEffect[] = [];

  beforeAll(async () => {
    broker = await Aedes.createBroker();
    server = createServer(broker.handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`;
    host = await startSparkplugHost({ url, hostId: 'sim-test', onEffect: (e) => effects.push(e) });
    sim = await startPlantSimulator({ brokerUrl: url, seed: 42, speed: 600, publishIntervalMs: 100 });
  });

  afterAll(async () => {
    await sim?.stop();
    await host?.stop();
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const updates = (deviceId: string, name: string) =>
    effects.filter((e): e is Extract<HostSessionEffect, { kind: 'metric-update' }> => e.kind === 'metric-update' && e.source.deviceId === deviceId && e.name === name);

  it('births every demo machine as an edge node with its device, and the host accepts every message', async () => {
    const devices = await waitFor('a DBIRTH of every machine', () => {
      const born = new Set(effects.filter((e) => e.kind === 'device-state' && e.state === 'online').map((e) => (e.kind === 'device-state' ? e.device.deviceId : '')));
      return born.size === DEMO_MACHINES.length ? born : undefined;
    });
    expect([...devices].sort()).toEqual(DEMO_MACHINES.map((m) => m.equipmentId).sort());
    expect(sim.sparkplug.find((s) => s.equipmentId === 'PRESS-1')).toEqual({ groupId: 'WERK-NORD', edgeNodeId: 'GW-PRESS-1', deviceId: 'PRESS-1', equipmentId: 'PRESS-1' });
    await waitFor('some DDATA', () => (updates('PRESS-1', MACHINE_TAGS.total).length > 3 ? true : undefined));
    expect(effects.filter((e) => e.kind === 'dropped')).toEqual([]);
  });

  it('sends state changes and rising counters of every machine, stamped no later than real time', async () => {
    await waitFor('state changes on every machine', () =>
      DEMO_MACHINES.every((m) => new Set(updates(m.equipmentId, MACHINE_TAGS.state).map((u) => u.value)).size >= 2) ? true : undefined);
    for (const m of DEMO_MACHINES) {
      const totals = updates(m.equipmentId, MACHINE_TAGS.total).map((u) => u.value as bigint);
      expect(totals.length, m.equipmentId).toBeGreaterThan(1);
      expect(totals.every((v, i) => i === 0 || v >= (totals[i - 1] as bigint)), m.equipmentId).toBe(true);
      expect(totals.at(-1)).toBeGreaterThan(totals[0] as bigint);
    }
    const latest = Math.max(...effects.filter((e) => e.kind === 'metric-update').map((e) => (e.kind === 'metric-update' ? e.timestamp : 0)));
    expect(latest).toBeLessThanOrEqual(Date.now());
  });

  it('answers a rebirth request with a new birth sequence, and the host keeps accepting its data', async () => {
    const before = sim.stats().rebirths;
    const request = rebirthCommand({ groupId: 'WERK-NORD', edgeNodeId: 'GW-BLIS-1' }, 1);
    await host.client.publishAsync(request.topic, Buffer.from(request.payload), { qos: 1 });
    const births = () => effects.filter((e) => e.kind === 'node-state' && e.state === 'online' && e.node.edgeNodeId === 'GW-BLIS-1').length;
    await waitFor('the second birth', () => (births() === 2 ? true : undefined));
    expect(sim.stats().rebirths).toBe(before + 1);
    const seen = updates('BLIS-1', MACHINE_TAGS.total).length;
    await waitFor('data after the rebirth', () => (updates('BLIS-1', MACHINE_TAGS.total).length > seen + 2 ? true : undefined));
    // Only the request itself, which the host sees on the shared namespace, is not for it.
    expect(effects.filter((e) => e.kind === 'dropped').map((e) => e.kind === 'dropped' && e.reason)).toEqual(['command-not-for-host']);
  });

  it('says goodbye with an NDEATH per edge node when stopped', async () => {
    await sim.stop();
    await waitFor('every node offline', () =>
      effects.filter((e) => e.kind === 'node-state' && e.state === 'offline').length === DEMO_MACHINES.length ? true : undefined);
  });
});
