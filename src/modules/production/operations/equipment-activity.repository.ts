import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** An operation as run on a piece of equipment: when, and at which ideal cycle time (routing snapshot). */
export interface OperationRun {
  readonly equipmentId: string;
  readonly operationId: string;
  readonly startedAt: number;
  /** null while it still runs (or is paused). */
  readonly completedAt: number | null;
  readonly idealCycleTimeSec: number | null;
}

/** Good and scrap an operator reported on an operation, at the equipment the operation ran on. */
export interface EquipmentReport {
  readonly equipmentId: string;
  readonly at: number;
  readonly good: number;
  readonly scrap: number;
}

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Operations started on any of the equipment that overlap `[from, to)`, by equipment then start. */
export async function operationsOnEquipment(db: Db, equipmentIds: readonly string[], from: number, to: number): Promise<OperationRun[]> {
  const out: OperationRun[] = [];
  for (const ids of chunks(equipmentIds)) {
    const rows = await db
      .selectFrom('operations')
      .select(['id', 'equipment_id', 'started_at', 'completed_at', 'ideal_cycle_time_sec'])
      .where('equipment_id', 'in', ids)
      .where('started_at', 'is not', null)
      .where('started_at', '<', to)
      .where((eb) => eb.or([eb('completed_at', 'is', null), eb('completed_at', '>', from)]))
      .execute();
    for (const r of rows) {
      if (r.equipment_id === null || r.started_at === null) continue;
      out.push({ equipmentId: r.equipment_id, operationId: r.id, startedAt: r.started_at, completedAt: r.completed_at, idealCycleTimeSec: r.ideal_cycle_time_sec });
    }
  }
  return out.sort((a, b) => (a.equipmentId < b.equipmentId ? -1 : a.equipmentId > b.equipmentId ? 1 : a.startedAt - b.startedAt));
}

/** Operator reports (good, scrap) made in `[from, to)` on operations run on any of the equipment, by time. */
export async function reportsOnEquipment(db: Db, equipmentIds: readonly string[], from: number, to: number): Promise<EquipmentReport[]> {
  const out: EquipmentReport[] = [];
  for (const ids of chunks(equipmentIds)) {
    const rows = await db
      .selectFrom('operation_reports as r')
      .innerJoin('operations as o', 'o.id', 'r.operation_id')
      .select(['o.equipment_id', 'r.at', 'r.good', 'r.scrap'])
      .where('o.equipment_id', 'in', ids)
      .where('r.at', '>=', from)
      .where('r.at', '<', to)
      .execute();
    for (const r of rows) if (r.equipment_id !== null) out.push({ equipmentId: r.equipment_id, at: r.at, good: r.good, scrap: r.scrap });
  }
  return out.sort((a, b) => a.at - b.at);
}
