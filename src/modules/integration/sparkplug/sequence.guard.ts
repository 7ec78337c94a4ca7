import { drop, nodeState, type MessageContext, type NodeState, type SessionState } from './host-session.state.js';
import type { DropReason, NodeRef } from './host-session.types.js';
import { requestRebirth } from './rebirth.request.js';
import type { SparkplugPayload } from './sparkplug-payload.types.js';

/**
 * Drops the message and puts the node in `awaiting-rebirth`: everything it sends is dropped until
 * its next NBIRTH, and a (rate-limited) rebirth request goes out.
 */
export function refuseUntilRebirth(
  state: SessionState, ctx: MessageContext, node: NodeRef, ns: NodeState, reason: DropReason, detail: string,
): void {
  drop(state, ctx, reason, detail);
  ns.status = 'awaiting-rebirth';
  requestRebirth(state, ctx, node, ns);
}

/**
 * Admits one message of a node's sequenced stream (DBIRTH, NDATA, DDATA, DDEATH) and advances the
 * expected seq, or refuses it. Sparkplug 3.0, 6.4.5 (tck-id-payloads-sequence-num-incrementing):
 * every message after the NBIRTH carries the previous seq + 1, wrapping 255 -> 0, across all
 * messages of the node and its devices. The host does not buffer for reordering (its Reorder
 * Timeout is zero): a gap asks for a rebirth at once (tck-id-operational-behavior-host-reordering-rebirth),
 * and so does any message from a node without a current NBIRTH.
 */
export function admitSequenced(state: SessionState, ctx: MessageContext, node: NodeRef, payload: SparkplugPayload): NodeState | undefined {
  const ns = nodeState(state, node);
  if (ns.status === 'awaiting-rebirth') {
    refuseUntilRebirth(state, ctx, node, ns, 'awaiting-rebirth', 'waiting for NBIRTH after a rebirth request');
    return undefined;
  }
  if (ns.status !== 'online') {
    refuseUntilRebirth(state, ctx, node, ns, 'no-birth', `edge node is ${ns.status}`);
    return undefined;
  }
  const seq = payload.seq;
  if (seq === undefined || seq > 255) {
    refuseUntilRebirth(state, ctx, node, ns, 'missing-seq', seq === undefined ? 'no seq' : `seq ${seq} outside 0..255`);
    return undefined;
  }
  if (seq !== ns.nextSeq) {
    refuseUntilRebirth(state, ctx, node, ns, 'seq-gap', `expected seq ${ns.nextSeq ?? '?'}, got ${seq}`);
    return undefined;
  }
  ns.nextSeq = (seq + 1) % 256;
  return ns;
}
