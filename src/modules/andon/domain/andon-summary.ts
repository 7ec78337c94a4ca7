import type { AndonCall } from './andon-call.js';

/** What the calls raised at one work center within a period came to (the store sums them). */
export interface PeriodTotals {
  readonly workCenterId: string;
  readonly raised: number;
  readonly acknowledged: number;
  readonly resolved: number;
  readonly cancelled: number;
  /** Sums over the acknowledged (resolved) calls of their time to acknowledge (resolve). */
  readonly acknowledgeMsSum: number;
  readonly resolveMsSum: number;
}

/** One work center's andon picture: what is active now, and how the calls raised in a period were answered. */
export interface WorkCenterAndon {
  readonly workCenterId: string;
  readonly active: {
    /** Calls waiting for someone (open), and calls someone took but has not resolved (acknowledged). */
    readonly open: number;
    readonly acknowledged: number;
    readonly total: number;
    /** When the oldest active call was raised, and how long ago (null when none is active). */
    readonly oldestRaisedAt: number | null;
    readonly oldestAgeMs: number | null;
  };
  readonly period: {
    readonly raised: number;
    readonly acknowledged: number;
    readonly resolved: number;
    readonly cancelled: number;
    /** Means over the period's calls that were acknowledged (resolved); null when none was. */
    readonly meanTimeToAcknowledgeMs: number | null;
    readonly meanTimeToResolveMs: number | null;
  };
}

const NO_TOTALS = { raised: 0, acknowledged: 0, resolved: 0, cancelled: 0, acknowledgeMsSum: 0, resolveMsSum: 0 };

/**
 * Per work center (those with an active call or a call in the period, by id): the active calls counted as they stand
 * now, the oldest one's age at `now`, and the period's counts and mean response times.
 */
export function summarize(active: readonly AndonCall[], totals: readonly PeriodTotals[], now: number): WorkCenterAndon[] {
  const ids = [...new Set([...active.map((c) => c.workCenterId), ...totals.map((t) => t.workCenterId)])].sort();
  return ids.map((workCenterId) => {
    const here = active.filter((c) => c.workCenterId === workCenterId);
    const t = totals.find((x) => x.workCenterId === workCenterId) ?? { workCenterId, ...NO_TOTALS };
    const oldest = here.length === 0 ? null : Math.min(...here.map((c) => c.raisedAt));
    const open = here.filter((c) => c.status === 'open').length;
    return {
      workCenterId,
      active: { open, acknowledged: here.length - open, total: here.length, oldestRaisedAt: oldest, oldestAgeMs: oldest === null ? null : Math.max(0, now - oldest) },
      period: {
        raised: t.raised, acknowledged: t.acknowledged, resolved: t.resolved, cancelled: t.cancelled,
        meanTimeToAcknowledgeMs: t.acknowledged === 0 ? null : t.acknowledgeMsSum / t.acknowledged,
        meanTimeToResolveMs: t.resolved === 0 ? null : t.resolveMsSum / t.resolved,
      },
    };
  });
}
