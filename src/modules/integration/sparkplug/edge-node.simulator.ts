import { BD_SEQ_METRIC } from './bd-seq.reader.js';
import { REBIRTH_METRIC } from './rebirth.request.js';
import { decodePayload, encodePayload } from './sparkplug.codec.js';
import type { SparkplugDataType } from './sparkplug-datatype.codes.js';
import type { MetricValue } from './sparkplug-metric-value.mapper.js';
import { readMetricValue, typedMetric } from './sparkplug-metric.builder.js';
import type { SparkplugMetric } from './sparkplug-payload.types.js';
import { formatSparkplugTopic, parseSparkplugTopic, type DeviceMessageType, type NodeMessageType } from './sparkplug-topic.parser.js';

export interface SimulatedMetric {
  readonly name: string;
  readonly datatype: SparkplugDataType;
  readonly value: MetricValue | null;
}

export interface EdgeNodeSimulatorOptions {
  readonly groupId: string;
  readonly edgeNodeId: string;
  readonly nodeMetrics?: readonly SimulatedMetric[];
  readonly devices?: readonly { readonly deviceId: string; readonly metrics: readonly SimulatedMetric[] }[];
  /** bdSeq of the first MQTT session (default 0); each further session adds one, wrapping 255 -> 0. */
  readonly firstBdSeq?: number;
  /** DATA metrics by alias only, as 3.0 asks when aliases are used (default true). */
  readonly useAliases?: boolean;
  readonly now?: () => number;
}

export interface OutboundMessage {
  readonly topic: string;
  readonly payload: Uint8Array;
  readonly qos: 0 | 1;
  readonly retain: false;
}

export type MetricValues = Readonly<Record<string, MetricValue | null>>;

/** One value of a metric at its own time: a DATA message may carry several values of one metric, oldest first. */
export interface MetricPoint {
  readonly name: string;
  readonly value: MetricValue | null;
  readonly timestamp: number;
}

interface SimMetricState extends SimulatedMetric {
  readonly alias: bigint;
  value: MetricValue | null;
}

/** A scripted Sparkplug B 3.0 edge node: it only produces and answers messages; the caller carries them. */
export interface EdgeNodeSimulator {
  readonly groupId: string;
  readonly edgeNodeId: string;
  /** bdSeq of the current MQTT session. */
  bdSeq(): number;
  /** The seq the next message will carry. */
  nextSeq(): number;
  /** Starts a new MQTT session (bdSeq + 1 after the first) and returns its NDEATH, to register as the Will. */
  newSession(): OutboundMessage;
  /** NBIRTH (seq 0) then one DBIRTH per device, with current values. */
  birth(): OutboundMessage[];
  nodeData(values: MetricValues): OutboundMessage;
  deviceData(deviceId: string, values: MetricValues): OutboundMessage;
  /** A DDATA with every point at its own timestamp, in the order given; the last value of each metric is its current one. */
  deviceDataPoints(deviceId: string, points: readonly MetricPoint[]): OutboundMessage;
  deviceDeath(deviceId: string): OutboundMessage;
  /** The NDEATH an edge node publishes itself before disconnecting on purpose. */
  nodeDeath(): OutboundMessage;
  /** Loses `count` messages: the next message shows a seq gap. */
  skipSeq(count?: number): void;
  /** Answers an NCMD `Node Control/Rebirth` = true with a new birth sequence; other commands give nothing. */
  handleCommand(topic: string, payload: Uint8Array): OutboundMessage[];
}

