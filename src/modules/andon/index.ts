/**
 * Andon: help called to a work center (material, quality, maintenance, supervisor, safety), acknowledged and resolved
 * by a responder, with the times to acknowledge and to resolve kept on each call; one active call per work center and
 * kind.
 */
export { registerAndonRoutes } from './andon.routes.js';
export { raiseAndonCall, type RaiseAndonCall } from './commands/raise-andon-call.js';
export { acknowledgeAndonCall } from './commands/acknowledge-andon-call.js';
export { resolveAndonCall } from './commands/resolve-andon-call.js';
export { cancelAndonCall } from './commands/cancel-andon-call.js';
export { ANDON_KINDS, ANDON_STATUSES, type AndonCall, type AndonKind, type AndonStatus } from './domain/andon-call.js';
export { findCall as findAndonCall, listCalls as listAndonCalls } from './andon-call.repository.js';
