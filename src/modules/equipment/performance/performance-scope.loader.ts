import type { HierarchyLevel } from '../../../platform/store/schema.js';
import { operationsOnEquipment, reportsOnEquipment, type EquipmentReport, type OperationRun } from '../../production/index.js';
import { equipmentBelow, findNode, listNodes } from '../../resources/index.js';
import { expandShifts, plannedSchedule, type PlannedSchedule, type ShiftDefinition, type StateInterval } from '../domain/index.js';
import { allReasons, type DowntimeReason } from '../downtime/downtime-reason.repository.js';
import { historyRevisions, settingsOf, type EquipmentSettings } from '../settings/equipment-settings.repository.js';
import { shiftsOf } from '../shifts/site-shift.repository.js';
import { requireNode } from '../shared/equipment-node.js';
import type { Db } from '../shared/db.js';
import { cachedGroups, type CachedGroup } from './day-account.repository.js';

/** A set of equipment to report on: one piece, or everything below a work center, area or site. */
export interface PerformanceScope {
  readonly level: HierarchyLevel;
  readonly id: string;
  readonly equipmentIds: readonly string[];
  readonly siteId: string | null;
  readonly timeZone: string;
}

/** The window of a report; time after `now` is not counted. */
export interface ReportWindow {
  readonly from: number;
  readonly to: number;
  readonly now: number;
}

/** The equipment below a node (404 when the node is not of `level`), and its site's time zone. */
export async function resolveScope(db: Db, level: HierarchyLevel, id: string): Promise<PerformanceScope> {
  const node = await requireNode(db, level, id);
  const site = node.siteId !== null ? await findNode(db, node.siteId) : undefined;
  return { level, id, equipmentIds: await equipmentBelow(db, id), siteId: node.siteId, timeZone: site?.timeZone ?? 'UTC' };
}

/** The scheduled time of a window and the shifts it came from. */
export interface ScopeSchedule {
  readonly schedule: PlannedSchedule;
  readonly shifts: readonly ShiftDefinition[];
  readonly calendar: 'shifts' | 'continuous';
}

/**
 * The scheduled time of the scope's site over the window: its shift calendar expanded in the site's time zone.
 * A site without any shift is scheduled around the clock (`calendar: 'continuous'`), so OEE still means something
 * before the calendar is set up.
 */
export async function scheduleOf(db: Db, scope: PerformanceScope, w: ReportWindow): Promise<ScopeSchedule> {
  const shifts = scope.siteId !== null ? await shiftsOf(db, scope.siteId) : [];
  if (shifts.length === 0) return { schedule: { working: [{ from: w.from, to: w.to }], breaks: [] }, shifts, calendar: 'continuous' };
  return { schedule: plannedSchedule(expandShifts(shifts, { timeZone: scope.timeZone, from: w.from, to: w.to }), { from: w.from, to: w.to }), shifts, calendar: 'shifts' };
}

/**
 * A stop's class follows its reason where the reason tree knows it: a `down` whose reason is planned is a planned
 * stop, a `planned_stop` whose reason is unplanned is a breakdown. Unknown reasons keep the reported state.
 */
export function classifyStops(intervals: readonly StateInterval[], reasons: ReadonlyMap<string, DowntimeReason>): StateInterval[] {
  return intervals.map((iv) => {
    if ((iv.state !== 'down' && iv.state !== 'planned_stop') || iv.reason === null) return iv;
    const r = reasons.get(iv.reason);
    if (r === undefined) return iv;
    const state = r.planned ? 'planned_stop' : 'down';
    return state === iv.state ? iv : { ...iv, state };
  });
}

/** What computing every piece of equipment of a scope shares: settings, defaults, reasons, operations, reports, cache. */
export interface ScopeContext {
  readonly settings: ReadonlyMap<string, EquipmentSettings>;
  readonly revisions: ReadonlyMap<string, number>;
  readonly defaultIdealCycleTimeSec: ReadonlyMap<string, number>;
  readonly reasons: ReadonlyMap<string, DowntimeReason>;
  readonly runs: ReadonlyMap<string, readonly OperationRun[]>;
  readonly reports: ReadonlyMap<string, readonly EquipmentReport[]>;
  /** Cached whole days of the window per equipment, summed per fingerprint and revision. */
  readonly cached: ReadonlyMap<string, readonly CachedGroup[]>;
}

function groupBy<T extends { equipmentId: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) {
    const list = out.get(i.equipmentId);
    if (list) list.push(i);
    else out.set(i.equipmentId, [i]);
  }
  return out;
}

/**
 * Loads what the scope's equipment share. The history revisions are read before anything else: an account computed
 * from data read afterwards is stored under the revision read here, so a concurrent late event (which moves the
 * revision) can never leave a stale account looking valid.
 */
export async function loadScopeContext(db: Db, scope: PerformanceScope, w: ReportWindow): Promise<ScopeContext> {
  const ids = scope.equipmentIds;
  const revisions = await historyRevisions(db, ids);
  const nodes = await listNodes(db, 'equipment');
  return {
    revisions,
    settings: await settingsOf(db, ids),
    defaultIdealCycleTimeSec: new Map(nodes.map((n) => [n.id, n.idealCycleTimeSec ?? 0])),
    reasons: new Map((await allReasons(db)).map((r) => [r.code, r])),
    runs: groupBy(await operationsOnEquipment(db, ids, w.from, w.to)),
    reports: groupBy(await reportsOnEquipment(db, ids, w.from, w.to)),
    cached: await cachedGroups(db, ids, w.from, w.to),
  };
}
