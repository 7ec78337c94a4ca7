import { command } from '../../../../platform/commands/command.js';
import { refuseIfAny, violation } from '../../../../platform/errors/violation.js';
import { approvedRevision, findMaterial, findRevision } from '../../../product/index.js';
import { findOrder, insertOrder, type Operation, type OrderBomLine, type WorkOrder } from '../work-order.repository.js';

export interface CreateWorkOrder {
  readonly id: string;
  readonly materialId: string;
  readonly quantity: number;
  readonly dueAt?: number | undefined;
  readonly priority?: number | undefined;
  readonly tolerance?: number | undefined;
  /** A specific approved revision; default the approved one. */
  readonly revision?: number | undefined;
}

/** The id of an order's operation: unique because the step number is the last dot-separated part. */
export function operationId(orderId: string, seq: number): string {
  return `${orderId}.${seq}`;
}

/**
 * Creates a work order from the product's approved revision, snapshotting its BOM and routing: a later revision
 * never changes an order that exists.
 */
export const createWorkOrder = command('work-order.create', async (ctx, cmd: CreateWorkOrder) => {
  const material = await findMaterial(ctx.tx, cmd.materialId);
  const revision = cmd.revision !== undefined ? await findRevision(ctx.tx, cmd.materialId, cmd.revision) : await approvedRevision(ctx.tx, cmd.materialId);
  refuseIfAny([
    ...((await findOrder(ctx.tx, cmd.id)) ? [violation('ALREADY_EXISTS', `work order '${cmd.id}' already exists`, { field: 'id' })] : []),
    ...(!material ? [violation('INVALID_FIELD', `material '${cmd.materialId}' does not exist`, { field: 'materialId', details: { reason: 'REFERENCE_NOT_FOUND' } })] : []),
    ...(material && (!revision || revision.status !== 'approved')
      ? [violation('REVISION_NOT_APPROVED', `${cmd.materialId} has no approved revision${cmd.revision !== undefined ? ` ${cmd.revision}` : ''} to make it from`, { field: cmd.revision !== undefined ? 'revision' : 'materialId', details: { materialId: cmd.materialId, revision: cmd.revision ?? null, status: revision?.status ?? null } })]
      : []),
  ]);
  if (!revision) throw new Error('unreachable: refused above');
  const order: WorkOrder = {
    id: cmd.id, materialId: cmd.materialId, revision: revision.revision, quantity: cmd.quantity, tolerance: cmd.tolerance ?? 0, status: 'created',
    priority: cmd.priority ?? 0, dueAt: cmd.dueAt ?? null, good: 0, scrap: 0, holdReason: null, createdAt: ctx.now, releasedAt: null, completedAt: null,
  };
  const ops: Operation[] = revision.routing.map((s) => ({
    id: operationId(cmd.id, s.seq), workOrderId: cmd.id, seq: s.seq, name: s.name, workCenterId: s.workCenterId, qualification: s.qualification ?? null,
    idealCycleTimeSec: s.idealCycleTimeSec ?? null, overlap: s.overlap, critical: s.critical, instruction: s.workInstruction ?? null,
    inspections: s.inspections, status: 'ready', equipmentId: null, good: 0, scrap: 0, startedAt: null, startedBy: null, completedAt: null, completedBy: null,
  }));
  const bom: OrderBomLine[] = revision.bom.map((b, i) => ({ line: i + 1, materialId: b.materialId, quantity: b.quantity, uom: b.uom, operationSeq: b.operationSeq, tolerance: b.tolerance }));
  await insertOrder(ctx.tx, order, ops, bom);
  ctx.record({ action: 'work-order.created', entity: 'work-order', entityId: order.id, data: { materialId: order.materialId, revision: order.revision, quantity: order.quantity, dueAt: order.dueAt, tolerance: order.tolerance, operations: ops.map((o) => o.id) } });
  return { ...order, operations: ops, bom };
});
