import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPlant } from '../../../../test/support/plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';
import { createEdgeNodeSimulator } from './edge-node.simulator.js';
import { createHostSession } from './host-session.js';
import { encodePayload } from './sparkplug.codec.js';
import { forwardEffects, type BridgeCounters } from './sparkplug-ingest.bridge.js';
import { payloadOf, sampleMetric, metricSample } from './sparkplug-payload.arbitraries.test-support.js';

const TYPES = ['NBIRTH', 'NDATA', 'NDEATH', 'DBIRTH', 'DDATA', 'DDEATH', 'NCMD', 'STATE', 'BOGUS'] as const;

/** Topics near the real shapes (right group and node, any message type, a device or not) and plain garbage. */
const topic = fc.oneof(
  fc.tuple(fc.constantFrom(...TYPES), fc.constantFrom('', '/Spindle', '/Other', '/a/b')).map(([type, device]) => `spBv1.0/G/${type}/N${device}`),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('spBv1.0', 'spBv1.0/STATE/takt', 'spBv1.0/G/NDATA/+', '#', ''),
);

/** Payloads: random bytes, and well-formed protobuf with any metrics (names like the mapped ones too), seq and values. */
const payload = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  payloadOf(fc.tuple(metricSample, fc.constantFrom('State', 'Temp', 'bdSeq', undefined)).map(([s, name]) => sampleMetric(name === undefined ? s : { ...s, name })))
    .map((p) => encodePayload(p)),
);

/** Values as a careless transport might hand them over: any name, any value, any time, for the mapped source. */
const looseMetric = fc.record({
  name: fc.oneof(fc.constantFrom('State', 'Temp', ''), fc.string({ maxLength: 10 })),
  value: fc.oneof(fc.integer({ min: -5, max: 20 }), fc.double(), fc.boolean(), fc.string({ maxLength: 5 }), fc.constant(null), fc.anything()),
  timestamp: fc.oneof(fc.integer({ min: Date.now() - 3_600_000, max: Date.now() }), fc.double(), fc.constant(-1)),
  historical: fc.boolean(),
});

describeStores('Sparkplug host with the machine data ingest under garbage', (dialect) => {
  let t: TestTakt;
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
    const r = await t.call('PUT', '/api/v1/machines/mappings/GN', {
      as: 'engineer', body: { equipmentId: 'MIX-1', node: 'G/N', device: 'Spindle', metrics: [{ metric: 'State', role: 'state' }] },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });
  afterAll(async () => t?.close());

  it('never throws, never fails a batch, and still applies a valid session afterwards (property)', async () => {
    const session = createHostSession({ hostId: 'takt', stateTimestamp: Date.now() });
    const bridge: BridgeCounters = { unsupportedType: 0, metricsForwarded: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ topic, payload }), { maxLength: 12 }), fc.array(looseMetric, { maxLength: 8 }), async (messages, loose) => {
        for (const m of messages) forwardEffects(session.receive({ topic: m.topic, payload: m.payload, receivedAt: Date.now() }), t.takt.machines, bridge);
        t.takt.machines.ingest({ protocol: 'sparkplug', node: 'G/N', device: 'Spindle' }, loose as never);
        await t.takt.machines.flush();
      }),
      { numRuns: 60 },
    );
    expect(session.counters().dropped['internal-error']).toBe(0);
    expect(t.takt.machines.counters().dropped['batch-failed']).toBe(0);
    expect(t.takt.machines.counters().dropped['invalid-metric']).toBeGreaterThan(0); // the garbage did reach the ingest

    const sim = createEdgeNodeSimulator({ groupId: 'G', edgeNodeId: 'N', devices: [{ deviceId: 'Spindle', metrics: [{ name: 'State', datatype: 'Int32', value: 6 }] }] });
    sim.newSession();
    for (const m of sim.birth()) forwardEffects(session.receive({ topic: m.topic, payload: m.payload, receivedAt: Date.now() }), t.takt.machines, bridge);
    await t.takt.machines.flush();
    const states = await t.call('GET', `/api/v1/equipment/MIX-1/states?from=${new Date(Date.now() - 60_000).toISOString()}&to=${new Date(Date.now() + 1000).toISOString()}`);
    expect(states.body.current).toMatchObject({ state: 'running' });
  });
});
