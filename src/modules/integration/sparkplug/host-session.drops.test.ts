import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostStateMessage } from './host-state.message.js';
import { ALL_DROP_REASONS } from './host-session.state.js';
import { dropReasons, effectsOf, sessionHarness, START } from './host-session.test-support.js';
import { encodePayload } from './sparkplug.codec.js';
import { typedMetric } from './sparkplug-metric.builder.js';
import { anyWireMetric, payloadOf } from './sparkplug-payload.arbitraries.test-support.js';

const node = { groupId: 'Plant1', edgeNodeId: 'Press04' };
const message = (topic: string, payload: Uint8Array) => ({ topic, payload, qos: 0 as const, retain: false as const });

function bornHarness(options: Parameters<typeof sessionHarness>[0] = {}) {
  const h = sessionHarness(options);
  h.sim.newSession();
  h.feed(h.sim.birth());
  return h;
}

describe('host session: drops, counted by reason', () => {
  it('drops an unknown alias and asks for a rebirth, still applying the metrics that resolve', () => {
    const h = bornHarness();
    const effects = h.feed(h.custom([
      typedMetric({ alias: 99, datatype: 'Double', value: 1, includeDatatype: false }),
      typedMetric({ alias: 2, datatype: 'Double', value: 25, includeDatatype: false }),
    ], 'Spindle'));
    expect(dropReasons(effects)).toEqual(['unknown-alias']);
    expect(effectsOf(effects, 'metric-update').map((u) => [u.name, u.value])).toEqual([['Temperature', 25]]);
    expect(effectsOf(effects, 'publish')).toHaveLength(1);
    expect(h.session.node(node)?.status).toBe('awaiting-rebirth');
  });

  it('drops a metric whose datatype differs from its birth, without asking for a rebirth', () => {
    const h = bornHarness();
    const effects = h.feed(h.custom([typedMetric({ alias: 2, datatype: 'String', value: 'hot' })], 'Spindle'));
    expect(dropReasons(effects)).toEqual(['datatype-mismatch']);
    expect(effectsOf(effects, 'publish')).toEqual([]);
    expect(h.session.node(node)?.status).toBe('online');
  });

  it('drops a value that does not fit the birth datatype', () => {
    const h = bornHarness();
    const effects = h.feed(h.custom([{ alias: 3n, timestamp: START, value: { kind: 'int', value: 0x1ff } }], 'Spindle'));
    expect(dropReasons(effects)).toEqual(['invalid-value']);
    expect(effectsOf(effects, 'dropped')[0]?.detail).toContain('"Count"');
  });

  it('drops a metric known by neither name nor alias, and one named but never born', () => {
    const h = bornHarness();
    const effects = h.feed(h.custom([{ timestamp: START, value: { kind: 'boolean', value: true } }, typedMetric({ name: 'Ghost', datatype: 'Boolean', value: true })], 'Door'));
    expect(dropReasons(effects)).toEqual(['unknown-metric', 'unknown-metric']);
  });

  it('drops malformed protobuf, oversized payloads and wrong topic shapes, counting each', () => {
    const h = sessionHarness({ maxPayloadBytes: 64 });
    expect(dropReasons(h.feed(message('spBv1.0/Plant1/NDATA/Press04', Uint8Array.from([0x0a, 0xff, 0x01]))))).toEqual(['malformed-payload']);
    expect(dropReasons(h.feed(message('spBv1.0/Plant1/NDATA/Press04', new Uint8Array(65))))).toEqual(['payload-too-large']);
    expect(dropReasons(h.feed(message('spBv1.0/Plant1/NDATA', new Uint8Array())))).toEqual(['malformed-topic']);
    expect(dropReasons(h.feed(message('spBv1.0/Plant1/NCMD/Press04', new Uint8Array())))).toEqual(['command-not-for-host']);
    expect(h.session.counters().dropped).toMatchObject({ 'malformed-payload': 1, 'payload-too-large': 1, 'malformed-topic': 1, 'command-not-for-host': 1 });
  });

  it('defaults the size limit to 1 MiB', () => {
    const h = sessionHarness();
    const big = encodePayload({ metrics: [typedMetric({ name: 'blob', datatype: 'Bytes', value: new Uint8Array(1024 * 1024) })] });
    expect(dropReasons(h.feed(message('spBv1.0/Plant1/NBIRTH/Press04', big)))).toEqual(['payload-too-large']);
  });

  it('refuses births whose aliases collide across the node and its devices', () => {
    const h = bornHarness();
    const seq = h.sim.nextSeq();
    h.sim.skipSeq();
    const dbirth = encodePayload({ timestamp: START, seq, metrics: [typedMetric({ name: 'Other', alias: 1, datatype: 'Boolean', value: true })] });
    const effects = h.feed(message('spBv1.0/Plant1/DBIRTH/Press04/Extra', dbirth));
    expect(dropReasons(effects)).toEqual(['invalid-birth']);
    expect(effectsOf(effects, 'publish')).toHaveLength(1);
  });

  it('refuses an NBIRTH without bdSeq, and ignores an NDEATH without one', () => {
    const h = sessionHarness();
    const nbirth = encodePayload({ timestamp: START, seq: 0, metrics: [typedMetric({ name: 'x', datatype: 'Int32', value: 1 })] });
    expect(dropReasons(h.feed(message('spBv1.0/Plant1/NBIRTH/Press04', nbirth)))).toEqual(['invalid-birth']);
    expect(dropReasons(h.feed(message('spBv1.0/Plant1/NDEATH/Press04', encodePayload({ metrics: [] }))))).toEqual(['invalid-death']);
  });

  it('restates its STATE birth when declared offline in its current session, and only then', () => {
    const h = sessionHarness({ hostId: 'takt', stateTimestamp: START });
    const state = (hostId: string, online: boolean, timestamp: number) => {
      const m = hostStateMessage(hostId, { online, timestamp });
      return h.feed(message(m.topic, m.payload));
    };
    const restated = effectsOf(state('takt', false, START), 'publish');
    expect(restated).toMatchObject([{ purpose: 'host-state', topic: 'spBv1.0/STATE/takt', qos: 1, retain: true }]);
    expect(JSON.parse(new TextDecoder().decode(restated[0]?.payload))).toEqual({ online: true, timestamp: START });
    expect(state('takt', false, START - 1)).toEqual([]); // the Will of an earlier run
    expect(state('takt', true, START)).toEqual([]);
    expect(state('other-host', false, START + 5)).toEqual([]);
    expect(h.feed(message('spBv1.0/STATE/takt', new Uint8Array()))).toEqual([]); // a cleared retained message
    expect(dropReasons(h.feed(message('spBv1.0/STATE/takt', new TextEncoder().encode('OFFLINE'))))).toEqual(['malformed-state']);
  });

  it('never throws, never fails internally, and counts every drop it reports (property)', () => {
    const topics = fc.oneof(
      fc.constantFrom(
        'spBv1.0/Plant1/NBIRTH/Press04', 'spBv1.0/Plant1/NDATA/Press04', 'spBv1.0/Plant1/NDEATH/Press04', 'spBv1.0/Plant1/DBIRTH/Press04/Spindle',
        'spBv1.0/Plant1/DDATA/Press04/Spindle', 'spBv1.0/Plant1/DDEATH/Press04/Door', 'spBv1.0/STATE/takt', 'spBv1.0/Plant1/DCMD/Press04/Door',
      ),
      fc.string(),
    );
    const payloads = fc.oneof(fc.uint8Array({ maxLength: 64 }), payloadOf(anyWireMetric).map((p) => encodePayload(p)));
    fc.assert(fc.property(fc.array(fc.tuple(topics, payloads, fc.boolean()), { maxLength: 20 }), (inputs) => {
      const h = sessionHarness();
      h.sim.newSession();
      let reported = 0;
      for (const [topic, payload, simulated] of inputs) {
        const effects = simulated ? h.feed(h.sim.birth()) : h.feed(message(topic, payload));
        reported += effectsOf(effects, 'dropped').length;
      }
      const counters = h.session.counters();
      expect(counters.dropped['internal-error']).toBe(0);
      expect(ALL_DROP_REASONS.reduce((sum, r) => sum + counters.dropped[r], 0)).toBe(reported);
    }), { numRuns: 150 });
  });
});
