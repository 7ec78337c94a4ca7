import { hostStateMessage, parseHostState } from './host-state.message.js';
import { drop, type MessageContext, type SessionState } from './host-session.state.js';

/**
 * Applies a message on `spBv1.0/STATE/<host_id>`. An empty payload is a cleared retained message
 * and means nothing. Other hosts' STATE is not this host's to act on. When this host is declared
 * offline by a death at least as recent as its own session (its Will delivered while it is in fact
 * connected, or a second client using its host id), it restates its birth so edge nodes waiting for
 * this Primary Host do not walk away; deaths from older sessions (a retained Will of a previous run)
 * are ignored.
 */
export function applyHostState(state: SessionState, ctx: MessageContext, hostId: string, payload: Uint8Array): void {
  if (payload.byteLength === 0) return;
  const parsed = parseHostState(payload);
  if (!parsed.ok) {
    drop(state, ctx, 'malformed-state', parsed.detail);
    return;
  }
  const { hostId: ownId, stateTimestamp } = state.config;
  if (hostId !== ownId || parsed.state.online || parsed.state.timestamp < stateTimestamp) return;
  const birth = hostStateMessage(ownId, { online: true, timestamp: stateTimestamp });
  ctx.effects.push({ kind: 'publish', purpose: 'host-state', ...birth });
}
