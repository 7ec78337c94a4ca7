import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildQualityPlant } from '../../../test/support/quality-plant.js';
import { describeStores } from '../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../test/support/takt.js';
import { EventBus } from '../../platform/events/event-bus.js';
import { createMachineIngest, type MachineSource } from './index.js';

const SPINDLE: MachineSource = { protocol: 'sparkplug', node: 'G1/Press04', device: 'Spindle' };
const MAPPING = {
  equipmentId: 'MIX-1', node: 'G1/Press04', device: 'Spindle',
  metrics: [
    { metric: 'State', role: 'state' },
    { metric: 'Total', role: 'count_total' },
    { metric: 'Rejects', role: 'count_reject' },
    { metric: 'Bore', role: 'process_value', characteristic: 'BORE' },
    { metric: 'Fault', role: 'alarm' },
  ],
};

describeStores('machine data: mappings and the ingest pipeline', (dialect) => {
  let t: TestTakt;
  const T0 = Date.now() - 60_000;
  const at = (s: number) => T0 + s * 1000;
  const current = async () => (await t.call('GET', `/api/v1/equipment/MIX-1/states?from=${new Date(T0 - 1000).toISOString()}&to=${new Date().toISOString()}`)).body.current;
  const counts = async () => t.takt.store.db.selectFrom('equipment_counts').select(['total', 'reject', 'source']).where('equipment_id', '=', 'MIX-1').orderBy('at').execute();

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildQualityPlant(t);
    await t.call('PUT', '/api/v1/quality/characteristics/BORE/limits', { body: { center: 5, sigma: 0.01, chart: 'i-mr' }, as: 'quality' });
  });
  afterAll(async () => t?.close());

  it('refuses a mapping to unknown equipment or an unknown characteristic, naming each field, and writes nothing', async () => {
    const r = await t.call('PUT', '/api/v1/machines/mappings/M1', {
      body: { ...MAPPING, equipmentId: 'NOPE', metrics: [...MAPPING.metrics, { metric: 'Temp', role: 'process_value', characteristic: 'NOPE' }, { metric: 'S2', role: 'state' }] },
      as: 'engineer',
    });
    expect(r.status).toBe(400);
    expect(r.body.violations.map((v: { field: string }) => v.field).sort()).toEqual(['equipmentId', 'metrics[5].characteristic', 'metrics[6].role']);
    expect((await t.call('GET', '/api/v1/machines/mappings')).body.items).toEqual([]);
    const operator = await t.call('PUT', '/api/v1/machines/mappings/M1', { body: MAPPING, as: 'operator' });
    expect(operator.status).toBe(403);
  });

  it('turns mapped values into state changes, counts from counter deltas and history; keeps unmapped ones listed', async () => {
    const put = await t.call('PUT', '/api/v1/machines/mappings/M1', { body: MAPPING, as: 'engineer' });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const m = t.takt.machines;
    m.ingest(SPINDLE, [
      { name: 'State', value: 6, timestamp: at(0) }, // PackML Execute
      { name: 'Total', value: 1000, timestamp: at(0) }, // first reading: a baseline, no units
      { name: 'Rejects', value: 10, timestamp: at(0) },
      { name: 'Temp', value: 41.5, timestamp: at(0) },
    ]);
    m.ingest(SPINDLE, [{ name: 'State', value: 6, timestamp: at(1) }, { name: 'Total', value: 1050, timestamp: at(2) }, { name: 'Rejects', value: 12, timestamp: at(2) }]);
    await m.flush();
    expect(await current()).toMatchObject({ state: 'running', reason: null, from: new Date(at(0)).toISOString() });
    expect(await counts()).toEqual([{ total: 50, reject: 2, source: 'machine' }]);

    m.ingest(SPINDLE, [{ name: 'Total', value: 30, timestamp: at(3) }, { name: 'Fault', value: 'JAM', timestamp: at(4) }, { name: 'State', value: 11, timestamp: at(5) }]);
    await m.flush();
    expect((await counts()).at(-1)).toEqual({ total: 30, reject: 0, source: 'machine' }); // the counter was reset
    expect(await current()).toMatchObject({ state: 'down', reason: 'JAM' }); // Held, with the active alarm as reason
    expect(m.counters()).toMatchObject({ counterResets: 1, stateChanges: 2, dropped: expect.objectContaining({ 'batch-failed': 0 }) });

    const unmapped = await t.call('GET', '/api/v1/machines/unmapped-metrics');
    expect(unmapped.body.items).toEqual([expect.objectContaining({ node: 'G1/Press04', device: 'Spindle', metric: 'Temp', equipmentId: 'MIX-1', lastValue: 41.5 })]);
    const journal = await t.call('GET', '/api/v1/journal?after=0&limit=1000');
    const changes = journal.body.events.filter((e: { action: string; entityId: string }) => e.action === 'equipment.state-changed' && e.entityId === 'MIX-1');
    expect(changes.map((e: { data: { state: string } }) => e.data.state)).toEqual(['running', 'down']);
  });

  it('downsamples the history by bucket and marks it stale when the source dies, its equipment offline', async () => {
    const m = t.takt.machines;
    m.ingest(SPINDLE, Array.from({ length: 20 }, (_, i) => ({ name: 'Bore', value: 5 + (i % 2 === 0 ? 0.001 : -0.001), timestamp: at(10 + i) })));
    m.sourceOffline({ protocol: 'sparkplug', node: 'G1/Press04' }, at(40), { withDevices: true });
    await m.flush();
    const q = `from=${new Date(at(10)).toISOString()}&to=${new Date(at(50)).toISOString()}&buckets=4`;
    const h = await t.call('GET', `/api/v1/equipment/MIX-1/history?metric=Bore&${q}`);
    expect(h.status, JSON.stringify(h.body)).toBe(200);
    expect(h.body.points.map((p: { count: number }) => p.count)).toEqual([10, 10]);
    expect(h.body.points[0]).toMatchObject({ from: new Date(at(10)).toISOString(), to: new Date(at(20)).toISOString(), min: 4.999, max: 5.001 });
    expect(h.body.points[0].avg).toBeCloseTo(5, 9);
    expect(h.body.staleAt).toEqual([new Date(at(40)).toISOString()]);
    expect(await current()).toMatchObject({ state: 'offline', from: new Date(at(40)).toISOString() });
    const bad = await t.call('GET', `/api/v1/equipment/MIX-1/history?metric=Bore&from=${new Date(at(50)).toISOString()}&to=${new Date(at(10)).toISOString()}`);
    expect(bad.status).toBe(400);
    expect(bad.body.violations[0].field).toBe('to');
  });

  it('runs process values through the SPC rules and journals spc.violation once per rule a run starts breaking', async () => {
    const m = t.takt.machines;
    m.ingest(SPINDLE, [5.0, 5.001, 5.08, 5.09, 5.0].map((value, i) => ({ name: 'Bore', value, timestamp: at(45 + i) })));
    await m.flush();
    const journal = await t.call('GET', '/api/v1/journal?after=0&limit=1000');
    const spc = journal.body.events.filter((e: { action: string }) => e.action === 'spc.violation');
    expect(spc.map((e: { entityId: string; data: { rule: string; point: number; equipmentId: string } }) => [e.entityId, e.data.rule, e.data.point, e.data.equipmentId]))
      .toEqual([['BORE', 'WE1', 5.08, 'MIX-1'], ['BORE', 'WE2', 5.09, 'MIX-1']]); // 5.09 extends WE1: not journaled again
  });

  it('takes up a mapping put or deleted on another node, which sends this one no event', async () => {
    // An ingest on its own bus: the mapping events of the API's node never reach it, as on a second node.
    const elsewhere = createMachineIngest(t.takt.runner, new EventBus());
    const packer: MachineSource = { protocol: 'sparkplug', node: 'G1/Packer', device: 'Main' };
    const packState = async () => (await t.call('GET', `/api/v1/equipment/PACK-1/states?from=${new Date(T0 - 1000).toISOString()}&to=${new Date().toISOString()}`)).body.current;
    elsewhere.ingest(packer, [{ name: 'State', value: 6, timestamp: at(10) }]);
    await elsewhere.flush();
    expect(elsewhere.counters().stateChanges).toBe(0);
    const put = await t.call('PUT', '/api/v1/machines/mappings/M-PACK', { body: { equipmentId: 'PACK-1', node: 'G1/Packer', device: 'Main', metrics: [{ metric: 'State', role: 'state' }] }, as: 'engineer' });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    elsewhere.ingest(packer, [{ name: 'State', value: 6, timestamp: at(11) }]);
    await elsewhere.flush();
    expect(elsewhere.counters().stateChanges).toBe(1);
    expect(await packState()).toMatchObject({ state: 'running', from: new Date(at(11)).toISOString() });
    expect((await t.call('DELETE', '/api/v1/machines/mappings/M-PACK', { as: 'engineer' })).status).toBe(200);
    elsewhere.ingest(packer, [{ name: 'State', value: 11, timestamp: at(12) }]);
    await elsewhere.flush();
    expect(elsewhere.counters().stateChanges).toBe(1);
    expect(await packState()).toMatchObject({ state: 'running' });
    await elsewhere.close();
  });

  it('records no state change when a machine sends its state again after a restart or reconnect', async () => {
    const press: MachineSource = { protocol: 'sparkplug', node: 'G1/Press05', device: 'Main' };
    const put = await t.call('PUT', '/api/v1/machines/mappings/M-RESEND', { body: { equipmentId: 'PACK-1', node: 'G1/Press05', device: 'Main', metrics: [{ metric: 'State', role: 'state' }] }, as: 'engineer' });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const rows = () => t.takt.store.db.selectFrom('equipment_states').select(['state', 'reason', 'from_at', 'to_at']).where('equipment_id', '=', 'PACK-1').where('from_at', '>=', at(20)).orderBy('from_at').execute();
    const journaled = async () => (await t.call('GET', '/api/v1/journal?entity=equipment&entityId=PACK-1&limit=1000')).body.events
      .filter((e: { action: string; data: { at: string } }) => e.action === 'equipment.state-changed' && e.data.at >= new Date(at(20)).toISOString())
      .map((e: { data: { state: string; at: string } }) => [e.data.state, e.data.at]);
    // Each "process" is a fresh ingest: it remembers no state the machine sent before, as after a restart.
    const send = async (value: number, s: number) => {
      const ingest = createMachineIngest(t.takt.runner, t.takt.bus);
      ingest.ingest(press, [{ name: 'State', value, timestamp: at(s) }]);
      await ingest.close();
      return ingest.counters().stateChanges;
    };
    expect(await send(11, 20)).toBe(1); // PackML Held: down
    expect(await rows()).toEqual([expect.objectContaining({ state: 'down', from_at: at(20), to_at: null })]);
    expect(await send(11, 25)).toBe(0); // the same state again, as the machine reconnects
    // Still down (the repeat is only a boundary in the stored history), and no change journaled.
    expect((await rows()).map((r) => r.state)).toEqual(['down', 'down']);
    expect(await journaled()).toEqual([['down', new Date(at(20)).toISOString()]]);
    expect(await send(6, 30)).toBe(1); // Execute: a real change goes on as before
    expect((await rows()).map((r) => [r.state, r.from_at, r.to_at])).toEqual([['down', at(20), at(25)], ['down', at(25), at(30)], ['running', at(30), null]]);
    expect(await journaled()).toEqual([['down', new Date(at(20)).toISOString()], ['running', new Date(at(30)).toISOString()]]);
    expect((await t.call('DELETE', '/api/v1/machines/mappings/M-RESEND', { as: 'engineer' })).status).toBe(200);
  });

  it('goes on with the SPC window from the history after a restart: a run spanning it is seen, a rule still broken is not journaled again', async () => {
    const we4 = async () => (await t.call('GET', '/api/v1/journal?entity=characteristic&entityId=BORE&limit=1000')).body.events
      .filter((e: { action: string; data: { rule: string } }) => e.action === 'spc.violation' && e.data.rule === 'WE4');
    // Each "process" is a fresh ingest: nothing in memory, as after a restart. Points half a sigma above the center.
    const run = async (from: number, n: number) => {
      const ingest = createMachineIngest(t.takt.runner, t.takt.bus);
      ingest.ingest(SPINDLE, Array.from({ length: n }, (_, i) => ({ name: 'Bore', value: 5.005, timestamp: at(from + i) })));
      await ingest.close();
    };
    await run(60, 5);
    expect(await we4()).toEqual([]);
    await run(65, 3); // the 8th point above the center in a row, across the restart
    expect((await we4()).map((e: { data: { point: number; at: string } }) => e.data.at)).toEqual([new Date(at(67)).toISOString()]);
    await run(68, 1); // extends the same run after another restart: already journaled
    expect(await we4()).toHaveLength(1);
  });

  it('keeps applying batches when its timer fires after a batch already took what was queued', async () => {
    const ingest = createMachineIngest(t.takt.runner, t.takt.bus, { flushIntervalMs: 100 });
    const source: MachineSource = { protocol: 'opcua', node: 'timer-test' };
    const rows = () => ingest.counters().historyRows;
    const until = async (n: number) => {
      for (let i = 0; i < 500 && rows() < n; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      return rows();
    };
    ingest.ingest(source, [{ name: 'a', value: 1, timestamp: at(0) }]);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the first batch starts
    ingest.ingest(source, [{ name: 'a', value: 2, timestamp: at(1) }]); // taken by the running batch loop; its timer fires later on an empty queue
    expect(await until(2)).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 150));
    ingest.ingest(source, [{ name: 'a', value: 3, timestamp: at(2) }]);
    expect(await until(3)).toBe(3);
    await ingest.close();
  });

  it('counts values it cannot use instead of failing: unknown state values, bad counters, garbage metrics', async () => {
    const m = t.takt.machines;
    const before = m.counters().dropped;
    m.ingest(SPINDLE, [
      { name: 'State', value: 99, timestamp: at(55) },
      { name: 'Total', value: -3, timestamp: at(55) },
      { name: '', value: 1, timestamp: at(55) },
      { name: 'Temp', value: 1, timestamp: Number.NaN },
    ]);
    await m.flush();
    const after = m.counters().dropped;
    expect(after['state-value-unmapped'] - before['state-value-unmapped']).toBe(1);
    expect(after['invalid-counter'] - before['invalid-counter']).toBe(1);
    expect(after['invalid-metric'] - before['invalid-metric']).toBe(2);
    expect(after['batch-failed']).toBe(0);
  });
});
