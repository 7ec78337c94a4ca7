import { describe, expect, it } from 'vitest';
import { createEdgeNodeSimulator } from './edge-node.simulator.js';
import { rebirthCommand } from './rebirth.request.js';
import { decodePayload, encodePayload } from './sparkplug.codec.js';
import { readMetricValue, typedMetric } from './sparkplug-metric.builder.js';
import type { SparkplugPayload } from './sparkplug-payload.types.js';

function decoded(payload: Uint8Array): SparkplugPayload {
  const result = decodePayload(payload);
  if (!result.ok) throw new Error(result.detail);
  return result.payload;
}

const simulator = () => createEdgeNodeSimulator({
  groupId: 'G', edgeNodeId: 'E', now: () => 1000,
  nodeMetrics: [{ name: 'Uptime', datatype: 'UInt32', value: 5 }],
  devices: [{ deviceId: 'D', metrics: [{ name: 'T', datatype: 'Float', value: 1.5 }] }],
});

describe('edge node simulator', () => {
  it('births with seq 0, bdSeq and Node Control/Rebirth = false, then DBIRTHs in seq order', () => {
    const sim = simulator();
    sim.newSession();
    const [nbirth, dbirth] = sim.birth().map((m) => ({ ...m, decoded: decoded(m.payload) }));
    expect(nbirth?.topic).toBe('spBv1.0/G/NBIRTH/E');
    expect(nbirth?.decoded.seq).toBe(0);
    expect(nbirth?.decoded.metrics.map((m) => [m.name, m.alias, readMetricValue(m)])).toEqual([
      ['bdSeq', undefined, { ok: true, value: 0n }],
      ['Node Control/Rebirth', undefined, { ok: true, value: false }],
      ['Uptime', 1n, { ok: true, value: 5 }],
    ]);
    expect(dbirth).toMatchObject({ topic: 'spBv1.0/G/DBIRTH/E/D', decoded: { seq: 1 } });
  });

  it('sends DATA by alias only, without datatype, continuing the seq', () => {
    const sim = simulator();
    sim.newSession();
    sim.birth();
    const ddata = decoded(sim.deviceData('D', { T: 2.5 }).payload);
    expect(ddata.seq).toBe(2);
    expect(ddata.metrics).toEqual([{ alias: 2n, timestamp: 1000, value: { kind: 'float', value: 2.5 } }]);
  });

  it('sends several values of one metric in one DDATA, each at its own time, and births with the last', () => {
    const sim = simulator();
    sim.newSession();
    sim.birth();
    const ddata = decoded(sim.deviceDataPoints('D', [{ name: 'T', value: 2.5, timestamp: 10 }, { name: 'T', value: 3.5, timestamp: 20 }]).payload);
    expect(ddata.metrics.map((m) => [m.alias, m.timestamp, m.value])).toEqual([
      [2n, 10, { kind: 'float', value: 2.5 }],
      [2n, 20, { kind: 'float', value: 3.5 }],
    ]);
    const dbirth = decoded(sim.birth()[1]?.payload ?? new Uint8Array());
    expect(dbirth.metrics[0] && readMetricValue(dbirth.metrics[0])).toEqual({ ok: true, value: 3.5 });
  });

  it('keeps bdSeq across rebirths and adds one per MQTT session, in the Will and the NBIRTH alike', () => {
    const sim = simulator();
    const will = sim.newSession();
    expect({ qos: will.qos, retain: will.retain, seq: decoded(will.payload).seq }).toEqual({ qos: 1, retain: false, seq: undefined });
    sim.birth();
    sim.birth();
    expect(sim.bdSeq()).toBe(0);
    const nextWill = decoded(sim.newSession().payload);
    expect(nextWill.metrics[0] && readMetricValue(nextWill.metrics[0])).toEqual({ ok: true, value: 1n });
  });

  it('answers only a Node Control/Rebirth = true addressed to itself', () => {
    const sim = simulator();
    sim.newSession();
    const rebirth = rebirthCommand({ groupId: 'G', edgeNodeId: 'E' }, 1);
    expect(sim.handleCommand(rebirth.topic, rebirth.payload).map((m) => m.topic)).toEqual(['spBv1.0/G/NBIRTH/E', 'spBv1.0/G/DBIRTH/E/D']);
    const other = rebirthCommand({ groupId: 'G', edgeNodeId: 'Other' }, 1);
    expect(sim.handleCommand(other.topic, other.payload)).toEqual([]);
    const no = encodePayload({ metrics: [typedMetric({ name: 'Node Control/Rebirth', datatype: 'Boolean', value: false })] });
    expect(sim.handleCommand('spBv1.0/G/NCMD/E', no)).toEqual([]);
    expect(sim.handleCommand('spBv1.0/G/NCMD/E', Uint8Array.from([0xff]))).toEqual([]);
  });

  it('shows a seq gap after skipping', () => {
    const sim = simulator();
    sim.newSession();
    sim.birth();
    sim.skipSeq(3);
    expect(decoded(sim.nodeData({ Uptime: 1 }).payload).seq).toBe(5);
  });
});
