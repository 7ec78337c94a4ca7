import { violation, type Violation } from '../../../platform/errors/violation.js';
import { iso } from '../../../platform/http/time.js';
import { calibrationsOf } from '../calibration/calibration.repository.js';
import { calibrationValid, equipmentServiceable, type EquipmentState } from '../domain/index.js';
import { domainPlan } from '../maintenance/maintenance.repository.js';
import { planStates } from '../maintenance/maintenance-status.query.js';
import { settingsOf } from '../settings/equipment-settings.repository.js';
import { intervalAt } from '../states/equipment-state.repository.js';
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
  const current = await intervalAt(db, equipmentId, now);
  if (current && UNAVAILABLE_STATES.includes(current.state)) {
    out.push(
      violation('EQUIPMENT_UNAVAILABLE', `equipment '${equipmentId}' is ${current.state}${current.reason ? ` (${current.reason})` : ''} since ${iso(current.from)}`, {
        field: 'equipmentId',
        details: { equipmentId, state: current.state, reason: current.reason, since: iso(current.from) },
      }),
    );
  }
  const settings = (await settingsOf(db, [equipmentId])).get(equipmentId);
  for (const { plan, usage } of await planStates(db, equipmentId, now, settings?.countSource ?? 'auto')) {
    // Usage is measured since the plan was last done, so the plan's own readings at that moment are zero.
    const meters = { ...(usage.runHours !== undefined ? { runHours: usage.runHours } : {}), ...(usage.cycles !== undefined ? { cycles: usage.cycles } : {}) };
    out.push(...equipmentServiceable({ equipment: { id: equipmentId, meters }, plans: [domainPlan(plan)], calibrations: [], now }));
  }
  out.push(...calibrationValid({ equipmentId, calibrations: await calibrationsOf(db, equipmentId), now }));
  return out.map((v) => (v.field === undefined ? { ...v, field: 'equipmentId' } : v));
}
