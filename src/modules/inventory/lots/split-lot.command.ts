import { command, type CommandContext } from '../../../platform/commands/command.js';
import { notFound, Refusal, refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { isUniqueViolation } from '../../../platform/store/database.js';
import { NO_WORK_ORDER } from '../genealogy/genealogy-edge.constants.js';
import { addEdges } from '../genealogy/genealogy.repository.js';
import { findLot, insertLot, type Lot } from './lot.repository.js';
import { splitAllowed } from './sublot.rules.js';
import { takeFromLot } from './sublot.repository.js';

export interface SplitLot {
  /** The parent lot. */
  readonly id: string;
  readonly newLotId: string;
  readonly quantity: number;
}

export interface SplitResult {
  readonly parent: Lot;
  readonly lot: Lot;
}

/** Every reason the split may not happen now, or the one that a concurrent change made true. */
async function refusalAfterRace(ctx: CommandContext, cmd: SplitLot): Promise<Refusal> {
  const now = await findLot(ctx.tx, cmd.id);
  if (!now) return notFound('lot', cmd.id);
  const found = splitAllowed({ parent: now, newLotId: cmd.newLotId, newLotExists: false, quantity: cmd.quantity, now: ctx.now });
  return new Refusal(found.length > 0 ? found : [
    violation('LOT_INSUFFICIENT_QUANTITY', `lot '${cmd.id}' changed while splitting; try again`, { field: 'quantity', details: { lotId: cmd.id, available: now.quantity, requested: cmd.quantity } }),
  ]);
}

/**
 * Splits a sublot off a lot: the parent loses the quantity (guarded, never below zero, `consumed` at zero), the new
 * lot gets it with the parent's material, status, expiry, supplier lot and order, and a `split` genealogy edge
 * parent → sublot keeps the trace whole. Refused with every reason at once; a race refuses rather than over-takes.
 */
export const splitLot = command('lot.split', async (ctx, cmd: SplitLot): Promise<SplitResult> => {
  const parent = await findLot(ctx.tx, cmd.id);
  if (!parent) throw notFound('lot', cmd.id);
  const newLotExists = (await findLot(ctx.tx, cmd.newLotId)) !== undefined;
  refuseIfAny(splitAllowed({ parent, newLotId: cmd.newLotId, newLotExists, quantity: cmd.quantity, now: ctx.now }));

  if (!(await takeFromLot(ctx.tx, parent.id, cmd.quantity, parent.status))) throw await refusalAfterRace(ctx, cmd);
  const lot: Lot = {
    id: cmd.newLotId, materialId: parent.materialId, quantity: cmd.quantity, initialQuantity: cmd.quantity, status: parent.status,
    expiresAt: parent.expiresAt, supplierLot: parent.supplierLot, workOrderId: parent.workOrderId, createdAt: ctx.now,
  };
  try {
    await insertLot(ctx.tx, lot);
  } catch (error) {
    // Another request created the same id between our read and our insert.
    if (isUniqueViolation(error)) throw new Refusal([violation('ALREADY_EXISTS', `lot '${lot.id}' already exists`, { field: 'newLotId', details: { lotId: lot.id } })]);
    throw error;
  }
  await addEdges(ctx.tx, [{ from: parent.id, to: lot.id, quantity: cmd.quantity, workOrderId: NO_WORK_ORDER, kind: 'split' }], ctx.now);
  const after = await findLot(ctx.tx, parent.id);
  if (!after) throw new Error(`lot ${parent.id} vanished inside its own transaction`);
  ctx.record({
    action: 'lot.split', entity: 'lot', entityId: parent.id,
    data: {
      newLotId: lot.id, materialId: lot.materialId, quantity: cmd.quantity, status: lot.status, expiresAt: lot.expiresAt,
      changes: { quantity: { before: after.quantity + cmd.quantity, after: after.quantity }, ...(after.status !== parent.status ? { status: { before: parent.status, after: after.status } } : {}) },
    },
  });
  return { parent: after, lot };
});
