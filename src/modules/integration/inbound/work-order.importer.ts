import type { ImportedWorkOrder, WorkOrderRequest } from '../b2mml/index.js';
import { approvedRevision } from '../../product/index.js';
import { cancelWorkOrder, createWorkOrder, findOrder, reprioritizeWorkOrder, type WorkOrder } from '../../production/index.js';
import { attempt, importProblem, type ImportProblem, type Where } from './import-problem.js';
import { reasonOf, type ImportScope } from './import-scope.js';
import { insertOrderLink } from './order-link.repository.js';
import { reviseFromSchedule } from './schedule-revision.importer.js';

const FINAL: readonly WorkOrder['status'][] = ['completed', 'cancelled', 'closed'];

function differences(existing: WorkOrder, wanted: ImportedWorkOrder, request: WorkOrderRequest | undefined, where: Where): ImportProblem[] {
  const out: ImportProblem[] = [];
  const produced = request?.produced ?? null;
  if (existing.materialId !== wanted.materialId) {
    out.push(importProblem('IMPORT_CONFLICT', `work order '${existing.id}' exists and makes '${existing.materialId}', not '${wanted.materialId}'`, produced?.material ?? where));
  }
  if (existing.quantity !== wanted.quantity) {
    out.push(importProblem('IMPORT_CONFLICT', `work order '${existing.id}' exists for ${existing.quantity}; Takt does not change the quantity of an order (cancel it and send a new one)`, produced?.quantity ?? where));
  }
  const due = wanted.dueAt === null ? null : Date.parse(wanted.dueAt);
  if (due !== null && existing.dueAt !== due) {
    const was = existing.dueAt === null ? 'none' : new Date(existing.dueAt).toISOString();
    out.push(importProblem('IMPORT_CONFLICT', `work order '${existing.id}' exists with due date ${was}; Takt does not move the due date of an order`, request?.latestEnd ?? where));
  }
  return out;
}

/**
 * Creates the order (and, for a product without an approved revision, the revision built from the schedule,
 * approved; or, when that approval needs a signature, left a draft with the order not created, both reported as
 * awaiting it), or confirms an order that exists with the same material, quantity and due date (a changed priority is
 * applied). Anything else about an existing order is a conflict: Takt never rewrites an order behind its operators.
 */
export async function upsertWorkOrder(s: ImportScope, wanted: ImportedWorkOrder): Promise<ImportProblem[]> {
  const request = s.index.orders.get(wanted.id);
  const where: Where = request ?? s.index.root;
  const existing = await findOrder(s.ctx.tx, wanted.id);
  if (existing) {
    const conflicts = differences(existing, wanted, request, where);
    if (conflicts.length > 0 || wanted.priority === null || wanted.priority === existing.priority || FINAL.includes(existing.status)) return conflicts;
    const priority = wanted.priority;
    return attempt(() => reprioritizeWorkOrder.run(s.ctx, { id: existing.id, priority, reason: reasonOf(s) }), `changing the priority of work order '${existing.id}'`, where);
  }
  if (!(await approvedRevision(s.ctx.tx, wanted.materialId))) {
    const revised = await reviseFromSchedule(s, wanted, request, where);
    if (!revised.approved) return revised.problems;
  }
  const created = await attempt(
    () =>
      createWorkOrder.run(s.ctx, {
        id: wanted.id, materialId: wanted.materialId, quantity: wanted.quantity,
        dueAt: wanted.dueAt === null ? undefined : Date.parse(wanted.dueAt), priority: wanted.priority ?? undefined,
      }),
    `creating work order '${wanted.id}'`,
    where,
  );
  if (created.length > 0) return created;
  await insertOrderLink(s.ctx.tx, {
    workOrderId: wanted.id, messageId: s.message.messageId, version: s.message.version, scheduleId: wanted.scheduleId,
    senderLogicalId: s.message.applicationArea.senderLogicalId,
    segments: (request?.operations ?? []).map((o) => ({ seq: o.seq, segmentId: o.segmentId, processSegmentId: o.processSegmentId })),
    createdAt: s.ctx.now,
  });
  return [];
}

/** Cancels the order; one Takt does not hold, or already cancelled, needs nothing. A completed or closed one cannot be. */
export async function cancelImportedWorkOrder(s: ImportScope, workOrderId: string): Promise<ImportProblem[]> {
  const where: Where = s.index.orders.get(workOrderId) ?? s.index.root;
  const existing = await findOrder(s.ctx.tx, workOrderId);
  if (!existing || existing.status === 'cancelled') return [];
  if (FINAL.includes(existing.status)) {
    return [importProblem('IMPORT_CONFLICT', `work order '${workOrderId}' is ${existing.status} and can no longer be cancelled`, where)];
  }
  return attempt(() => cancelWorkOrder.run(s.ctx, { id: workOrderId, reason: reasonOf(s) }), `cancelling work order '${workOrderId}'`, where);
}
