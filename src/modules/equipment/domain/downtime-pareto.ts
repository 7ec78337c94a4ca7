import type { EquipmentState, StateInterval } from './equipment-state.js';
import { indexReasons, parentReason, rootReason, type ReasonNode } from './reason-tree.js';
import { coalesceIntervals } from './state-history.js';

/** Reason code used for stop intervals that carry no reason. */
export const UNSPECIFIED_REASON = 'UNSPECIFIED';

/** How reasons are grouped: the reason itself, its parent, or its root in the reason tree. */
export type ParetoGrouping = 'reason' | 'parent' | 'root';

/** One bar of a downtime Pareto. `share` and `cumulativeShare` are fractions of the total stop time. */
export type ParetoEntry = {
  readonly code: string;
  readonly name: string | null;
  readonly planned: boolean | null;
  readonly seconds: number;
  readonly occurrences: number;
  readonly share: number;
  readonly cumulativeShare: number;
};

/** Input of {@link downtimePareto}. */
export type DowntimeParetoInput = {
  /** State histories (one per piece of equipment), each sorted by `from`. */
  readonly histories: readonly (readonly StateInterval[])[];
  readonly from: number;
  readonly to: number;
  readonly reasons: readonly ReasonNode[];
  /** Default `reason`. */
  readonly groupBy?: ParetoGrouping;
  /** States whose time is counted. Default `down` and `planned_stop`. */
  readonly states?: readonly EquipmentState[];
  /** End of open intervals; default `to`. */
  readonly openEnd?: number;
};

/**
 * Total stop time by reason over `[from, to)` across the given histories, sorted by time descending (ties by code),
 * with each group's share and the running cumulative share (the Pareto line). Interval time is clipped to the
 * window; a stop (repeated reports of it merged) counts as one occurrence when any part of it lies in the window. Reasons unknown to the tree
 * are grouped under their own code; missing reasons under `UNSPECIFIED`.
 */
export const downtimePareto = (input: DowntimeParetoInput): ParetoEntry[] => {
  const index = indexReasons(input.reasons);
  const states = new Set<string>(input.states ?? ['down', 'planned_stop']);
  const groupBy = input.groupBy ?? 'reason';
  const openEnd = input.openEnd ?? input.to;
  const groupOf = new Map<string, string>();
  const totals = new Map<string, { ms: number; occurrences: number }>();
  for (const history of input.histories) {
    for (const iv of coalesceIntervals(history)) {
      if (!states.has(iv.state)) continue;
      const len = Math.min(iv.to ?? openEnd, input.to) - Math.max(iv.from, input.from);
      if (len <= 0) continue;
      const reason = iv.reason ?? UNSPECIFIED_REASON;
      let group = groupOf.get(reason);
      if (group === undefined) {
        group = groupBy === 'reason' ? reason : groupBy === 'parent' ? parentReason(index, reason) : rootReason(index, reason);
        groupOf.set(reason, group);
      }
      const t = totals.get(group) ?? { ms: 0, occurrences: 0 };
      t.ms += len;
      t.occurrences += 1;
      totals.set(group, t);
    }
  }
  const totalMs = [...totals.values()].reduce((sum, t) => sum + t.ms, 0);
  const sorted = [...totals.entries()].sort(([ca, a], [cb, b]) => b.ms - a.ms || (ca < cb ? -1 : ca > cb ? 1 : 0));
  let cumulative = 0;
  return sorted.map(([code, t]) => {
    cumulative += t.ms;
    const node = index.get(code);
    return {
      code,
      name: node?.name ?? null,
      planned: node === undefined ? null : node.planned,
      seconds: t.ms / 1000,
      occurrences: t.occurrences,
      share: totalMs > 0 ? t.ms / totalMs : 0,
      cumulativeShare: totalMs > 0 ? cumulative / totalMs : 0,
    };
  });
};
