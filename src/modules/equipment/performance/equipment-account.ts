import { reportAsCount, chooseSource } from '../counts/count-source.policy.js';
import { countsBetween } from '../counts/equipment-count.repository.js';
import { accountCounts, accountEquipment, addAccounts, EMPTY_ACCOUNT, type ProductionCount, type TimeAccount } from '../domain/index.js';
import type { Db } from '../shared/db.js';
import { intervalsOverlapping, lastInterval } from '../states/equipment-state.repository.js';
import { cachedDayStarts, saveDays, type CachedDay, type DayAccount, type SourceFigures } from './day-account.repository.js';
import { idealCycleSegments } from './ideal-cycle-segments.js';
import type { DaySlice } from './local-days.js';
import { classifyStops, type ReportWindow, type ScopeContext } from './performance-scope.loader.js';

/** A day is cached only once it lies this far behind both now and the start of the equipment's current state. */
const CACHE_MARGIN_MS = 60_000;

/** The account of one piece of equipment over a window, and where it came from. */
export interface WindowAccount {
  readonly equipmentId: string;
  readonly account: TimeAccount;
  readonly countSource: 'machine' | 'operator';
  readonly cachedDays: number;
  readonly computedDays: number;
}

/** Counts with `at` in `[from, to)` of a list sorted by `at`, by binary search. */
function between(counts: readonly ProductionCount[], from: number, to: number): readonly ProductionCount[] {
  const lowerBound = (t: number) => {
    let lo = 0;
    let hi = counts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((counts[mid]?.at ?? 0) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return counts.slice(lowerBound(from), lowerBound(to));
}

/** Runs of slices that follow each other without a gap (missing days load in one query per run). */
function runsOf(slices: readonly DaySlice[]): DaySlice[][] {
  const runs: DaySlice[][] = [];
  for (const s of slices) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && last.part.to === s.part.from) run.push(s);
    else runs.push([s]);
  }
  return runs;
}

/**
 * The account of one piece of equipment over the window, as the sum of its site-local days. Whole, closed days
 * cached under the same inputs (`fingerprint`) and history revision come summed from the store in one row; every
 * other day is computed from the stored history (intervals loaded with context around each run of days, so a
 * stop crossing a day edge is judged on its whole length) and, when whole and closed, cached for the next report.
 * The source of counts is chosen over the whole window (see `chooseSource`), from each day's per-source figures.
 */
export async function equipmentWindowAccount(
  db: Db,
  equipmentId: string,
  scope: ScopeContext & { readonly fingerprints: ReadonlyMap<string, string> },
  slices: readonly DaySlice[],
  w: ReportWindow,
): Promise<WindowAccount> {
  const settings = scope.settings.get(equipmentId);
  const threshold = settings?.microStopThresholdSec ?? 0;
  const fingerprint = scope.fingerprints.get(equipmentId) ?? '';
  const revision = scope.revisions.get(equipmentId) ?? 0;
  const defaultIdealCycleTimeSec = scope.defaultIdealCycleTimeSec.get(equipmentId) ?? 0;
  const current = await lastInterval(db, equipmentId);
  const closedUntil = current === undefined ? -Infinity : Math.min(w.now, current.from) - CACHE_MARGIN_MS;
  const cacheable = slices.filter((s) => s.whole && s.day.to <= closedUntil);
  // Cached days stay closed under the same revision, so a group as large as the closed days is exactly those days.
  const group = scope.cached.get(equipmentId)?.find((g) => g.fingerprint === fingerprint && g.revision === revision);
  const cachedStarts = group === undefined ? new Set<number>()
    : group.days === cacheable.length ? new Set(cacheable.map((s) => s.day.from))
      : await cachedDayStarts(db, equipmentId, w.from, w.to, fingerprint, revision);
  const days: DayAccount[] = group ? [group.sum] : [];
  const missing = slices.filter((s) => !(s.whole && cachedStarts.has(s.day.from)));
  if (missing.length > 0) {
    const segments = idealCycleSegments(scope.runs.get(equipmentId) ?? [], Math.max(w.to, w.now));
    const reports = (scope.reports.get(equipmentId) ?? []).map(reportAsCount);
    const toSave: CachedDay[] = [];
    for (const run of runsOf(missing)) {
      const from = run[0]?.part.from ?? w.from;
      const to = run[run.length - 1]?.part.to ?? w.to;
      const context = threshold * 1000 + CACHE_MARGIN_MS;
      const intervals = classifyStops(await intervalsOverlapping(db, equipmentId, from - context, to + context), scope.reasons);
      const machine: ProductionCount[] = [];
      const operator: ProductionCount[] = [...between(reports, from, to)];
      for (const c of await countsBetween(db, equipmentId, from, to)) (c.source === 'machine' ? machine : operator).push(c);
      operator.sort((a, b) => a.at - b.at);
      const input = { equipmentId, intervals, counts: [], idealCycleTimes: segments, defaultIdealCycleTimeSec, microStopThresholdSec: threshold };
      for (const s of run) {
        const end = Math.max(s.part.from, Math.min(s.part.to, w.now));
        const figures = (counts: readonly ProductionCount[]): SourceFigures => {
          const inDay = between(counts, s.part.from, end);
          return { figures: accountCounts({ counts: inDay, idealCycleTimes: segments, defaultIdealCycleTimeSec }, s.part.from, end), reports: inDay.length };
        };
        const day: DayAccount = { time: accountEquipment(input, { ...s.part, now: w.now }, s.schedule), machine: figures(machine), operator: figures(operator) };
        days.push(day);
        if (s.whole && s.day.to <= closedUntil) toSave.push({ ...day, equipmentId, dayStart: s.day.from, dayEnd: s.day.to, fingerprint, revision });
      }
    }
    if (toSave.length > 0) await saveDays(db, toSave, w.now);
  }
  const source = chooseSource(settings?.countSource ?? 'auto', days.reduce((n, d) => n + d.machine.reports, 0));
  let account = EMPTY_ACCOUNT;
  for (const d of days) account = addAccounts(addAccounts(account, d.time), { ...EMPTY_ACCOUNT, ...d[source].figures });
  return { equipmentId, account, countSource: source, cachedDays: group?.days ?? 0, computedDays: missing.length };
}
