/** How often a plan is due: every so many calendar days, run hours, or produced cycles. */
export type MaintenanceInterval =
  | { readonly days: number }
  | { readonly runHours: number }
  | { readonly cycles: number };

/** Which meter a plan is measured on. */
export type MaintenanceBasis = 'days' | 'runHours' | 'cycles';

/** When a plan was last done, with the equipment meters read at that moment (when known). */
export type MaintenanceDone = { readonly at: number; readonly runHours?: number; readonly cycles?: number };

/**
 * A preventive maintenance plan of one piece of equipment. A plan that was never carried out records the moment
 * (and meters) it started from as `lastDone`.
 */
export type MaintenancePlan = {
  readonly id: string;
  readonly equipmentId: string;
  readonly name?: string;
  readonly every: MaintenanceInterval;
  readonly lastDone: MaintenanceDone;
  /** The plan becomes `due` this fraction of the interval before its limit. Default 0.1. */
  readonly leadFraction?: number;
  /** Tolerance after the limit, in the plan's unit, before it is `overdue`. Default 0. */
  readonly grace?: number;
};

/** Usage since the plan was last done; hours and cycles are needed only by plans on those meters. */
export type MaintenanceUsage = {
  readonly now: number;
  readonly runHoursSinceLast?: number;
  readonly cyclesSinceLast?: number;
};

/**
 * - `ok`: below the lead window;
 * - `due`: inside the lead window or past the limit but within grace: schedule it now;
 * - `overdue`: past the limit plus grace: the equipment should not be used;
 * - `unknown`: the meter the plan needs was not supplied.
 */
export type MaintenanceDueStatus = 'ok' | 'due' | 'overdue' | 'unknown';

/** Status of one plan. `used`, `interval`, `remaining` are in the plan's unit (days, hours, cycles). */
export type MaintenancePlanStatus = {
  readonly planId: string;
  readonly equipmentId: string;
  readonly basis: MaintenanceBasis;
  readonly status: MaintenanceDueStatus;
  readonly interval: number;
  readonly used: number | null;
  /** Until the limit; negative once past it. */
  readonly remaining: number | null;
  /** For calendar plans: the instant the limit is reached (epoch ms); null for meter plans. */
  readonly dueAt: number | null;
};

const DAY_MS = 86_400_000;

/** The meter and interval length of a plan. */
export const maintenanceBasis = (every: MaintenanceInterval): { basis: MaintenanceBasis; interval: number } =>
  'days' in every ? { basis: 'days', interval: every.days }
    : 'runHours' in every ? { basis: 'runHours', interval: every.runHours }
      : { basis: 'cycles', interval: every.cycles };

/**
 * The status of one plan given the time and the usage since it was last done. Calendar plans measure
 * `now − lastDone.at` in days; meter plans use the supplied usage, and are `unknown` without it.
 */
export const maintenancePlanStatus = (plan: MaintenancePlan, usage: MaintenanceUsage): MaintenancePlanStatus => {
  const { basis, interval } = maintenanceBasis(plan.every);
  const used = basis === 'days' ? (usage.now - plan.lastDone.at) / DAY_MS
    : basis === 'runHours' ? usage.runHoursSinceLast ?? null
      : usage.cyclesSinceLast ?? null;
  const dueAt = basis === 'days' ? plan.lastDone.at + interval * DAY_MS : null;
  const base = { planId: plan.id, equipmentId: plan.equipmentId, basis, interval, dueAt };
  if (used === null) return { ...base, status: 'unknown', used: null, remaining: null };
  const lead = interval * (plan.leadFraction ?? 0.1);
  const grace = plan.grace ?? 0;
  const status: MaintenanceDueStatus = used >= interval + grace ? 'overdue' : used >= interval - lead ? 'due' : 'ok';
  return { ...base, status, used, remaining: interval - used };
};

/**
 * Plans that are `due` or `overdue` (sorted overdue first, then by least remaining), given `now` and the usage of
 * each plan by plan id. Plans without the usage they need are left out (see `maintenancePlanStatus` for them).
 */
export const maintenanceDue = (
  plans: readonly MaintenancePlan[],
  now: number,
  usageByPlan: ReadonlyMap<string, Omit<MaintenanceUsage, 'now'>> = new Map(),
): MaintenancePlanStatus[] =>
  plans
    .map((p) => maintenancePlanStatus(p, { now, ...usageByPlan.get(p.id) }))
    .filter((s) => s.status === 'due' || s.status === 'overdue')
    .sort((a, b) => {
      if (a.status !== b.status) return a.status === 'overdue' ? -1 : 1;
      return (a.remaining ?? 0) / a.interval - (b.remaining ?? 0) / b.interval;
    });
