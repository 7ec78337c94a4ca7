import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlant } from '../../../../test/support/plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';
import { waitFor } from '../../../../test/support/wait-for.js';
import { DEMO_MACHINES } from '../../../simulator/demo-machines.js';
import type { MachineProfile } from '../../../simulator/model/machine.profile.js';
import type { MachineEvent, VirtualMachine } from '../../../simulator/model/virtual-machine.js';
import { opcUaNodeIdOf, startOpcUaMachine, type OpcUaMachine } from '../../../simulator/protocol/opcua-machine.server.js';
import { startMappedOpcUa } from './mapped-opcua.starter.js';
import type { OpcUaClient } from './opcua-client.adapter.js';
import { opcUaValue } from './opcua-value.js';

// Certificates are made once per run (a key pair takes seconds on a small machine) and shared by both dialects.
const PKI = join(tmpdir(), 'takt-opcua-test-pki');
mkdirSync(PKI, { recursive: true });

/** A PackML-like machine whose values the test sets itself, served by the plant simulator's OPC UA server. */
const profile: MachineProfile = { ...(DEMO_MACHINES.find((m) => m.equipmentId === 'CART-1') as MachineProfile), equipmentId: 'PACK-1' };
const scripted: VirtualMachine = {
  profile,
  snapshot: () => ({ at: Date.now(), state: 'idle', reason: 'STARVED', total: 0, reject: 0, process: {} }),
  advanceTo: () => [],
};
const node = (tag: string) => opcUaNodeIdOf('PACK-1', tag);

describeStores('OPC UA client: a PackML-like machine on an OPC UA server feeds equipment states and counts', (dialect) => {
  let t: TestTakt;
  let server: OpcUaMachine;
  let client: OpcUaClient;
  const T0 = Date.now();
  const current = async () => (await t.call('GET', `/api/v1/equipment/PACK-1/states?from=${new Date(T0 - 60_000).toISOString()}&to=${new Date(Date.now() + 1000).toISOString()}`)).body.current;
  const counted = async () => {
    const rows = await t.takt.store.db.selectFrom('equipment_counts').select(['total', 'reject', 'source']).where('equipment_id', '=', 'PACK-1').execute();
    return { total: rows.reduce((s, r) => s + Number(r.total), 0), reject: rows.reduce((s, r) => s + Number(r.reject), 0), sources: [...new Set(rows.map((r) => r.source))] };
  };
  const publish = (events: MachineEvent[]) => server.publish(events);

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
    server = await startOpcUaMachine({ machine: scripted, port: 0, pkiDir: join(PKI, 'server'), stamp: (s) => s });
    const mapping = await t.call('PUT', '/api/v1/machines/mappings/PACK-1-OPCUA', {
      as: 'engineer',
      body: {
        equipmentId: 'PACK-1', protocol: 'opcua', node: server.endpointUrl,
        metrics: [
          { metric: node('Status/StateCurrent'), role: 'state' },
          { metric: node('Status/StopReason'), role: 'alarm' },
          { metric: node('Admin/ProdProcessedCount'), role: 'count_total' },
          { metric: node('Admin/ProdDefectiveCount'), role: 'count_reject' },
        ],
      },
    });
    expect(mapping.status, JSON.stringify(mapping.body)).toBe(200);
    client = startMappedOpcUa({ pkiDir: join(PKI, 'client'), ingest: t.takt.machines, bus: t.takt.bus, mappings: async () => (await t.call('GET', '/api/v1/machines/mappings')).body.items });
  });
  afterAll(async () => {
    await client?.stop();
    await server?.stop();
    await t?.close();
  });

  it('subscribes to the mapped nodes and turns the machine\'s PackML state into the equipment state', async () => {
    const first = await waitFor('the initial state', async () => ((await current())?.state === 'idle' ? current() : undefined), 45_000);
    expect(first.state).toBe('idle');
    expect(client.status()).toEqual([{ endpointUrl: server.endpointUrl, connected: true, nodes: 4 }]);
    publish([{ kind: 'state', at: Date.now(), state: 'running', reason: null }]);
    await waitFor('running', async () => ((await current())?.state === 'running' ? true : undefined));
  }, 90_000);

  it('records counter readings as machine counts, and a stop with the machine\'s reason', async () => {
    // The counters read 0 when subscribed: every unit after that is counted.
    publish([{ kind: 'counts', at: Date.now(), total: 100, reject: 2 }]);
    await waitFor('100 units counted', async () => ((await counted()).total === 100 ? true : undefined));
    publish([{ kind: 'counts', at: Date.now(), total: 160, reject: 5 }]);
    await waitFor('160 units counted', async () => ((await counted()).total === 160 ? true : undefined));
    expect(await counted()).toEqual({ total: 160, reject: 5, sources: ['machine'] });
    publish([{ kind: 'state', at: Date.now(), state: 'down', reason: 'JAM' }]);
    const down = await waitFor('down', async () => ((await current())?.state === 'down' ? current() : undefined));
    expect(down.reason).toBe('JAM');
  });

  it('marks the equipment offline when the server goes away', async () => {
    await server.stop();
    await waitFor('offline', async () => ((await current())?.state === 'offline' ? true : undefined), 45_000);
  }, 60_000);
});

describe('OPC UA values', () => {
  it('reads scalars as machine values, 64-bit words as bigints, and skips bad statuses and arrays', () => {
    expect(opcUaValue({ dataType: 6, value: 11, status: 0 })).toBe(11);
    expect(opcUaValue({ dataType: 1, value: true, status: 0 })).toBe(true);
    expect(opcUaValue({ dataType: 12, value: 'JAM', status: 0 })).toBe('JAM');
    expect(opcUaValue({ dataType: 9, value: [1, 5], status: 0 })).toBe(2n ** 32n + 5n);
    expect(opcUaValue({ dataType: 8, value: [0xffffffff, 0xffffffff], status: 0 })).toBe(-1n);
    expect(opcUaValue({ dataType: 13, value: new Date(1000), status: 0 })).toBe(1000);
    expect(opcUaValue({ dataType: 21, value: { text: 'Held' }, status: 0 })).toBe('Held');
    expect(opcUaValue({ dataType: 0, value: null, status: 0x40000000 })).toBeNull();
    expect(opcUaValue({ dataType: 11, value: 1.5, status: 0x80000000 })).toBeUndefined();
    expect(opcUaValue({ dataType: 11, arrayType: 1, value: [1, 2], status: 0 })).toBeUndefined();
  });
});
