import type { IdealCycleTimeSegment } from '../domain/index.js';

/** An operation run on one piece of equipment, as the ideal cycle time needs it. */
export interface RunOnEquipment {
  readonly startedAt: number;
  readonly completedAt: number | null;
  readonly idealCycleTimeSec: number | null;
}

/**
 * The ideal cycle time segments of one piece of equipment from the operations run on it: each operation with an
 * ideal cycle time covers `[startedAt, completedAt)` (still running: until `openEnd`). Where operations overlap
 * (one paused while another ran), the later-started one applies from its start. Time outside every segment uses
 * the equipment's default ideal cycle time. Sorted and non-overlapping, as the OEE calculator needs them.
 */
export function idealCycleSegments(runs: readonly RunOnEquipment[], openEnd: number): IdealCycleTimeSegment[] {
  const sorted = [...runs].filter((r) => r.idealCycleTimeSec !== null && r.idealCycleTimeSec > 0).sort((a, b) => a.startedAt - b.startedAt);
  const out: IdealCycleTimeSegment[] = [];
  for (const r of sorted) {
    const from = r.startedAt;
    const to = r.completedAt ?? openEnd;
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.to > from) {
      if (prev.from >= from) out.pop();
      else out[out.length - 1] = { ...prev, to: from };
    }
    if (to > from) out.push({ from, to, idealCycleTimeSec: r.idealCycleTimeSec ?? 0 });
  }
  return out;
}
