import { iso } from '../../../platform/http/time.js';
import type { HierarchyLevel } from '../../../platform/store/schema.js';
import { downtimePareto, type EquipmentState, type ParetoEntry, type ParetoGrouping } from '../domain/index.js';
import { allReasons } from '../downtime/downtime-reason.repository.js';
import type { Db } from '../shared/db.js';
import { intervalsOverlapping } from '../states/equipment-state.repository.js';
import { resolveScope, type ReportWindow } from './performance-scope.loader.js';

/** The Pareto answer: stop time by reason over the window, largest first, with shares. */
export interface ScopePareto {
  readonly scope: { readonly level: HierarchyLevel; readonly id: string };
  readonly from: string;
  readonly to: string;
  readonly groupBy: ParetoGrouping;
  readonly states: readonly EquipmentState[];
  readonly totalSeconds: number;
  readonly entries: readonly ParetoEntry[];
}

/**
 * Downtime Pareto of a piece of equipment or of everything below a node: time in the given states (default `down`
 * and `planned_stop`) by reason, clipped to `[from, to)` and to `now`, grouped by the reason, its parent or its root.
 */
export async function scopePareto(
  db: Db,
  level: HierarchyLevel,
  id: string,
  w: ReportWindow & { readonly groupBy: ParetoGrouping; readonly states: readonly EquipmentState[] },
): Promise<ScopePareto> {
  const scope = await resolveScope(db, level, id);
  const histories = [];
  for (const e of scope.equipmentIds) histories.push(await intervalsOverlapping(db, e, w.from, w.to));
  const end = Math.max(w.from, Math.min(w.to, w.now));
  const entries = downtimePareto({ histories, from: w.from, to: end, reasons: await allReasons(db), groupBy: w.groupBy, states: w.states });
  return {
    scope: { level, id }, from: iso(w.from), to: iso(w.to), groupBy: w.groupBy, states: w.states,
    totalSeconds: entries.reduce((sum, e) => sum + e.seconds, 0), entries,
  };
}
