import { violation, type Violation } from '../../../platform/errors/violation.js';
import { iso } from '../../../platform/http/time.js';
import { readTogether } from '../../../platform/store/read-together.js';
import { calibrationsRead } from '../calibration/calibration.repository.js';
import { calibrationValid, equipmentServiceable, type EquipmentState } from '../domain/index.js';
import { domainPlan, plansRead } from '../maintenance/maintenance.repository.js';
import { statesOfPlans } from '../maintenance/maintenance-status.query.js';
import { settingsRead } from '../settings/equipment-settings.repository.js';
import { intervalAtRead } from '../states/equipment-state.repository.js';
import type { Db } from '../shared/db.js';

/** States in which equipment must not start work. */
export const UNAVAILABLE_STATES: readonly EquipmentState[] = ['down', 'maintenance', 'offline'];

/**
 * Every reason the equipment may not start work at `now`, for execution's start check:
 * - `EQUIPMENT_UNAVAILABLE` when its state at `now` is `down`, `maintenance` or `offline`;
 * - `MAINTENANCE_OVERDUE` for each maintenance plan past its limit plus grace (run hours and cycles measured
 *   since the plan was last done);
 * - `CALIBRATION_EXPIRED` for each instrument whose current calibration is past due or failed.
 * Each names the field `equipmentId`. Equipment without state, plans or calibrations has no interlock.
 * Reads only; safe inside the caller's transaction.
 */
export async function equipmentInterlocks(db: Db, equipmentId: string, now: number): Promise<Violation[]> {
  const out: Violation[] = [];
  // Independent reads: one round trip on PostgreSQL (a plan on a meter reads its usage after).
  const [current, settings, plans, calibrations] = await readTogether(db, [
    intervalAtRead(equipmentId, now), settingsRead(equipmentId), plansRead(equipmentId), calibrationsRead(equipmentId),
  ]);
  if (current && UNAVAILABLE_STATES.includes(current.state)) {
    out.push(
      violation('EQUIPMENT_UNAVAILABLE', `equipment '${equipmentId}' is ${current.state}${current.reason ? ` (${current.reason})` : ''} since ${iso(current.from)}`, {
        field: 'equipmentId',
        details: { equipmentId, state: current.state, reason: current.reason, since: iso(current.from) },
      }),
    );
  }
  for (const { plan, usage } of await statesOfPlans(db, equipmentId, plans, now, settings.countSource)) {
    // Usage is measured since the plan was last done, so the plan's own readings at that moment are zero.
    const meters = { ...(usage.runHours !== undefined ? { runHours: usage.runHours } : {}), ...(usage.cycles !== undefined ? { cycles: usage.cycles } : {}) };
    out.push(...equipmentServiceable({ equipment: { id: equipmentId, meters }, plans: [domainPlan(plan)], calibrations: [], now }));
  }
  out.push(...calibrationValid({ equipmentId, calibrations, now }));
  return out.map((v) => (v.field === undefined ? { ...v, field: 'equipmentId' } : v));
}
