import { reportsOnEquipment } from '../../production/index.js';
import { chooseSource } from '../counts/count-source.policy.js';
import { countTotalsBetween } from '../counts/equipment-count.repository.js';
import type { CountSource } from '../settings/equipment-settings.repository.js';
import { runningMsBetween } from '../states/equipment-state.repository.js';
import type { Db } from '../shared/db.js';

/** Usage of a piece of equipment over a span: hours `running` and units produced (the plan meters). */
export interface EquipmentUsage {
  readonly runHours: number;
  readonly cycles: number;
}

/** Hours spent running in `[from, to)`, from the state history. */
export async function runHoursBetween(db: Db, equipmentId: string, from: number, to: number): Promise<number> {
  return (await runningMsBetween(db, equipmentId, from, to)) / 3_600_000;
}

/**
 * Units produced in `[from, to)`, from the same single source of counts the OEE uses (see `chooseSource`):
 * the machine's counter, or the operators' reports (execution and manual counts), never both.
 */
export async function cyclesBetween(db: Db, equipmentId: string, source: CountSource, from: number, to: number): Promise<number> {
  const stored = await countTotalsBetween(db, equipmentId, from, to);
  if (chooseSource(source, stored.machine.reports) === 'machine') return stored.machine.total;
  const reports = await reportsOnEquipment(db, [equipmentId], from, to);
  return stored.operator.total + reports.reduce((sum, r) => sum + r.good + r.scrap, 0);
}
