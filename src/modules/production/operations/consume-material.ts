import { command } from '../../../platform/commands/command.js';
import { refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { readTogether } from '../../../platform/store/read-together.js';
import { addEdges, decrementLot, findLot, lotRead, lotUsable, setLotStatus, QUANTITY_EPSILON } from '../../inventory/index.js';
import { bomRead } from '../work-orders/work-order.repository.js';
import { linesAt, operationRunning, orderRunnable, personQualified, withinBom } from './execution.rules.js';
import { loadOperationContext } from './operation-context.js';
import { consumedAtRead, insertConsumption, producedLotsRead } from './operation.repository.js';

export interface ConsumeMaterial {
  readonly operationId: string;
  readonly lotId: string;
  readonly quantity: number;
}

/**
 * Consumes a quantity of a lot at a running operation: the lot must be the material the BOM asks for here,
 * released, not on hold or expired, with the quantity; the total stays within the BOM. Applies a guarded
 * decrement, a consumption row and genealogy edges to the order's output lots.
 */
export const consumeMaterial = command('operation.consume', async (ctx, cmd: ConsumeMaterial) => {
  const c = await loadOperationContext(ctx, cmd.operationId);
  // Independent reads after the order's lock: one round trip on PostgreSQL.
  const [lot, bom, consumed, outputs] = await readTogether(ctx.tx, [lotRead(cmd.lotId), bomRead(c.order.id), consumedAtRead(c.op.id), producedLotsRead(c.order.id)]);
  const lines = linesAt(c.op, bom);
  const line = lot ? lines.find((l) => l.materialId === lot.materialId) : undefined;
  const consumedSoFar = line ? (consumed.get(line.materialId) ?? 0) : 0;
  refuseIfAny([
    ...orderRunnable(c.order),
    ...operationRunning(c.op),
    ...personQualified(c.op, ctx.actor.username, c.qualifications, ctx.now),
    ...lotUsable({ lotId: cmd.lotId, lot, expectedMaterialIds: lines.map((l) => l.materialId), quantity: cmd.quantity, now: ctx.now }),
    ...withinBom({ op: c.op, order: c.order, line, consumedSoFar, quantity: cmd.quantity }),
  ]);
  if (!lot) throw new Error('unreachable: lotUsable refuses a missing lot');
  // The decrement is guarded in SQL: a concurrent consumer that got there first makes this one refuse.
  const remaining = await decrementLot(ctx.tx, lot.id, cmd.quantity);
  if (remaining === null) {
    const now = await findLot(ctx.tx, lot.id);
    refuseIfAny([violation('LOT_INSUFFICIENT_QUANTITY', `lot '${lot.id}' has ${now?.quantity ?? 0} left, ${cmd.quantity} asked`, { field: 'quantity', details: { lotId: lot.id, available: now?.quantity ?? 0, requested: cmd.quantity } })]);
    throw new Error('unreachable: a refusal was raised');
  }
  if (remaining < QUANTITY_EPSILON) await setLotStatus(ctx.tx, lot.id, 'released', 'consumed');
  await insertConsumption(ctx.tx, { operationId: c.op.id, workOrderId: c.order.id, lotId: lot.id, materialId: lot.materialId, quantity: cmd.quantity, at: ctx.now, actor: ctx.actor.username });
  await addEdges(ctx.tx, outputs.map((o) => ({ from: lot.id, to: o.lotId, quantity: cmd.quantity, workOrderId: c.order.id, kind: 'consume' as const })), ctx.now);
  ctx.record({
    action: 'lot.consumed', entity: 'lot', entityId: lot.id,
    data: {
      operationId: c.op.id, workOrderId: c.order.id, materialId: lot.materialId, quantity: cmd.quantity,
      changes: { quantity: { before: lot.quantity, after: remaining }, ...(remaining < QUANTITY_EPSILON ? { status: { before: 'released', after: 'consumed' } } : {}) },
    },
  });
  return { operationId: c.op.id, lotId: lot.id, materialId: lot.materialId, quantity: cmd.quantity, lotRemaining: remaining, consumedAtOperation: consumedSoFar + cmd.quantity };
});
