import type { DropReason, HostSessionEffect, MetricDefinition, NodeRef } from './host-session.types.js';

/** Metrics declared by one birth certificate, by name and by alias. */
export interface MetricCatalog {
  readonly byName: ReadonlyMap<string, MetricDefinition>;
  readonly nameByAlias: ReadonlyMap<bigint, string>;
}

export interface DeviceState {
  online: boolean;
  catalog: MetricCatalog;
}

export type NodeStatus = 'online' | 'offline' | 'awaiting-rebirth' | 'unborn';

export interface NodeState {
  status: NodeStatus;
  bdSeq?: bigint;
  /** The seq the next message of this node must carry (0..255). */
  nextSeq?: number;
  catalog: MetricCatalog;
  devices: Map<string, DeviceState>;
  lastRebirthRequestAt?: number;
}

export interface SessionConfig {
  readonly hostId: string;
  readonly stateTimestamp: number;
  readonly maxPayloadBytes: number;
  readonly rebirthIntervalMs: number;
}

export interface SessionState {
  readonly config: SessionConfig;
  readonly nodes: Map<string, NodeState>;
  readonly dropped: Record<DropReason, number>;
  received: number;
  rebirthRequests: number;
  rebirthSuppressed: number;
}

/** The running result of applying one message: effects in order, drops counted as they happen. */
export interface MessageContext {
  readonly topic: string;
  readonly receivedAt: number;
  readonly effects: HostSessionEffect[];
}

export const EMPTY_CATALOG: MetricCatalog = { byName: new Map(), nameByAlias: new Map() };

// Ids cannot contain '/', so the joined key is unambiguous.
export const nodeKey = (node: NodeRef): string => `${node.groupId}/${node.edgeNodeId}`;

/** Returns the node's state, creating an `unborn` entry for a node seen for the first time. */
export function nodeState(state: SessionState, node: NodeRef): NodeState {
  const key = nodeKey(node);
  let found = state.nodes.get(key);
  if (!found) {
    found = { status: 'unborn', catalog: EMPTY_CATALOG, devices: new Map() };
    state.nodes.set(key, found);
  }
  return found;
}

/** Records a drop: counts it under its reason and emits the `dropped` effect. */
export function drop(state: SessionState, ctx: MessageContext, reason: DropReason, detail: string): void {
  state.dropped[reason] += 1;
  ctx.effects.push({ kind: 'dropped', reason, topic: ctx.topic, detail, at: ctx.receivedAt });
}

export const ALL_DROP_REASONS: readonly DropReason[] = [
  'payload-too-large', 'malformed-topic', 'malformed-payload', 'malformed-state', 'command-not-for-host',
  'missing-seq', 'seq-gap', 'no-birth', 'awaiting-rebirth', 'invalid-birth', 'unknown-device', 'unknown-alias',
  'unknown-metric', 'datatype-mismatch', 'invalid-value', 'invalid-death', 'stale-death', 'internal-error',
];

/** A session with no node known yet and every drop counter at zero. */
export function createSessionState(config: SessionConfig): SessionState {
  const dropped = Object.fromEntries(ALL_DROP_REASONS.map((r) => [r, 0])) as Record<DropReason, number>;
  return { config, nodes: new Map(), dropped, received: 0, rebirthRequests: 0, rebirthSuppressed: 0 };
}
