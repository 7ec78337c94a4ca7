/** What help an andon call asks for. */
export const ANDON_KINDS = ['material', 'quality', 'maintenance', 'supervisor', 'safety'] as const;
export type AndonKind = (typeof ANDON_KINDS)[number];

/**
 * open → acknowledged → resolved; open → cancelled (by whoever raised it). Open and acknowledged calls are active: a
 * work center has at most one active call of each kind.
 */
export const ANDON_STATUSES = ['open', 'acknowledged', 'resolved', 'cancelled'] as const;
export type AndonStatus = (typeof ANDON_STATUSES)[number];

export const ACTIVE_STATUSES: readonly AndonStatus[] = ['open', 'acknowledged'];

/** An andon call: help called to a work center, and what became of it. Times are epoch milliseconds. */
export interface AndonCall {
  readonly id: string;
  readonly workCenterId: string;
  readonly kind: AndonKind;
  readonly status: AndonStatus;
  readonly equipmentId: string | null;
  readonly operationId: string | null;
  readonly workOrderId: string | null;
  readonly note: string | null;
  readonly raisedAt: number;
  readonly raisedBy: string;
  readonly acknowledgedAt: number | null;
  readonly acknowledgedBy: string | null;
  readonly resolvedAt: number | null;
  readonly resolvedBy: string | null;
  readonly resolution: string | null;
  readonly cancelledAt: number | null;
  readonly cancelledBy: string | null;
  readonly cancelReason: string | null;
  /** From the raise to the acknowledgement, kept on the call once acknowledged. */
  readonly timeToAcknowledgeMs: number | null;
  /** From the raise to the resolution, kept on the call once resolved. */
  readonly timeToResolveMs: number | null;
}

export const isActive = (call: Pick<AndonCall, 'status'>): boolean => ACTIVE_STATUSES.includes(call.status);

/** What a raise brings before it is a call: the id is the store's. */
export type NewAndonCall = Pick<AndonCall, 'workCenterId' | 'kind' | 'equipmentId' | 'operationId' | 'workOrderId' | 'note' | 'raisedAt' | 'raisedBy'>;

/** A new call as it stands when raised: open, nothing else happened yet. */
export function raisedCall(id: string, n: NewAndonCall): AndonCall {
  return {
    id, ...n, status: 'open', acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null, resolution: null,
    cancelledAt: null, cancelledBy: null, cancelReason: null, timeToAcknowledgeMs: null, timeToResolveMs: null,
  };
}
