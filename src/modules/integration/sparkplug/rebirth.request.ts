import type { MessageContext, NodeState, SessionState } from './host-session.state.js';
import type { NodeRef } from './host-session.types.js';
import { encodePayload } from './sparkplug.codec.js';
import { typedMetric } from './sparkplug-metric.builder.js';
import { formatSparkplugTopic } from './sparkplug-topic.parser.js';

export const REBIRTH_METRIC = 'Node Control/Rebirth';

/**
 * The NCMD that asks an edge node for a new NBIRTH and DBIRTHs (Sparkplug 3.0, 6.4.13 and
 * tck-id-operational-behavior-data-commands-ncmd-rebirth-*): metric `Node Control/Rebirth`, Boolean
 * `true`, by name (the birth must not alias it), with a payload timestamp and no seq. QoS 0, not retained.
 */
export function rebirthCommand(node: NodeRef, at: number): { readonly topic: string; readonly payload: Uint8Array } {
  return {
    topic: formatSparkplugTopic({ kind: 'node', groupId: node.groupId, messageType: 'NCMD', edgeNodeId: node.edgeNodeId }),
    payload: encodePayload({
      timestamp: at,
      metrics: [typedMetric({ name: REBIRTH_METRIC, timestamp: at, datatype: 'Boolean', value: true })],
    }),
  };
}

/**
 * Emits a rebirth request for `node`, unless one went out within the configured interval: an edge
 * node that keeps sending while its rebirth is on the way must not be flooded with NCMDs.
 */
export function requestRebirth(state: SessionState, ctx: MessageContext, node: NodeRef, ns: NodeState): void {
  const last = ns.lastRebirthRequestAt;
  const elapsed = last === undefined ? Infinity : ctx.receivedAt - last;
  // A clock that went backwards gives a negative interval; do not let it silence the node forever.
  if (elapsed >= 0 && elapsed < state.config.rebirthIntervalMs) {
    state.rebirthSuppressed += 1;
    return;
  }
  ns.lastRebirthRequestAt = ctx.receivedAt;
  state.rebirthRequests += 1;
  const command = rebirthCommand(node, ctx.receivedAt);
  ctx.effects.push({ kind: 'publish', purpose: 'rebirth-request', topic: command.topic, payload: command.payload, qos: 0, retain: false });
}
