import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemoPlant } from '../../src/demo/demo-plant.js';
import { DEMO_OPCUA_MACHINE } from '../../src/simulator/demo-machines.js';
import { startPlantSimulator, type PlantSimulator } from '../../src/simulator/plant-simulator.js';
import { describeStores } from '../support/stores.js';
import { startTestTakt, type TestTakt } from '../support/takt.js';
import { waitFor } from '../support/wait-for.js';

const ON_SPARKPLUG = ['GRAN-1', 'BLEND-1', 'PRESS-1', 'PRESS-2', 'COAT-1', 'BLIS-1'];

describeStores('the plant simulator drives the demo plant through Takt\'s embedded broker and Sparkplug host', (dialect) => {
  let t: TestTakt;
  let sim: PlantSimulator;

  beforeAll(async () => {
    t = await startTestTakt(dialect, { sparkplug: { hostId: `takt-${randomUUID().slice(0, 8)}`, embedded: { host: '127.0.0.1', port: 0 } } });
    await loadDemoPlant(t.takt);
    const brokerUrl = t.takt.sparkplug()?.brokerUrl;
    if (!brokerUrl) throw new Error('no embedded broker');
    // The OPC UA machine plays on Sparkplug here (its demo mapping names the OPC UA server, so its data stays unmapped).
    sim = await startPlantSimulator({ brokerUrl, seed: 3, speed: 600, publishIntervalMs: 100, opcua: null });
  }, 120_000);
  afterAll(async () => {
    await sim?.stop();
    await t?.close();
  });

  const states = async (id: string) =>
    t.takt.store.db.selectFrom('equipment_states').select(['state', 'reason']).where('equipment_id', '=', id).execute();
  const counted = async (id: string) =>
    (await t.takt.store.db.selectFrom('equipment_counts').select(['total', 'reject', 'source']).where('equipment_id', '=', id).execute())
      .reduce((sum, r) => ({ total: sum.total + Number(r.total), reject: sum.reject + Number(r.reject), machine: sum.machine && r.source === 'machine' }), { total: 0, reject: 0, machine: true });

  it('changes the state of every mapped machine with reasons from the plant, and its counts rise', async () => {
    // States and counts arrive in their own metrics: a machine may change state twice before its first count is in.
    await waitFor('two or more states and a count on every Sparkplug machine', async () => {
      for (const id of ON_SPARKPLUG) if (new Set((await states(id)).map((s) => s.state)).size < 2 || (await counted(id)).total === 0) return undefined;
      return true;
    }, 60_000);
    const reasons = new Set(((await Promise.all(ON_SPARKPLUG.map(states))).flat()).map((s) => s.reason));
    expect([...reasons].filter((r) => r !== null).every((r) => ['STARVED', 'CHANGEOVER', 'BREAK', 'MECH', 'ELEC', 'JAM', 'ADJUST'].includes(r as string))).toBe(true);
    const first = await Promise.all(ON_SPARKPLUG.map(counted));
    for (const [i, c] of first.entries()) expect(c.total, ON_SPARKPLUG[i]).toBeGreaterThan(0);
    expect(first.every((c) => c.machine && c.reject <= c.total)).toBe(true);
    await waitFor('counts rising', async () => ((await counted('PRESS-1')).total > (first[2]?.total ?? 0) ? true : undefined), 30_000);
    expect((await counted(DEMO_OPCUA_MACHINE)).total).toBe(0);
    const status = (await t.call('GET', '/api/v1/machines/status')).body;
    expect(status.ingest.dropped['state-value-unmapped']).toBe(0);
    expect(status.ingest.dropped['state-refused']).toBe(0);
  }, 120_000);
});
