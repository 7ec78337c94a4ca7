import type { SparkplugDataType } from './sparkplug-datatype.codes.js';
import type { MetricValue } from './sparkplug-metric-value.mapper.js';
import type { SparkplugMetaData, SparkplugPropertySet } from './sparkplug-payload.types.js';

/** One MQTT message as the host received it. */
export interface InboundMessage {
  readonly topic: string;
  readonly payload: Uint8Array;
  /** Host clock, milliseconds since epoch, when the message arrived. */
  readonly receivedAt: number;
}

export interface NodeRef {
  readonly groupId: string;
  readonly edgeNodeId: string;
}

/** Where metrics live: an edge node itself, or one of its devices (`deviceId` set). */
export interface MetricSource extends NodeRef {
  readonly deviceId?: string;
}

/** A metric as declared by a birth certificate. */
export interface MetricDefinition {
  readonly name: string;
  readonly alias?: bigint;
  readonly datatype: SparkplugDataType;
  readonly properties?: SparkplugPropertySet;
  readonly metadata?: SparkplugMetaData;
}

/** Why a message, or one metric of it, was not applied. Every drop is counted under its reason. */
export type DropReason =
  | 'payload-too-large' // over the configured size limit
  | 'malformed-topic' // not a Sparkplug B topic shape
  | 'malformed-payload' // protobuf that does not decode, or out-of-range timestamps/seq
  | 'malformed-state' // a STATE payload that is not the 3.0 JSON
  | 'command-not-for-host' // NCMD/DCMD seen on the shared namespace; commands are for edge nodes
  | 'missing-seq' // a node message other than NDEATH without seq, or seq outside 0..255
  | 'seq-gap' // seq not one more than the previous message of the node
  | 'no-birth' // DATA, DBIRTH or DDEATH from a node without a current NBIRTH
  | 'awaiting-rebirth' // node is waiting for the rebirth the host requested
  | 'invalid-birth' // birth without bdSeq, or metrics without name/datatype, duplicate names/aliases
  | 'unknown-device' // DDATA/DDEATH for a device without a current DBIRTH
  | 'unknown-alias' // a DATA metric whose alias no birth declared
  | 'unknown-metric' // a DATA metric whose name no birth declared, or with neither name nor alias
  | 'datatype-mismatch' // a DATA metric whose datatype differs from its birth
  | 'invalid-value' // a value that does not fit its datatype
  | 'invalid-death' // NDEATH without a readable bdSeq
  | 'stale-death' // NDEATH whose bdSeq is not the current NBIRTH's
  | 'internal-error'; // a defect in the session itself; the message is dropped rather than crash the host

export type HostSessionEffect =
  | {
    readonly kind: 'node-state'; readonly node: NodeRef; readonly state: 'online' | 'offline';
    readonly bdSeq: bigint; readonly at: number;
    /** On NBIRTH: devices known before, now forgotten until their next DBIRTH. */
    readonly devicesReset: readonly string[];
  }
  | { readonly kind: 'device-state'; readonly device: Required<MetricSource>; readonly state: 'online' | 'offline'; readonly at: number }
  | { readonly kind: 'birth-recorded'; readonly source: MetricSource; readonly metrics: readonly MetricDefinition[]; readonly at: number }
  | {
    // State update: the current value of a metric (never for historical values).
    readonly kind: 'metric-update'; readonly source: MetricSource; readonly name: string; readonly datatype: SparkplugDataType;
    readonly value: MetricValue | null; readonly timestamp: number;
  }
  | {
    // Record to store (never for transient values); `historical` values must not move live state.
    readonly kind: 'metric-record'; readonly source: MetricSource; readonly name: string; readonly datatype: SparkplugDataType;
    readonly value: MetricValue | null; readonly timestamp: number; readonly historical: boolean; readonly receivedAt: number;
  }
  | {
    readonly kind: 'metrics-stale'; readonly source: MetricSource; readonly names: readonly string[]; readonly at: number;
    readonly cause: 'node-death' | 'device-death' | 'host-disconnected';
  }
  | {
    readonly kind: 'publish'; readonly purpose: 'rebirth-request' | 'host-state'; readonly topic: string;
    readonly payload: Uint8Array; readonly qos: 0 | 1; readonly retain: boolean;
  }
  | { readonly kind: 'dropped'; readonly reason: DropReason; readonly topic: string; readonly detail: string; readonly at: number };

export interface HostSessionOptions {
  readonly hostId: string;
  /** The timestamp of this host's STATE Will and birth (the MQTT CONNECT time). */
  readonly stateTimestamp: number;
  /** Payloads above this many bytes are dropped undecoded. Default 1 MiB. */
  readonly maxPayloadBytes?: number;
  /** At most one rebirth request per edge node within this window. Default 5000 ms. */
  readonly rebirthIntervalMs?: number;
}

export interface HostSessionCounters {
  readonly received: number;
  readonly dropped: Readonly<Record<DropReason, number>>;
  readonly rebirthRequests: number;
  readonly rebirthSuppressed: number;
}

export interface NodeView {
  readonly status: 'online' | 'offline' | 'awaiting-rebirth' | 'unborn';
  readonly bdSeq?: bigint;
  readonly nextSeq?: number;
  readonly nodeMetrics: readonly string[];
  readonly devices: readonly { readonly deviceId: string; readonly online: boolean; readonly metrics: readonly string[] }[];
}

export interface HostSession {
  /** Applies one received message; returns what follows from it. Never throws. */
  receive(message: InboundMessage): readonly HostSessionEffect[];
  /** The host lost its MQTT session: every known metric goes stale and every node must rebirth. */
  connectionLost(at: number): readonly HostSessionEffect[];
  counters(): HostSessionCounters;
  node(node: NodeRef): NodeView | undefined;
}
