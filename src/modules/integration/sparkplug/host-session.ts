import { applyDeviceDeath, applyNodeDeath } from './death.handler.js';
import { applyDeviceBirth } from './device-birth.handler.js';
import { applyData } from './data-message.handler.js';
import { applyHostState } from './host-state.handler.js';
import { createSessionState, drop, nodeKey, type MessageContext, type SessionState } from './host-session.state.js';
import type {
  HostSession, HostSessionCounters, HostSessionEffect, HostSessionOptions, InboundMessage, NodeRef, NodeView,
} from './host-session.types.js';
import { applyNodeBirth } from './node-birth.handler.js';
import { decodePayload } from './sparkplug.codec.js';
import { isValidSparkplugId, parseSparkplugTopic } from './sparkplug-topic.parser.js';

export const DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;
export const DEFAULT_REBIRTH_INTERVAL_MS = 5000;

function apply(state: SessionState, ctx: MessageContext, payload: Uint8Array): void {
  const { maxPayloadBytes } = state.config;
  if (payload.byteLength > maxPayloadBytes) {
    drop(state, ctx, 'payload-too-large', `${payload.byteLength} bytes, limit ${maxPayloadBytes}`);
    return;
  }
  const parsed = parseSparkplugTopic(ctx.topic);
  if (!parsed.ok) {
    drop(state, ctx, 'malformed-topic', `${parsed.reason}: ${parsed.detail}`);
    return;
  }
  const topic = parsed.topic;
  if (topic.kind === 'state') {
    applyHostState(state, ctx, topic.hostId, payload);
    return;
  }
  if (topic.messageType === 'NCMD' || topic.messageType === 'DCMD') {
    drop(state, ctx, 'command-not-for-host', `${topic.messageType} is addressed to the edge node`);
    return;
  }
  const decoded = decodePayload(payload);
  if (!decoded.ok) {
    drop(state, ctx, 'malformed-payload', `${decoded.reason}: ${decoded.detail}`);
    return;
  }
  const node: NodeRef = { groupId: topic.groupId, edgeNodeId: topic.edgeNodeId };
  switch (topic.messageType) {
    case 'NBIRTH': return applyNodeBirth(state, ctx, node, decoded.payload);
    case 'NDEATH': return applyNodeDeath(state, ctx, node, decoded.payload);
    case 'NDATA': return applyData(state, ctx, node, decoded.payload);
    case 'DBIRTH': return applyDeviceBirth(state, ctx, { ...node, deviceId: topic.deviceId }, decoded.payload);
    case 'DDATA': return applyData(state, ctx, { ...node, deviceId: topic.deviceId }, decoded.payload);
    case 'DDEATH': return applyDeviceDeath(state, ctx, { ...node, deviceId: topic.deviceId }, decoded.payload);
  }
}

/**
 * Host applications must treat every metric of every edge node as STALE when they lose their MQTT
 * session (3.0, 5.2 Host Session Establishment, step 4). With a clean session nothing sent meanwhile
 * is replayed, so each node must rebirth before its data counts again.
 */
function loseConnection(state: SessionState, at: number): HostSessionEffect[] {
  const effects: HostSessionEffect[] = [];
  for (const [key, ns] of state.nodes) {
    if (ns.status !== 'online' && ns.status !== 'awaiting-rebirth') continue;
    const [groupId = '', edgeNodeId = ''] = key.split('/');
    effects.push({ kind: 'metrics-stale', source: { groupId, edgeNodeId }, names: [...ns.catalog.byName.keys()], at, cause: 'host-disconnected' });
    for (const [deviceId, device] of ns.devices) {
      if (!device.online) continue;
      effects.push({
        kind: 'metrics-stale', source: { groupId, edgeNodeId, deviceId }, names: [...device.catalog.byName.keys()], at, cause: 'host-disconnected',
      });
    }
    ns.status = 'awaiting-rebirth';
    // The rate limit protects edge nodes from a flood; the first request of a new session is due.
    ns.lastRebirthRequestAt = undefined;
  }
  return effects;
}

/**
 * Creates the Sparkplug B host application session: a state machine with no I/O and no clock of
 * its own. Feed it every message received on `spBv1.0/#`; it returns the effects to carry out
 * (records, state updates, commands to publish, counted drops) and never throws.
 * Throws RangeError at creation only, for a host id that cannot stand in a topic.
 */
export function createHostSession(options: HostSessionOptions): HostSession {
  if (!isValidSparkplugId(options.hostId)) throw new RangeError(`"${options.hostId}" is not a valid Sparkplug host id`);
  const state = createSessionState({
    hostId: options.hostId,
    stateTimestamp: options.stateTimestamp,
    maxPayloadBytes: options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES,
    rebirthIntervalMs: options.rebirthIntervalMs ?? DEFAULT_REBIRTH_INTERVAL_MS,
  });
  return {
    receive(message: InboundMessage): readonly HostSessionEffect[] {
      state.received += 1;
      const ctx: MessageContext = { topic: message.topic, receivedAt: message.receivedAt, effects: [] };
      try {
        apply(state, ctx, message.payload);
      } catch (error) {
        drop(state, ctx, 'internal-error', error instanceof Error ? error.message : String(error));
      }
      return ctx.effects;
    },
    connectionLost: (at: number) => loseConnection(state, at),
    counters: (): HostSessionCounters => ({
      received: state.received,
      dropped: { ...state.dropped },
      rebirthRequests: state.rebirthRequests,
      rebirthSuppressed: state.rebirthSuppressed,
    }),
    node(ref: NodeRef): NodeView | undefined {
      const ns = state.nodes.get(nodeKey(ref));
      if (!ns) return undefined;
      return {
        status: ns.status,
        ...(ns.bdSeq !== undefined ? { bdSeq: ns.bdSeq } : {}),
        ...(ns.nextSeq !== undefined ? { nextSeq: ns.nextSeq } : {}),
        nodeMetrics: [...ns.catalog.byName.keys()],
        devices: [...ns.devices].map(([deviceId, d]) => ({ deviceId, online: d.online, metrics: [...d.catalog.byName.keys()] })),
      };
    },
  };
}
