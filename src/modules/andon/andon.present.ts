import { iso } from '../../platform/http/time.js';
import type { AndonCall } from './domain/andon-call.js';
import type { WorkCenterAndon } from './domain/andon-summary.js';

const seconds = (ms: number | null): number | null => (ms === null ? null : Math.round(ms) / 1000);

/** A call as the API answers it: times as ISO-8601, response times in seconds, its age while it is active. */
export function presentCall(c: AndonCall, now: number) {
  const active = c.status === 'open' || c.status === 'acknowledged';
  return {
    id: c.id, workCenterId: c.workCenterId, kind: c.kind, status: c.status, equipmentId: c.equipmentId, operationId: c.operationId,
    workOrderId: c.workOrderId, note: c.note, raisedAt: iso(c.raisedAt), raisedBy: c.raisedBy,
    acknowledgedAt: iso(c.acknowledgedAt), acknowledgedBy: c.acknowledgedBy, resolvedAt: iso(c.resolvedAt), resolvedBy: c.resolvedBy,
    resolution: c.resolution, cancelledAt: iso(c.cancelledAt), cancelledBy: c.cancelledBy, cancelReason: c.cancelReason,
    timeToAcknowledgeSec: seconds(c.timeToAcknowledgeMs), timeToResolveSec: seconds(c.timeToResolveMs),
    ageSec: active ? seconds(Math.max(0, now - c.raisedAt)) : null,
  };
}

export function presentSummary(w: WorkCenterAndon) {
  const { active: a, period: p } = w;
  return {
    workCenterId: w.workCenterId,
    active: { open: a.open, acknowledged: a.acknowledged, total: a.total, oldestRaisedAt: iso(a.oldestRaisedAt), oldestAgeSec: seconds(a.oldestAgeMs) },
    period: {
      raised: p.raised, acknowledged: p.acknowledged, resolved: p.resolved, cancelled: p.cancelled,
      meanTimeToAcknowledgeSec: seconds(p.meanTimeToAcknowledgeMs), meanTimeToResolveSec: seconds(p.meanTimeToResolveMs),
    },
  };
}
