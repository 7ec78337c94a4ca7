import type { ReasonNode } from '../domain/index.js';
import type { Db } from '../shared/db.js';
import type { DowntimeReasonsTable } from '../../../platform/store/schema.js';

/** A downtime reason of the tree, as stored. */
export interface DowntimeReason extends ReasonNode {
  readonly name: string;
  readonly parentCode: string | null;
  /** A `down` with this reason raises a corrective maintenance order. */
  readonly raisesMaintenanceOrder: boolean;
}

function toReason(r: DowntimeReasonsTable): DowntimeReason {
  return { code: r.code, name: r.name, parentCode: r.parent_code, planned: r.planned === 1, raisesMaintenanceOrder: r.raises_maintenance_order === 1 };
}

export async function allReasons(db: Db): Promise<DowntimeReason[]> {
  return (await db.selectFrom('downtime_reasons').selectAll().orderBy('code').execute()).map(toReason);
}

export async function findReason(db: Db, code: string): Promise<DowntimeReason | undefined> {
  const r = await db.selectFrom('downtime_reasons').selectAll().where('code', '=', code).executeTakeFirst();
  return r ? toReason(r) : undefined;
}

export async function saveReason(db: Db, reason: DowntimeReason, now: number, exists: boolean): Promise<void> {
  const row = { name: reason.name, parent_code: reason.parentCode, planned: reason.planned ? 1 : 0, raises_maintenance_order: reason.raisesMaintenanceOrder ? 1 : 0, updated_at: now };
  if (exists) await db.updateTable('downtime_reasons').set(row).where('code', '=', reason.code).execute();
  else await db.insertInto('downtime_reasons').values({ code: reason.code, ...row, created_at: now }).execute();
}
