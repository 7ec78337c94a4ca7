import type { InstantInput, OrderActuals, SegmentActuals } from '../b2mml/index.js';

function iso(value: InstantInput | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return new Date(value).toISOString();
}

function presentSegment(s: SegmentActuals) {
  return {
    operationId: s.id, name: s.name ?? null, state: s.state, processSegmentId: s.processSegmentId ?? null,
    segmentRequirementId: s.segmentRequirementId ?? null, startedAt: iso(s.startedAt), endedAt: iso(s.endedAt),
    equipmentIds: s.equipmentIds ?? [], good: s.good ?? null, scrap: s.scrap ?? [],
  };
}

/** An order's actuals as JSON: the same facts as the B2MML performance messages, times as ISO-8601. */
export function presentActuals(a: OrderActuals) {
  return {
    workOrderId: a.orderId, materialId: a.materialId, scheduleId: a.scheduleId ?? null, state: a.state,
    startedAt: iso(a.startedAt), endedAt: iso(a.endedAt), produced: a.produced, consumed: a.consumed, scrap: a.scrap,
    equipmentIds: a.equipmentIds, operations: a.segments.map(presentSegment),
  };
}
