import { describe, expect, it } from 'vitest';
import { dropReasons, effectsOf, sessionHarness, START } from './host-session.test-support.js';
import { encodePayload } from './sparkplug.codec.js';
import { typedMetric } from './sparkplug-metric.builder.js';

const node = { groupId: 'Plant1', edgeNodeId: 'Press04' };
const spindle = { ...node, deviceId: 'Spindle' };

describe('host session: births, data and deaths', () => {
  it('brings the node and its devices online on NBIRTH and DBIRTH and records their catalogs', () => {
    const h = sessionHarness();
    h.sim.newSession();
    const effects = h.feed(h.sim.birth());
    expect(effectsOf(effects, 'node-state')).toEqual([{ kind: 'node-state', node, state: 'online', bdSeq: 0n, at: START, devicesReset: [] }]);
    expect(effectsOf(effects, 'device-state').map((d) => [d.device.deviceId, d.state])).toEqual([['Spindle', 'online'], ['Door', 'online']]);
    const births = effectsOf(effects, 'birth-recorded');
    expect(births[0]?.metrics.map((m) => [m.name, m.datatype, m.alias])).toEqual([
      ['bdSeq', 'Int64', undefined], ['Node Control/Rebirth', 'Boolean', undefined], ['Uptime', 'UInt32', 1n],
    ]);
    expect(births[1]).toMatchObject({ source: spindle, metrics: [{ name: 'Temperature', datatype: 'Double', alias: 2n }, { name: 'Count', datatype: 'Int8', alias: 3n }] });
    expect(effectsOf(effects, 'metric-update').find((u) => u.name === 'Count')).toMatchObject({ source: spindle, value: -3 });
    expect(dropReasons(effects)).toEqual([]);
  });

  it('resolves DDATA aliases to the names and datatypes of the DBIRTH', () => {
    const h = sessionHarness();
    h.sim.newSession();
    h.feed(h.sim.birth());
    h.advance(1000);
    const effects = h.feed(h.sim.deviceData('Spindle', { Temperature: 21.5, Count: -128 }));
    expect(effectsOf(effects, 'metric-update')).toEqual([
      { kind: 'metric-update', source: spindle, name: 'Temperature', datatype: 'Double', value: 21.5, timestamp: START + 1000 },
      { kind: 'metric-update', source: spindle, name: 'Count', datatype: 'Int8', value: -128, timestamp: START + 1000 },
    ]);
    expect(effectsOf(effects, 'metric-record').map((r) => [r.name, r.historical, r.receivedAt])).toEqual([
      ['Temperature', false, START + 1000], ['Count', false, START + 1000],
    ]);
  });

  it('updates node metrics from NDATA and takes null values as null', () => {
    const h = sessionHarness();
    h.sim.newSession();
    h.feed(h.sim.birth());
    expect(effectsOf(h.feed(h.sim.nodeData({ Uptime: 42 })), 'metric-update')[0]).toMatchObject({ source: node, name: 'Uptime', value: 42 });
    expect(effectsOf(h.feed(h.sim.nodeData({ Uptime: null })), 'metric-update')[0]).toMatchObject({ name: 'Uptime', value: null });
  });

  it('records historical values with their own timestamp and leaves live state alone', () => {
    const h = sessionHarness();
    h.sim.newSession();
    h.feed(h.sim.birth());
    const past = START - 60_000;
    const effects = h.feed(h.custom([typedMetric({ alias: 2, datatype: 'Double', value: 19.0, timestamp: past, isHistorical: true, includeDatatype: false })], 'Spindle'));
    expect(effectsOf(effects, 'metric-update')).toEqual([]);
    expect(effectsOf(effects, 'metric-record')).toEqual([{
      kind: 'metric-record', source: spindle, name: 'Temperature', datatype: 'Double', value: 19.0, timestamp: past, historical: true, receivedAt: START,
    }]);
  });

  it('updates live state from transient values without recording them', () => {
    const h = sessionHarness();
    h.sim.newSession();
    h.feed(h.sim.birth());
    const effects = h.feed(h.custom([typedMetric({ alias: 2, datatype: 'Double', value: 22, isTransient: true, includeDatatype: false })], 'Spindle'));
    expect(effectsOf(effects, 'metric-update')).toHaveLength(1);
    expect(effectsOf(effects, 'metric-record')).toEqual([]);
  });

  it('takes the node and its devices offline, metrics stale, on the NDEATH of the current bdSeq', () => {
    const h = sessionHarness();
    h.sim.newSession();
    h.feed(h.sim.birth());
    h.advance(5000);
    const effects = h.feed(h.sim.nodeDeath());
    expect(effectsOf(effects, 'node-state')).toEqual([{ kind: 'node-state', node, state: 'offline', bdSeq: 0n, at: START + 5000, devicesReset: [] }]);
    expect(effectsOf(effects, 'device-state').map((d) => [d.device.deviceId, d.state])).toEqual([['Spindle', 'offline'], ['Door', 'offline']]);
    expect(effectsOf(effects, 'metrics-stale').map((s) => [s.source.deviceId ?? '(node)', s.names, s.cause])).toEqual([
      ['Spindle', ['Temperature', 'Count'], 'node-death'],
      ['Door', ['Open'], 'node-death'],
      ['(node)', ['bdSeq', 'Node Control/Rebirth', 'Uptime'], 'node-death'],
    ]);
    expect(h.session.node(node)?.status).toBe('offline');
  });

  it('ignores an NDEATH whose bdSeq is not the current NBIRTH\'s as a stale Will', () => {
    const h = sessionHarness();
    h.sim.newSession();
    const lateWillOfOldSession = h.sim.nodeDeath();
    h.sim.newSession(); // reconnect: bdSeq 1
    h.feed(h.sim.birth());
    const effects = h.feed(lateWillOfOldSession);
    expect(dropReasons(effects)).toEqual(['stale-death']);
    expect(effectsOf(effects, 'node-state')).toEqual([]);
    expect(h.session.node(node)).toMatchObject({ status: 'online', bdSeq: 1n });
    expect(h.session.counters().dropped['stale-death']).toBe(1);
  });

  it('takes only the device offline on DDEATH, at the DDEATH timestamp', () => {
    const h = sessionHarness();
    h.sim.newSession();
    h.feed(h.sim.birth());
    h.advance(2000);
    const effects = h.feed(h.sim.deviceDeath('Door'));
    expect(effectsOf(effects, 'device-state')).toEqual([{ kind: 'device-state', device: { ...node, deviceId: 'Door' }, state: 'offline', at: START + 2000 }]);
    expect(effectsOf(effects, 'metrics-stale')).toEqual([{
      kind: 'metrics-stale', source: { ...node, deviceId: 'Door' }, names: ['Open'], at: START + 2000, cause: 'device-death',
    }]);
    expect(h.session.node(node)?.devices).toEqual([
      { deviceId: 'Spindle', online: true, metrics: ['Temperature', 'Count'] }, { deviceId: 'Door', online: false, metrics: ['Open'] },
    ]);
    expect(dropReasons(h.feed(h.sim.deviceData('Spindle', { Temperature: 1 })))).toEqual([]);
  });

  it('forgets the devices on a new NBIRTH until each is born again', () => {
    const h = sessionHarness();
    h.sim.newSession();
    h.feed(h.sim.birth());
    const [nbirth] = h.sim.birth();
    if (!nbirth) throw new Error('NBIRTH expected');
    expect(effectsOf(h.feed(nbirth), 'node-state')[0]?.devicesReset).toEqual(['Spindle', 'Door']);
    expect(h.session.node(node)?.devices).toEqual([]);
    const metrics = [typedMetric({ alias: 2, datatype: 'Double', value: 1, includeDatatype: false })];
    const ddata = { topic: 'spBv1.0/Plant1/DDATA/Press04/Spindle', payload: encodePayload({ timestamp: START, seq: 1, metrics }), qos: 0 as const, retain: false as const };
    expect(dropReasons(h.feed(ddata))).toEqual(['unknown-device']);
  });

  it('dates values without a metric timestamp with the payload timestamp', () => {
    const h = sessionHarness();
    h.sim.newSession();
    h.feed(h.sim.birth());
    const metric = typedMetric({ alias: 1, datatype: 'UInt32', value: 7, includeDatatype: false });
    const message = h.custom([metric]);
    const payload = encodePayload({ timestamp: START - 5, seq: h.sim.nextSeq() - 1, metrics: [metric] });
    expect(effectsOf(h.feed({ ...message, payload }), 'metric-update')[0]?.timestamp).toBe(START - 5);
  });
});
