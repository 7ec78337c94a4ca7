import type { Kysely, Transaction } from 'kysely';
import { precompiled } from '../../../platform/store/precompiled.js';
import { mapRead, runRead, type StoreRead } from '../../../platform/store/read-together.js';
import type { Database, OperationsTable, OrderBomLinesTable, WorkOrdersTable } from '../../../platform/store/schema.js';
import type { Characteristic } from '../../product/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export type OrderStatus = 'created' | 'released' | 'in_progress' | 'on_hold' | 'completed' | 'cancelled' | 'closed';
export type OperationStatus = 'ready' | 'running' | 'paused' | 'completed';

export interface WorkOrder {
  readonly id: string;
  readonly materialId: string;
  readonly revision: number;
  readonly quantity: number;
  readonly tolerance: number;
  readonly status: OrderStatus;
  readonly priority: number;
  readonly dueAt: number | null;
  readonly good: number;
  readonly scrap: number;
  readonly holdReason: string | null;
  readonly createdAt: number;
  readonly releasedAt: number | null;
  readonly completedAt: number | null;
}

export interface Operation {
  readonly id: string;
  readonly workOrderId: string;
  readonly seq: number;
  readonly name: string;
  readonly workCenterId: string;
  readonly qualification: string | null;
  readonly idealCycleTimeSec: number | null;
  readonly overlap: boolean;
  readonly critical: boolean;
  readonly instruction: string | null;
  readonly inspections: readonly Characteristic[];
  readonly status: OperationStatus;
  readonly equipmentId: string | null;
  readonly good: number;
  readonly scrap: number;
  readonly startedAt: number | null;
  readonly startedBy: string | null;
  readonly completedAt: number | null;
  readonly completedBy: string | null;
}

export interface OrderBomLine {
  readonly line: number;
  readonly materialId: string;
  readonly quantity: number;
  readonly uom: string;
  readonly operationSeq: number;
  readonly tolerance: number;
}

function toOrder(r: WorkOrdersTable): WorkOrder {
  return {
    id: r.id, materialId: r.material_id, revision: r.revision, quantity: r.quantity, tolerance: r.tolerance, status: r.status as OrderStatus,
    priority: r.priority, dueAt: r.due_at, good: r.good, scrap: r.scrap, holdReason: r.hold_reason, createdAt: r.created_at,
    releasedAt: r.released_at, completedAt: r.completed_at,
  };
}

export function toOperation(r: OperationsTable): Operation {
  return {
    id: r.id, workOrderId: r.work_order_id, seq: r.seq, name: r.name, workCenterId: r.work_center_id, qualification: r.qualification,
    idealCycleTimeSec: r.ideal_cycle_time_sec, overlap: r.overlap === 1, critical: r.critical === 1, instruction: r.instruction,
    inspections: JSON.parse(r.inspections) as Characteristic[], status: r.status as OperationStatus, equipmentId: r.equipment_id,
    good: r.good, scrap: r.scrap, startedAt: r.started_at, startedBy: r.started_by, completedAt: r.completed_at, completedBy: r.completed_by,
  };
}

function toBomLine(r: OrderBomLinesTable): OrderBomLine {
  return { line: r.line, materialId: r.material_id, quantity: r.quantity, uom: r.uom, operationSeq: r.operation_seq, tolerance: r.tolerance };
}

export async function findOrder(db: Db, id: string): Promise<WorkOrder | undefined> {
  const r = await db.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toOrder(r) : undefined;
}

export async function listOrders(db: Db, filter: { status?: OrderStatus; limit?: number }): Promise<WorkOrder[]> {
  let q = db.selectFrom('work_orders').selectAll();
  if (filter.status) q = q.where('status', '=', filter.status);
  return (await q.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit ?? 500).execute()).map(toOrder);
}

const selectOperationsOf = precompiled((db, orderId: string) => db.selectFrom('operations').selectAll().where('work_order_id', '=', orderId).orderBy('seq'));

export async function operationsOf(db: Db, orderId: string): Promise<Operation[]> {
  return (await selectOperationsOf(db, orderId)).rows.map(toOperation);
}

export async function findOperation(db: Db, id: string): Promise<Operation | undefined> {
  const r = await db.selectFrom('operations').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toOperation(r) : undefined;
}

const selectBomOf = precompiled((db, orderId: string) => db.selectFrom('order_bom_lines').selectAll().where('work_order_id', '=', orderId).orderBy('line'));

/** The order's BOM lines (its snapshot), by line; as a read to run with others. */
export function bomRead(orderId: string): StoreRead<OrderBomLine[]> {
  return mapRead(selectBomOf.read(orderId), (rows) => rows.map(toBomLine));
}

export async function bomOf(db: Db, orderId: string): Promise<OrderBomLine[]> {
  return runRead(db, bomRead(orderId));
}

