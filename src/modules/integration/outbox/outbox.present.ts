import { iso } from '../../../platform/http/time.js';
import { redactTarget } from './subscription-target.guard.js';
import type { Delivery, Subscription } from './subscription.types.js';

/** A subscription as the API shows it: never its secret, a password in its target hidden. */
export function presentSubscription(s: Subscription) {
  return {
    id: s.id, kind: s.kind, target: redactTarget(s.target), events: s.events, format: s.format, signed: s.secret !== null,
    position: s.lastSeq, createdAt: iso(s.createdAt), createdBy: s.createdBy, deletedAt: iso(s.deletedAt),
  };
}

/** A delivery as the API shows it; its id is the message id receivers see. The payload only when asked for one. */
export function presentDelivery(d: Delivery, withPayload = false) {
  return {
    id: d.id, messageId: d.id, subscriptionId: d.subscriptionId, seq: d.seq, eventType: d.eventType, entityId: d.entityId,
    contentType: d.contentType, status: d.status, attempts: d.attempts, nextAttemptAt: iso(d.nextAttemptAt), lastError: d.lastError,
    createdAt: iso(d.createdAt), updatedAt: iso(d.updatedAt), deliveredAt: iso(d.deliveredAt),
    ...(withPayload ? { payload: d.payload } : {}),
  };
}
