import { createEdgeNodeSimulator, type EdgeNodeSimulator, type OutboundMessage } from './edge-node.simulator.js';
import { createHostSession } from './host-session.js';
import type { HostSession, HostSessionEffect, HostSessionOptions } from './host-session.types.js';
import { encodePayload } from './sparkplug.codec.js';
import type { SparkplugMetric } from './sparkplug-payload.types.js';
import { formatSparkplugTopic } from './sparkplug-topic.parser.js';

/** A host session wired to a simulated edge node on a hand-driven clock (test support only). */
export interface SessionHarness {
  readonly session: HostSession;
  readonly sim: EdgeNodeSimulator;
  now(): number;
  advance(ms: number): void;
  feed(messages: OutboundMessage | readonly OutboundMessage[]): HostSessionEffect[];
  /** A DDATA (or NDATA without `deviceId`) with hand-made metrics, carrying the simulator's next seq. */
  custom(metrics: SparkplugMetric[], deviceId?: string): OutboundMessage;
}

export const START = 1_700_000_000_000;

export function sessionHarness(options: Partial<HostSessionOptions> = {}): SessionHarness {
  let clock = START;
  const session = createHostSession({ hostId: 'takt', stateTimestamp: START - 10_000, ...options });
  const sim = createEdgeNodeSimulator({
    groupId: 'Plant1',
    edgeNodeId: 'Press04',
    now: () => clock,
    nodeMetrics: [{ name: 'Uptime', datatype: 'UInt32', value: 0 }],
    devices: [
      { deviceId: 'Spindle', metrics: [{ name: 'Temperature', datatype: 'Double', value: 20 }, { name: 'Count', datatype: 'Int8', value: -3 }] },
      { deviceId: 'Door', metrics: [{ name: 'Open', datatype: 'Boolean', value: false }] },
    ],
  });
  const feed = (messages: OutboundMessage | readonly OutboundMessage[]): HostSessionEffect[] =>
    (Array.isArray(messages) ? messages : [messages as OutboundMessage])
      .flatMap((m) => session.receive({ topic: m.topic, payload: m.payload, receivedAt: clock }));
  return {
    session,
    sim,
    now: () => clock,
    advance(ms) {
      clock += ms;
    },
    feed,
    custom(metrics, deviceId) {
      const seq = sim.nextSeq();
      sim.skipSeq(1);
      const base = { groupId: sim.groupId, edgeNodeId: sim.edgeNodeId };
      const topic = deviceId === undefined
        ? formatSparkplugTopic({ kind: 'node', messageType: 'NDATA', ...base })
        : formatSparkplugTopic({ kind: 'device', messageType: 'DDATA', deviceId, ...base });
      return { topic, payload: encodePayload({ timestamp: clock, seq, metrics }), qos: 0, retain: false };
    },
  };
}

/** The effects of one kind, narrowed. */
export function effectsOf<K extends HostSessionEffect['kind']>(effects: readonly HostSessionEffect[], kind: K): Extract<HostSessionEffect, { kind: K }>[] {
  return effects.filter((e): e is Extract<HostSessionEffect, { kind: K }> => e.kind === kind);
}

export const dropReasons = (effects: readonly HostSessionEffect[]): string[] => effectsOf(effects, 'dropped').map((d) => d.reason);