/** Creates an edge node simulator with deterministic aliases (1, 2, ... across node and devices). */
export function createEdgeNodeSimulator(options: EdgeNodeSimulatorOptions): EdgeNodeSimulator {
  const { groupId, edgeNodeId } = options;
  const now = options.now ?? Date.now;
  const useAliases = options.useAliases ?? true;
  let nextAlias = 1n;
  const track = (m: SimulatedMetric): SimMetricState => ({ ...m, alias: nextAlias++ });
  const nodeMetrics = (options.nodeMetrics ?? []).map(track);
  const devices = new Map((options.devices ?? []).map((d) => [d.deviceId, d.metrics.map(track)]));
  let bdSeq = options.firstBdSeq ?? 0;
  let sessions = 0;
  let seq = 0;

  const topic = (messageType: NodeMessageType | DeviceMessageType, deviceId?: string): string =>
    deviceId === undefined
      ? formatSparkplugTopic({ kind: 'node', groupId, edgeNodeId, messageType: messageType as NodeMessageType })
      : formatSparkplugTopic({ kind: 'device', groupId, edgeNodeId, deviceId, messageType: messageType as DeviceMessageType });
  const takeSeq = (): number => {
    const current = seq;
    seq = (seq + 1) % 256;
    return current;
  };
  const message = (t: string, metrics: SparkplugMetric[], withSeq: boolean, qos: 0 | 1 = 0): OutboundMessage => {
    const payload = { timestamp: now(), metrics, ...(withSeq ? { seq: takeSeq() } : {}) };
    return { topic: t, payload: encodePayload(payload), qos, retain: false };
  };
  const bdSeqMetric = (): SparkplugMetric => typedMetric({ name: BD_SEQ_METRIC, datatype: 'Int64', value: BigInt(bdSeq), timestamp: now() });
  const birthMetric = (m: SimMetricState): SparkplugMetric =>
    typedMetric({ name: m.name, alias: useAliases ? m.alias : undefined, datatype: m.datatype, value: m.value, timestamp: now() });
  const dataMetrics = (metrics: readonly SimMetricState[], points: readonly MetricPoint[]): SparkplugMetric[] =>
    points.map(({ name, value, timestamp }) => {
      const m = metrics.find((candidate) => candidate.name === name);
      if (!m) throw new RangeError(`${name} is not a metric of this simulator`);
      m.value = value;
      const ref = useAliases ? { alias: m.alias } : { name: m.name };
      return typedMetric({ ...ref, datatype: m.datatype, value, timestamp, includeDatatype: false });
    });
  const pointsNow = (values: MetricValues): MetricPoint[] => Object.entries(values).map(([name, value]) => ({ name, value, timestamp: now() }));
  const deviceMetrics = (deviceId: string): SimMetricState[] => {
    const metrics = devices.get(deviceId);
    if (!metrics) throw new RangeError(`${deviceId} is not a device of this simulator`);
    return metrics;
  };
  const birth = (): OutboundMessage[] => {
    seq = 0;
    const rebirth = typedMetric({ name: REBIRTH_METRIC, datatype: 'Boolean', value: false, timestamp: now() });
    return [
      message(topic('NBIRTH'), [bdSeqMetric(), rebirth, ...nodeMetrics.map(birthMetric)], true),
      ...[...devices].map(([deviceId, metrics]) => message(topic('DBIRTH', deviceId), metrics.map(birthMetric), true)),
    ];
  };

  return {
    groupId,
    edgeNodeId,
    bdSeq: () => bdSeq,
    nextSeq: () => seq,
    newSession() {
      if (sessions > 0) bdSeq = (bdSeq + 1) % 256;
      sessions += 1;
      return message(topic('NDEATH'), [bdSeqMetric()], false, 1);
    },
    birth,
    nodeData: (values) => message(topic('NDATA'), dataMetrics(nodeMetrics, pointsNow(values)), true),
    deviceData: (deviceId, values) => message(topic('DDATA', deviceId), dataMetrics(deviceMetrics(deviceId), pointsNow(values)), true),
    deviceDataPoints: (deviceId, points) => message(topic('DDATA', deviceId), dataMetrics(deviceMetrics(deviceId), points), true),
    deviceDeath(deviceId) {
      deviceMetrics(deviceId);
      return message(topic('DDEATH', deviceId), [], true);
    },
    nodeDeath: () => message(topic('NDEATH'), [bdSeqMetric()], false, 1),
    skipSeq(count = 1) {
      seq = (seq + count) % 256;
    },
    handleCommand(commandTopic, payload) {
      const parsed = parseSparkplugTopic(commandTopic);
      if (!parsed.ok || parsed.topic.kind !== 'node' || parsed.topic.messageType !== 'NCMD') return [];
      if (parsed.topic.groupId !== groupId || parsed.topic.edgeNodeId !== edgeNodeId) return [];
      const decoded = decodePayload(payload);
      if (!decoded.ok) return [];
      const rebirth = decoded.payload.metrics.find((m) => m.name === REBIRTH_METRIC);
      const value = rebirth ? readMetricValue(rebirth, 'Boolean') : undefined;
      return value?.ok && value.value === true ? birth() : [];
    },
  };
}
