import type { MaintenanceBasis, MaintenanceInterval, MaintenancePlan } from '../domain/index.js';
import { precompiled } from '../../../platform/store/precompiled.js';
import { mapRead, type StoreRead } from '../../../platform/store/read-together.js';
import type { Db } from '../shared/db.js';
import type { MaintenanceOrdersTable, MaintenancePlansTable } from '../../../platform/store/schema.js';

/** A preventive maintenance plan of one piece of equipment, as stored. */
export interface StoredPlan {
  readonly equipmentId: string;
  readonly code: string;
  readonly name: string;
  readonly every: MaintenanceInterval;
  readonly leadFraction: number;
  readonly grace: number;
  /** When it was last carried out (or the moment the plan started counting from). */
  readonly lastDoneAt: number;
}

export type MaintenanceOrderKind = 'preventive' | 'corrective';
export type MaintenanceOrderStatus = 'open' | 'completed';

/** A maintenance order: preventive (from a due plan) or corrective (from a breakdown). */
export interface MaintenanceOrder {
  readonly id: string;
  readonly equipmentId: string;
  readonly kind: MaintenanceOrderKind;
  readonly planCode: string | null;
  readonly reason: string | null;
  readonly status: MaintenanceOrderStatus;
  readonly dueAt: number | null;
  /** What raised it: the plan's status, or the stop. */
  readonly trigger: Readonly<Record<string, unknown>>;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly completedAt: number | null;
  readonly completedBy: string | null;
  readonly notes: string | null;
}

function everyOf(basis: string, value: number): MaintenanceInterval {
  return basis === 'runHours' ? { runHours: value } : basis === 'cycles' ? { cycles: value } : { days: value };
}

export function basisOf(every: MaintenanceInterval): { basis: MaintenanceBasis; value: number } {
  return 'days' in every ? { basis: 'days', value: every.days } : 'runHours' in every ? { basis: 'runHours', value: every.runHours } : { basis: 'cycles', value: every.cycles };
}

function toPlan(r: MaintenancePlansTable): StoredPlan {
  return { equipmentId: r.equipment_id, code: r.code, name: r.name, every: everyOf(r.basis, r.interval_value), leadFraction: r.lead_fraction, grace: r.grace, lastDoneAt: r.last_done_at };
}

/** The domain plan of a stored one; its id is the plan code (unique per equipment). */
export function domainPlan(p: StoredPlan): MaintenancePlan {
  return { id: p.code, equipmentId: p.equipmentId, name: p.name, every: p.every, lastDone: { at: p.lastDoneAt }, leadFraction: p.leadFraction, grace: p.grace };
}

const selectPlansOf = precompiled((db, equipmentId: string) => db.selectFrom('maintenance_plans').selectAll().where('equipment_id', '=', equipmentId).orderBy('code'));

/** The plans of one piece of equipment, by code, as a read to run with others. */
export function plansRead(equipmentId: string): StoreRead<StoredPlan[]> {
  return mapRead(selectPlansOf.read(equipmentId), (rows) => rows.map(toPlan));
}

export async function plansOf(db: Db, equipmentId?: string): Promise<StoredPlan[]> {
  let q = db.selectFrom('maintenance_plans').selectAll();
  if (equipmentId !== undefined) q = q.where('equipment_id', '=', equipmentId);
  return (await q.orderBy('equipment_id').orderBy('code').execute()).map(toPlan);
}

export async function findPlan(db: Db, equipmentId: string, code: string): Promise<StoredPlan | undefined> {
  const r = await db.selectFrom('maintenance_plans').selectAll().where('equipment_id', '=', equipmentId).where('code', '=', code).executeTakeFirst();
  return r ? toPlan(r) : undefined;
}

export async function savePlan(db: Db, p: StoredPlan, now: number, exists: boolean): Promise<void> {
  const { basis, value } = basisOf(p.every);
  const row = { name: p.name, basis, interval_value: value, lead_fraction: p.leadFraction, grace: p.grace, last_done_at: p.lastDoneAt, updated_at: now };
  if (exists) await db.updateTable('maintenance_plans').set(row).where('equipment_id', '=', p.equipmentId).where('code', '=', p.code).execute();
  else await db.insertInto('maintenance_plans').values({ equipment_id: p.equipmentId, code: p.code, ...row, created_at: now }).execute();
}

export async function setPlanLastDone(db: Db, equipmentId: string, code: string, at: number, now: number): Promise<void> {
  await db.updateTable('maintenance_plans').set({ last_done_at: at, updated_at: now }).where('equipment_id', '=', equipmentId).where('code', '=', code).execute();
}

function toOrder(r: MaintenanceOrdersTable): MaintenanceOrder {
  return {
    id: r.id, equipmentId: r.equipment_id, kind: r.kind === 'corrective' ? 'corrective' : 'preventive', planCode: r.plan_code, reason: r.reason,
    status: r.status === 'completed' ? 'completed' : 'open', dueAt: r.due_at, trigger: JSON.parse(r.trigger_data) as Record<string, unknown>,
    createdAt: r.created_at, createdBy: r.created_by, completedAt: r.completed_at, completedBy: r.completed_by, notes: r.notes,
  };
}

export async function findMaintenanceOrder(db: Db, id: string): Promise<MaintenanceOrder | undefined> {
  const r = await db.selectFrom('maintenance_orders').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toOrder(r) : undefined;
}

export async function listMaintenanceOrders(db: Db, filter: { equipmentId?: string | undefined; status?: MaintenanceOrderStatus | undefined }): Promise<MaintenanceOrder[]> {
  let q = db.selectFrom('maintenance_orders').selectAll();
  if (filter.equipmentId !== undefined) q = q.where('equipment_id', '=', filter.equipmentId);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  return (await q.orderBy('created_at').orderBy('id').execute()).map(toOrder);
}

/** How many orders the equipment ever had: numbers the next one (callers hold the equipment lock). */
export async function countMaintenanceOrders(db: Db, equipmentId: string): Promise<number> {
  const r = await db.selectFrom('maintenance_orders').select((eb) => eb.fn.countAll<number>().as('n')).where('equipment_id', '=', equipmentId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function insertMaintenanceOrder(db: Db, o: MaintenanceOrder): Promise<void> {
  await db
    .insertInto('maintenance_orders')
    .values({
      id: o.id, equipment_id: o.equipmentId, kind: o.kind, plan_code: o.planCode, reason: o.reason, status: o.status, due_at: o.dueAt,
      trigger_data: JSON.stringify(o.trigger), created_at: o.createdAt, created_by: o.createdBy, completed_at: o.completedAt, completed_by: o.completedBy, notes: o.notes,
    })
    .execute();
}

/** Completes an open order; false when it was not open any more (guarded on the status it was read in). */
export async function completeMaintenanceOrderRow(db: Db, id: string, done: { at: number; by: string; notes: string }): Promise<boolean> {
  const r = await db
    .updateTable('maintenance_orders')
    .set({ status: 'completed', completed_at: done.at, completed_by: done.by, notes: done.notes })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
