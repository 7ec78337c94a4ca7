import { describe, expect, it } from 'vitest';
import { dropReasons, effectsOf, sessionHarness, START } from './host-session.test-support.js';
import { decodePayload, encodePayload } from './sparkplug.codec.js';
import { readMetricValue, typedMetric } from './sparkplug-metric.builder.js';

const node = { groupId: 'Plant1', edgeNodeId: 'Press04' };

function bornHarness() {
  const h = sessionHarness();
  h.sim.newSession();
  h.feed(h.sim.birth());
  return h;
}

describe('host session: seq and rebirth', () => {
  it('accepts seq wrapping from 255 to 0 across node and device messages', () => {
    const h = bornHarness();
    const effects = Array.from({ length: 600 }, (_, i) => h.feed(i % 2 ? h.sim.nodeData({ Uptime: i }) : h.sim.deviceData('Door', { Open: i % 4 === 0 })))
      .flat();
    expect(dropReasons(effects)).toEqual([]);
    expect(effectsOf(effects, 'metric-update')).toHaveLength(600);
  });

  it('asks for a rebirth on a seq gap and drops everything until the NBIRTH arrives', () => {
    const h = bornHarness();
    h.sim.skipSeq();
    const gap = h.feed(h.sim.deviceData('Spindle', { Temperature: 30 }));
    expect(dropReasons(gap)).toEqual(['seq-gap']);
    expect(effectsOf(gap, 'metric-update')).toEqual([]);
    const [command] = effectsOf(gap, 'publish');
    expect(command).toMatchObject({ purpose: 'rebirth-request', topic: 'spBv1.0/Plant1/NCMD/Press04', qos: 0, retain: false });
    const decoded = command && decodePayload(command.payload);
    expect(decoded?.ok && decoded.payload.metrics.map((m) => [m.name, readMetricValue(m)])).toEqual([
      ['Node Control/Rebirth', { ok: true, value: true }],
    ]);

    expect(dropReasons(h.feed(h.sim.deviceData('Spindle', { Temperature: 31 })))).toEqual(['awaiting-rebirth']);
    const answer = h.sim.handleCommand(command?.topic ?? '', command?.payload ?? new Uint8Array());
    expect(answer.map((m) => m.topic.split('/')[2])).toEqual(['NBIRTH', 'DBIRTH', 'DBIRTH']);
    const reborn = h.feed(answer);
    expect(dropReasons(reborn)).toEqual([]);
    expect(effectsOf(reborn, 'node-state')).toMatchObject([{ state: 'online', devicesReset: ['Spindle', 'Door'] }]);
    expect(effectsOf(h.feed(h.sim.deviceData('Spindle', { Temperature: 32 })), 'metric-update')).toHaveLength(1);
  });

  it('sends at most one rebirth request per node within the interval', () => {
    const h = bornHarness();
    h.sim.skipSeq();
    const requests = () => effectsOf(h.feed(h.sim.deviceData('Spindle', { Temperature: 1 })), 'publish').length;
    expect(requests()).toBe(1);
    h.advance(4999);
    expect(requests() + requests()).toBe(0);
    h.advance(1);
    expect(requests()).toBe(1);
    expect(h.session.counters()).toMatchObject({ rebirthRequests: 2, rebirthSuppressed: 2 });
  });

  it('asks for a rebirth when DATA or DBIRTH arrive before any NBIRTH', () => {
    const h = sessionHarness();
    h.sim.newSession();
    const [, dbirth] = h.sim.birth();
    const effects = h.feed(dbirth ?? []);
    expect(dropReasons(effects)).toEqual(['no-birth']);
    expect(effectsOf(effects, 'publish')).toHaveLength(1);
    h.advance(10_000);
    const later = h.feed(h.sim.nodeData({ Uptime: 1 }));
    expect(dropReasons(later)).toEqual(['awaiting-rebirth']);
    expect(effectsOf(later, 'publish')).toHaveLength(1);
  });

  it('takes the NBIRTH seq as the baseline, whatever its value', () => {
    const h = sessionHarness();
    const birthMetrics = [
      typedMetric({ name: 'bdSeq', datatype: 'UInt64', value: 3n }),
      typedMetric({ name: 'Node Control/Rebirth', datatype: 'Boolean', value: false }),
      typedMetric({ name: 'Speed', alias: 9, datatype: 'Float', value: 1.5 }),
    ];
    const at = (type: string, seq: number, metrics = birthMetrics) => ({
      topic: `spBv1.0/Plant1/${type}/Press04`, payload: encodePayload({ timestamp: START, seq, metrics }), qos: 0 as const, retain: false as const,
    });
    expect(dropReasons(h.feed(at('NBIRTH', 255)))).toEqual([]);
    const data = h.feed(at('NDATA', 0, [typedMetric({ alias: 9, datatype: 'Float', value: 2.5, includeDatatype: false })]));
    expect(effectsOf(data, 'metric-update')[0]).toMatchObject({ name: 'Speed', value: 2.5 });
    expect(h.session.node(node)).toMatchObject({ status: 'online', bdSeq: 3n, nextSeq: 1 });
  });

  it('asks for a rebirth on a message without seq', () => {
    const h = bornHarness();
    const message = h.custom([]);
    const effects = h.feed({ ...message, payload: encodePayload({ timestamp: START, metrics: [] }) });
    expect(dropReasons(effects)).toEqual(['missing-seq']);
    expect(effectsOf(effects, 'publish')).toHaveLength(1);
  });

  it('never seq-checks NDEATH, which carries no seq', () => {
    const h = bornHarness();
    h.feed(h.sim.nodeData({ Uptime: 1 }));
    expect(effectsOf(h.feed(h.sim.nodeDeath()), 'node-state')).toMatchObject([{ state: 'offline' }]);
  });

  it('makes every metric stale on connection loss and wants a fresh birth afterwards', () => {
    const h = bornHarness();
    h.sim.skipSeq();
    h.feed(h.sim.nodeData({ Uptime: 1 })); // a rebirth request just went out
    const lost = h.session.connectionLost(START + 10);
    expect(effectsOf(lost, 'metrics-stale').map((s) => [s.source.deviceId ?? '(node)', s.cause])).toEqual([
      ['(node)', 'host-disconnected'], ['Spindle', 'host-disconnected'], ['Door', 'host-disconnected'],
    ]);
    const after = h.feed(h.sim.nodeData({ Uptime: 2 }));
    expect(dropReasons(after)).toEqual(['awaiting-rebirth']);
    expect(effectsOf(after, 'publish')).toHaveLength(1); // the rate limit starts over with the new MQTT session
  });

  it('lists devices as stale too when the host loses its connection while they are online', () => {
    const h = bornHarness();
    const lost = h.session.connectionLost(START);
    expect(effectsOf(lost, 'metrics-stale').map((s) => s.source.deviceId ?? '(node)')).toEqual(['(node)', 'Spindle', 'Door']);
  });
});
