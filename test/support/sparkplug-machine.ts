import { randomUUID } from 'node:crypto';
import { connectAsync } from 'mqtt';
import { expect, it } from 'vitest';
import { connectEdgeNode } from '../../src/modules/integration/sparkplug/edge-node.mqtt.js';
import { createEdgeNodeSimulator } from '../../src/modules/integration/sparkplug/edge-node.simulator.js';
import { decodePayload } from '../../src/modules/integration/sparkplug/sparkplug.codec.js';
import { parseHostState } from '../../src/modules/integration/sparkplug/host-state.message.js';
import type { Dialect } from '../../src/platform/store/database.js';
import { buildPlant } from './plant.js';
import { startTestTakt } from './takt.js';

/** Polls until `probe` answers something (test support: no fixed sleeps). */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * The Sparkplug session end to end through a broker into the store: Takt's host STATE, births, DDATA by alias
 * changing the equipment's state and counts, a seq gap answered by a rebirth NCMD, garbage dropped with the host still
 * consuming, and a DDEATH taking the equipment offline with its history stale. `broker`: an external URL, or the
 * embedded broker on an ephemeral port.
 */
export function sparkplugMachineFlow(dialect: Dialect, broker: { url: string } | 'embedded', protocolVersion: 4 | 5): void {
  it(`carries a Sparkplug edge node's states and counts into the equipment and takes it offline on death [${dialect}]`, async () => {
    const hostId = `takt-${randomUUID().slice(0, 8)}`;
    const groupId = `plant-${randomUUID().slice(0, 8)}`;
    const t = await startTestTakt(dialect, {
      sparkplug: broker === 'embedded' ? { hostId, embedded: { host: '127.0.0.1', port: 0 } } : { hostId, url: broker.url },
    });
    const status = async () => (await t.call('GET', '/api/v1/machines/status')).body;
    const url = (await status()).sparkplug.brokerUrl as string;
    const observer = await connectAsync(url, { clean: true, protocolVersion, reconnectPeriod: 0 });
    const seen: { topic: string; payload: Buffer; retain: boolean }[] = [];
    observer.on('message', (topic, payload, packet) => seen.push({ topic, payload, retain: packet.retain }));
    await observer.subscribeAsync([`spBv1.0/STATE/${hostId}`, `spBv1.0/${groupId}/NCMD/#`], { qos: 1 });
    const sim = createEdgeNodeSimulator({
      groupId, edgeNodeId: 'Press04',
      devices: [{ deviceId: 'Spindle', metrics: [
        { name: 'State', datatype: 'Int32', value: 4 }, { name: 'Total', datatype: 'UInt64', value: 1000n },
        { name: 'Rejects', datatype: 'UInt32', value: 3 }, { name: 'Temp', datatype: 'Double', value: 40 },
      ] }],
    });
    let edge: Awaited<ReturnType<typeof connectEdgeNode>> | undefined;
    try {
      await buildPlant(t);
      const current = async () => {
        await t.takt.machines.flush();
        const r = await t.call('GET', `/api/v1/equipment/MIX-1/states?from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date(Date.now() + 1000).toISOString()}`);
        return r.body.current as { state: string; reason: string | null } | null;
      };
      const counts = () => t.takt.store.db.selectFrom('equipment_counts').select(['total', 'reject']).where('equipment_id', '=', 'MIX-1').execute();
      const state = await waitFor('the retained STATE birth', () => seen.find((m) => m.topic.includes('/STATE/')));
      expect(parseHostState(state.payload)).toMatchObject({ ok: true, state: { online: true } });
      const mapped = await t.call('PUT', '/api/v1/machines/mappings/PRESS04', {
        as: 'engineer',
        body: { equipmentId: 'MIX-1', node: `${groupId}/Press04`, device: 'Spindle', metrics: [{ metric: 'State', role: 'state' }, { metric: 'Total', role: 'count_total' }, { metric: 'Rejects', role: 'count_reject' }] },
      });
      expect(mapped.status, JSON.stringify(mapped.body)).toBe(200);

      edge = await connectEdgeNode(sim, { url, protocolVersion });
      await waitFor('the DBIRTH state (PackML Idle)', async () => ((await current())?.state === 'idle' ? true : undefined));
      await edge.publish(sim.deviceData('Spindle', { State: 6, Total: 1100n, Rejects: 8, Temp: 41 }));
      await waitFor('running', async () => ((await current())?.state === 'running' ? true : undefined));
      expect(await waitFor('the counts', async () => ((await counts()).length > 0 ? counts() : undefined))).toEqual([{ total: 100, reject: 5 }]);

      await edge.client.publishAsync(`spBv1.0/${groupId}/DDATA/Press04/Spindle`, Buffer.from([0xff, 0x01, 0x02])); // not protobuf
      await edge.client.publishAsync(`spBv1.0/${groupId}/BOGUS`, Buffer.from('x'));
      sim.skipSeq();
      await edge.publish(sim.deviceData('Spindle', { Total: 1200n }));
      const ncmd = await waitFor('the rebirth NCMD', () => seen.find((m) => m.topic === `spBv1.0/${groupId}/NCMD/Press04`));
      const decoded = decodePayload(ncmd.payload);
      expect(decoded.ok && decoded.payload.metrics.map((m) => [m.name, m.value])).toEqual([['Node Control/Rebirth', { kind: 'boolean', value: true }]]);
      await waitFor('the rebirth to be answered', () => (edge?.rebirthsAnswered() === 1 ? true : undefined));
      await edge.publish(sim.deviceData('Spindle', { Total: 1210n }));
      await waitFor('counting on after the rebirth', async () => ((await counts()).length === 2 ? true : undefined));
      expect((await counts())[1]).toEqual({ total: 110, reject: 0 }); // the gap's DDATA was dropped; the rebirth's value counts

      await edge.publish(sim.deviceDeath('Spindle'));
      await waitFor('offline after the DDEATH', async () => ((await current())?.state === 'offline' ? true : undefined));
      const h = await t.call('GET', `/api/v1/equipment/MIX-1/history?metric=Total&from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date(Date.now() + 1000).toISOString()}&buckets=1`);
      expect(h.body.staleAt).toHaveLength(1);
      expect(h.body.points[0]).toMatchObject({ min: 1000, max: 1210 });
      const s = await status();
      expect(s.sparkplug.session.dropped).toMatchObject({ 'malformed-payload': 1, 'malformed-topic': 1, 'seq-gap': 1, 'internal-error': 0 });
      expect(s.sparkplug.session.rebirthRequests).toBeGreaterThanOrEqual(1);
      expect(s.ingest.dropped['batch-failed']).toBe(0);
      const unmapped = await t.call('GET', '/api/v1/machines/unmapped-metrics');
      expect(unmapped.body.items).toContainEqual(expect.objectContaining({ node: `${groupId}/Press04`, device: 'Spindle', metric: 'Temp', lastValue: 41, stale: true }));
    } finally {
      edge?.crash();
      await observer.publishAsync(`spBv1.0/STATE/${hostId}`, Buffer.alloc(0), { qos: 1, retain: true }).catch(() => undefined);
      await observer.endAsync();
      await t.close();
    }
  });
}
