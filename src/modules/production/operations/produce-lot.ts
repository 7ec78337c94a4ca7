import { command } from '../../../platform/commands/command.js';
import { refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { readTogether } from '../../../platform/store/read-together.js';
import { addEdges, incrementLot, insertLot, lotRead, type Lot } from '../../inventory/index.js';
import { materialRead } from '../../product/index.js';
import { operationRunning, orderRunnable, personQualified, withinOrderQuantity } from './execution.rules.js';
import { loadOperationContext } from './operation-context.js';
import { outputLotStatusRead } from '../settings/output-lot-status.js';
import { consumedLotsRead, insertProduction, producedLotsRead } from './operation.repository.js';

const DAY = 86_400_000;

export interface ProduceLot {
  readonly operationId: string;
  readonly lotId: string;
  readonly quantity: number;
}

/**
 * Records output of the order's material into a lot (new, or one this order already produced), with genealogy edges
 * from every lot the order consumed. A new lot arrives released, or in quarantine where the plant has its quality unit
 * release output first (output-lot-status). Total output stays within the order's tolerance.
 */
export const produceLot = command('operation.produce', async (ctx, cmd: ProduceLot) => {
  const c = await loadOperationContext(ctx, cmd.operationId);
  // Independent reads after the order's lock: one round trip on PostgreSQL.
  const [existing, produced, material, inputs, outputStatus] = await readTogether(ctx.tx, [
    lotRead(cmd.lotId), producedLotsRead(c.order.id), materialRead(c.order.materialId), consumedLotsRead(c.order.id), outputLotStatusRead(),
  ]);
  const producedSoFar = produced.reduce((s, p) => s + p.quantity, 0);
  const foreign = existing && (existing.workOrderId !== c.order.id || existing.materialId !== c.order.materialId);
  refuseIfAny([
    ...orderRunnable(c.order),
    ...operationRunning(c.op),
    ...personQualified(c.op, ctx.actor.username, c.qualifications, ctx.now),
    ...(foreign ? [violation('ALREADY_EXISTS', `lot '${cmd.lotId}' already exists and is not output of this order`, { field: 'lotId', details: { lotId: cmd.lotId } })] : []),
    ...withinOrderQuantity(c.order, producedSoFar, cmd.quantity).map((v) => ({ ...v, field: 'quantity' })),
  ]);
  let lot: Lot;
  if (existing) {
    await incrementLot(ctx.tx, existing.id, cmd.quantity);
    lot = { ...existing, quantity: existing.quantity + cmd.quantity };
  } else {
    lot = {
      id: cmd.lotId, materialId: c.order.materialId, quantity: cmd.quantity, initialQuantity: cmd.quantity, status: outputStatus,
      expiresAt: material?.shelfLifeDays ? ctx.now + material.shelfLifeDays * DAY : null, supplierLot: null, workOrderId: c.order.id, createdAt: ctx.now,
    };
    await insertLot(ctx.tx, lot);
  }
  await insertProduction(ctx.tx, { operationId: c.op.id, workOrderId: c.order.id, lotId: lot.id, quantity: cmd.quantity, at: ctx.now, actor: ctx.actor.username });
  if (!existing) {
    await addEdges(ctx.tx, inputs.map((i) => ({ from: i.lotId, to: lot.id, quantity: i.quantity, workOrderId: c.order.id, kind: 'consume' as const })), ctx.now);
  }
  ctx.record({
    action: 'lot.produced', entity: 'lot', entityId: lot.id, data: {
      operationId: c.op.id, workOrderId: c.order.id, materialId: lot.materialId, quantity: cmd.quantity, status: lot.status, total: lot.quantity,
      changes: { quantity: { before: existing?.quantity ?? null, after: lot.quantity } },
    },
  });
  return { operationId: c.op.id, lot, producedTotal: producedSoFar + cmd.quantity };
});