export async function insertOrder(db: Db, o: WorkOrder, ops: readonly Operation[], bom: readonly OrderBomLine[]): Promise<void> {
  await db
    .insertInto('work_orders')
    .values({
      id: o.id, material_id: o.materialId, revision: o.revision, quantity: o.quantity, tolerance: o.tolerance, status: o.status, priority: o.priority,
      due_at: o.dueAt, good: 0, scrap: 0, hold_reason: null, created_at: o.createdAt, released_at: null, completed_at: null, version: 0,
    })
    .execute();
  await db
    .insertInto('operations')
    .values(
      ops.map((op) => ({
        id: op.id, work_order_id: o.id, seq: op.seq, name: op.name, work_center_id: op.workCenterId, qualification: op.qualification,
        ideal_cycle_time_sec: op.idealCycleTimeSec, overlap: op.overlap ? 1 : 0, critical: op.critical ? 1 : 0, instruction: op.instruction,
        inspections: JSON.stringify(op.inspections), status: op.status, equipment_id: null, good: 0, scrap: 0, started_at: null,
        started_by: null, completed_at: null, completed_by: null, version: 0,
      })),
    )
    .execute();
  if (bom.length > 0) {
    await db.insertInto('order_bom_lines').values(bom.map((b) => ({ work_order_id: o.id, line: b.line, material_id: b.materialId, quantity: b.quantity, uom: b.uom, operation_seq: b.operationSeq, tolerance: b.tolerance }))).execute();
  }
}

type OrderStatusSet = { holdReason?: string | null; releasedAt?: number; completedAt?: number };

/** One precompiled UPDATE for each combination of the columns a status change sets besides the status. */
const orderStatusUpdates = new Map<string, ReturnType<typeof orderStatusUpdate>>();
const orderStatusUpdate = (set: OrderStatusSet) =>
  precompiled((db, id: string, from: string, to: string, holdReason: string | null, releasedAt: number, completedAt: number) =>
    db
      .updateTable('work_orders')
      .set((eb) => ({
        status: to, version: eb('version', '+', 1),
        ...(set.holdReason !== undefined ? { hold_reason: holdReason } : {}),
        ...(set.releasedAt !== undefined ? { released_at: releasedAt } : {}),
        ...(set.completedAt !== undefined ? { completed_at: completedAt } : {}),
      }))
      .where('id', '=', id)
      .where('status', '=', from));

/** Moves an order between statuses, guarded on the status it was read in; false when it changed meanwhile. */
export async function setOrderStatus(db: Db, id: string, from: OrderStatus, to: OrderStatus, set: OrderStatusSet = {}): Promise<boolean> {
  const shape = `${set.holdReason !== undefined}${set.releasedAt !== undefined}${set.completedAt !== undefined}`;
  const update = orderStatusUpdates.get(shape) ?? orderStatusUpdates.set(shape, orderStatusUpdate(set)).get(shape);
  const r = await (update as ReturnType<typeof orderStatusUpdate>)(db, id, from, to, set.holdReason ?? null, set.releasedAt ?? 0, set.completedAt ?? 0);
  return Number(r.numAffectedRows) === 1;
}

/**
 * Takes the order's row lock for the rest of the transaction (a guarded no-op UPDATE: portable, no FOR UPDATE).
 * Commands on one order then run one after the other on PostgreSQL too, so totals read for a rule (consumed so
 * far, produced so far) cannot be raced past; on SQLite the single writer already guarantees it.
 */
export async function lockOrder(db: Db, id: string): Promise<void> {
  await db.updateTable('work_orders').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id).execute();
}

/**
 * Takes the row lock of an operation's order and reads the order, in one statement (the same guarded no-op UPDATE
 * as lockOrder, returning the row as locked); undefined when the operation does not exist. Every execution command
 * starts with it, so it saves them two round trips.
 */
const lockOrderOf = precompiled((db, operationId: string) =>
  db
    .updateTable('work_orders')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', (eb) => eb.selectFrom('operations').select('work_order_id').where('id', '=', operationId))
    .returningAll());

export async function lockOrderOfOperation(db: Db, operationId: string): Promise<WorkOrder | undefined> {
  const [r] = (await lockOrderOf(db, operationId)).rows;
  return r ? toOrder(r) : undefined;
}

export async function setOrderPriority(db: Db, id: string, priority: number): Promise<void> {
  await db.updateTable('work_orders').set((eb) => ({ priority, version: eb('version', '+', 1) })).where('id', '=', id).execute();
}

const addToOrder = precompiled((db, id: string, good: number, scrap: number) =>
  db.updateTable('work_orders').set((eb) => ({ good: eb('good', '+', good), scrap: eb('scrap', '+', scrap), version: eb('version', '+', 1) })).where('id', '=', id));

/** Adds good and scrap to an order's totals atomically. */
export async function addOrderQuantities(db: Db, id: string, good: number, scrap: number): Promise<void> {
  await addToOrder(db, id, good, scrap);
}
