import { iso } from '../../../platform/http/time.js';
import type { HierarchyLevel } from '../../../platform/store/schema.js';
import { addAccounts, EMPTY_ACCOUNT, idealCycleTimeWithoutCounts, iso22400Kpis, oeeFromAccount, type Iso22400Kpis, type OeeResult } from '../domain/index.js';
import type { Db } from '../shared/db.js';
import { accountFingerprint } from './account-fingerprint.js';
import { equipmentWindowAccount, type WindowAccount } from './equipment-account.js';
import { daySlices } from './local-days.js';
import { loadScopeContext, resolveScope, scheduleOf, type ReportWindow } from './performance-scope.loader.js';

/** One piece of equipment's share of a scope's OEE. */
export interface EquipmentOee {
  readonly equipmentId: string;
  readonly countSource: 'machine' | 'operator';
  readonly availability: number;
  readonly performance: number;
  readonly quality: number;
  readonly oee: number;
  readonly plannedProductionTime: number;
  readonly runTime: number;
  readonly totalCount: number;
  readonly goodCount: number;
}

/** The OEE answer: the figures of API.md, the ISO 22400-2 KPIs, and each piece of equipment's share. */
export type ScopeOee = OeeResult & {
  readonly scope: { readonly level: HierarchyLevel; readonly id: string };
  readonly from: string;
  readonly to: string;
  readonly calendar: 'shifts' | 'continuous';
  readonly kpis: Iso22400Kpis;
  readonly equipment: readonly EquipmentOee[];
  /** Site-local days read from the day-account cache, and computed from the history, summed over the equipment. */
  readonly days: { readonly cached: number; readonly computed: number };
};

/** How many pieces of equipment are computed at once (PostgreSQL answers them on several connections). */
const PARALLEL = 4;

/**
 * OEE and ISO 22400-2 KPIs of a piece of equipment or of every piece below a work center, area or site, over
 * `[from, to)` (time after `now` is not counted). Each piece of equipment is reduced to a summable account, day by
 * site-local day (closed days come from the day-account cache when still valid, see `equipmentWindowAccount`); the
 * scope's figures come from the summed account, never from averaged ratios.
 */
export async function scopeOee(db: Db, level: HierarchyLevel, id: string, w: ReportWindow): Promise<ScopeOee> {
  const scope = await resolveScope(db, level, id);
  const { schedule, shifts, calendar } = await scheduleOf(db, scope, w);
  const ctx = await loadScopeContext(db, scope, w);
  const plannedReasons = [...ctx.reasons.values()].map((r) => [r.code, r.planned] as const);
  const fingerprints = new Map(
    scope.equipmentIds.map((e) => [
      e,
      accountFingerprint({
        timeZone: scope.timeZone, shifts, plannedReasons,
        microStopThresholdSec: ctx.settings.get(e)?.microStopThresholdSec ?? 0, defaultIdealCycleTimeSec: ctx.defaultIdealCycleTimeSec.get(e) ?? 0,
      }),
    ]),
  );
  const slices = daySlices(scope.timeZone, { from: w.from, to: w.to }, schedule);
  const results: WindowAccount[] = [];
  const queue = [...scope.equipmentIds];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      results.push(await equipmentWindowAccount(db, next, { ...ctx, fingerprints }, slices, w));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
  results.sort((a, b) => (a.equipmentId < b.equipmentId ? -1 : 1));
  const total = results.reduce((sum, e) => addAccounts(sum, e.account), EMPTY_ACCOUNT);
  // Nothing counted: the equipment's own ideal cycle time (the mean of those set, for a work center, area or site).
  const uncountedIdeal = idealCycleTimeWithoutCounts(scope.equipmentIds.map((e) => ctx.defaultIdealCycleTimeSec.get(e) ?? 0));
  return {
    scope: { level, id },
    from: iso(w.from),
    to: iso(w.to),
    calendar,
    ...oeeFromAccount(total, uncountedIdeal),
    kpis: iso22400Kpis(total),
    equipment: results.map((e) => {
      const r = oeeFromAccount(e.account);
      return {
        equipmentId: e.equipmentId, countSource: e.countSource, availability: r.availability, performance: r.performance, quality: r.quality, oee: r.oee,
        plannedProductionTime: r.plannedProductionTime, runTime: r.runTime, totalCount: r.totalCount, goodCount: r.goodCount,
      };
    }),
    days: { cached: results.reduce((n, e) => n + e.cachedDays, 0), computed: results.reduce((n, e) => n + e.computedDays, 0) },
  };
}
