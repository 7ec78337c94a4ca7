import { maintenancePlanStatus, type MaintenancePlanStatus } from '../domain/index.js';
import type { CountSource } from '../settings/equipment-settings.repository.js';
import type { Db } from '../shared/db.js';
import { cyclesBetween, runHoursBetween, type EquipmentUsage } from './equipment-meters.js';
import { domainPlan, plansOf, type StoredPlan } from './maintenance.repository.js';

/** A plan with its status now and the usage since it was last done (meters only for plans on that meter). */
export interface PlanState {
  readonly plan: StoredPlan;
  readonly usage: Partial<EquipmentUsage>;
  readonly status: MaintenancePlanStatus;
}

/**
 * The status of every maintenance plan of a piece of equipment at `now`. Run hours and cycles since each plan was
 * last done are measured from the state history and the counts (summed in the store), only for plans that need them.
 */
export async function planStates(db: Db, equipmentId: string, now: number, countSource: CountSource): Promise<PlanState[]> {
  return statesOfPlans(db, equipmentId, await plansOf(db, equipmentId), now, countSource);
}

/** {@link planStates} of plans already read. */
export async function statesOfPlans(db: Db, equipmentId: string, plans: readonly StoredPlan[], now: number, countSource: CountSource): Promise<PlanState[]> {
  const out: PlanState[] = [];
  for (const plan of plans) {
    const usage: { runHours?: number; cycles?: number } = {};
    if ('runHours' in plan.every) usage.runHours = await runHoursBetween(db, equipmentId, plan.lastDoneAt, now);
    if ('cycles' in plan.every) usage.cycles = await cyclesBetween(db, equipmentId, countSource, plan.lastDoneAt, now);
    const status = maintenancePlanStatus(domainPlan(plan), {
      now,
      ...(usage.runHours !== undefined ? { runHoursSinceLast: usage.runHours } : {}),
      ...(usage.cycles !== undefined ? { cyclesSinceLast: usage.cycles } : {}),
    });
    out.push({ plan, usage, status });
  }
  return out;
}
