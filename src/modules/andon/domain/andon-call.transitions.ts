import { violation, type Violation } from '../../../platform/errors/violation.js';
import type { AndonCall, AndonStatus } from './andon-call.js';

/** Who acts on a call, and when. */
export interface Acting {
  readonly by: string;
  readonly at: number;
  /** Admin may cancel a call someone else raised (a call raised by mistake at an unattended station). */
  readonly admin?: boolean;
}

export type AndonTransition = 'acknowledge' | 'resolve' | 'cancel';

/** The one table of status changes: from which status each transition may start, and where it goes. */
export const ANDON_TRANSITIONS: Readonly<Record<AndonTransition, { readonly from: readonly AndonStatus[]; readonly to: AndonStatus }>> = {
  acknowledge: { from: ['open'], to: 'acknowledged' },
  resolve: { from: ['acknowledged'], to: 'resolved' },
  cancel: { from: ['open'], to: 'cancelled' },
};

export type Outcome = { readonly ok: true; readonly call: AndonCall } | { readonly ok: false; readonly violations: readonly Violation[] };

function wrongState(call: AndonCall, t: AndonTransition): Violation[] {
  const { from, to } = ANDON_TRANSITIONS[t];
  return from.includes(call.status)
    ? []
    : [violation('INVALID_TRANSITION', `andon call '${call.id}' cannot go from ${call.status} to ${to}`, { details: { kind: 'andon call', id: call.id, from: call.status, to } })];
}

/**
 * A step's time, never before the step it follows: a clock that stepped back (another node's, a correction) must not
 * make a call acknowledged before it was raised, or resolved before it was acknowledged, nor a response time negative.
 */
const notBefore = (at: number, previous: number): number => Math.max(at, previous);

/** open → acknowledged: someone took the call; the time to acknowledge is kept. */
export function acknowledge(call: AndonCall, a: Acting): Outcome {
  const violations = wrongState(call, 'acknowledge');
  if (violations.length > 0) return { ok: false, violations };
  const at = notBefore(a.at, call.raisedAt);
  return { ok: true, call: { ...call, status: 'acknowledged', acknowledgedAt: at, acknowledgedBy: a.by, timeToAcknowledgeMs: at - call.raisedAt } };
}

/** acknowledged → resolved, with what was done; the time to resolve (from the raise) is kept. */
export function resolve(call: AndonCall, a: Acting, resolution: string): Outcome {
  const violations = wrongState(call, 'resolve');
  if (violations.length > 0) return { ok: false, violations };
  const at = notBefore(a.at, call.acknowledgedAt ?? call.raisedAt);
  return { ok: true, call: { ...call, status: 'resolved', resolvedAt: at, resolvedBy: a.by, resolution, timeToResolveMs: at - call.raisedAt } };
}

/** open → cancelled, by whoever raised it (a call nobody took yet; once taken, it is resolved instead). */
export function cancel(call: AndonCall, a: Acting, reason: string | null): Outcome {
  const violations = [
    ...wrongState(call, 'cancel'),
    ...(a.by === call.raisedBy || a.admin
      ? []
      : [violation('ANDON_NOT_RAISER', `andon call '${call.id}' was raised by ${call.raisedBy}; only they may cancel it`, { details: { id: call.id, raisedBy: call.raisedBy } })]),
  ];
  if (violations.length > 0) return { ok: false, violations };
  return { ok: true, call: { ...call, status: 'cancelled', cancelledAt: notBefore(a.at, call.raisedAt), cancelledBy: a.by, cancelReason: reason } };
}
