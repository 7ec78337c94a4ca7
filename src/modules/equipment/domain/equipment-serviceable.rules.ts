import { calibrationValid, type CalibrationRecord } from './calibration.rules.js';
import { maintenancePlanStatus, type MaintenancePlan } from './maintenance-due.rules.js';
import { violation, type Violation } from '../../../platform/errors/violation.js';

/** Equipment as the serviceability rule needs it: its id and current meter readings, when it has them. */
export type ServiceableEquipment = {
  readonly id: string;
  readonly meters?: { readonly runHours?: number; readonly cycles?: number };
};

/** Context of {@link equipmentServiceable}. */
export type ServiceabilityContext = {
  readonly equipment: ServiceableEquipment;
  readonly plans: readonly MaintenancePlan[];
  readonly calibrations: readonly CalibrationRecord[];
  readonly now: number;
};

const since = (current: number | undefined, atLastDone: number | undefined): number | undefined =>
  current === undefined ? undefined : current - (atLastDone ?? 0);

/**
 * Every reason the equipment may not be used now:
 * - `MAINTENANCE_OVERDUE` for each of its plans past limit plus grace. Usage since last done comes from the
 *   equipment meters minus the readings stored with `lastDone` (a missing reading counts from 0). A meter plan
 *   whose meter is unknown cannot be judged and raises nothing (see `maintenancePlanStatus`, status `unknown`).
 * - `CALIBRATION_EXPIRED` for each instrument whose current calibration is past due or failed.
 * Plans and calibrations of other equipment are ignored.
 */
export const equipmentServiceable = (ctx: ServiceabilityContext): Violation[] => {
  const { equipment, now } = ctx;
  const maintenance = ctx.plans
    .filter((p) => p.equipmentId === equipment.id)
    .map((p) =>
      maintenancePlanStatus(p, {
        now,
        runHoursSinceLast: since(equipment.meters?.runHours, p.lastDone.runHours),
        cyclesSinceLast: since(equipment.meters?.cycles, p.lastDone.cycles),
      }),
    )
    .filter((s) => s.status === 'overdue')
    .map((s) =>
      violation('MAINTENANCE_OVERDUE', `maintenance plan ${s.planId} of equipment ${equipment.id} is overdue`, {
        details: {
          equipmentId: equipment.id,
          planId: s.planId,
          basis: s.basis,
          interval: s.interval,
          used: s.used,
          overdueBy: s.remaining === null ? null : -s.remaining,
          dueAt: s.dueAt,
        },
      }),
    );
  return [...maintenance, ...calibrationValid({ equipmentId: equipment.id, calibrations: ctx.calibrations, now })];
};
