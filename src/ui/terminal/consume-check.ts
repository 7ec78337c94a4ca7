import { ApiError, dryRun, get, seg, UnreachableError } from '../api/client.js';
import type { DryRun, Lot, Operation, WorkOrderDetail } from '../api/types.js';

export interface LotCheck {
  readonly lotId: string;
  readonly lot: Lot | null;
  readonly quantity: number;
  readonly result: DryRun | 'unreachable';
}

/** What is still to consume of a material at this step: BOM quantity × order quantity − consumed so far (≥ 0). */
export function remainingNeed(order: WorkOrderDetail | null, op: Operation, materialId: string): number | null {
  if (!order) return null;
  const line = order.bom.find((l) => l.operationSeq === op.seq && l.materialId === materialId);
  if (!line) return null;
  const consumed = order.consumptions.filter((c) => c.operation_id === op.id && c.material_id === materialId).reduce((s, c) => s + c.quantity, 0);
  return Math.max(0, Math.round((line.quantity * order.quantity - consumed) * 1e6) / 1e6);
}

/** The quantity to propose for a scanned lot: what the step still needs of it, at most what the lot holds. */
export function proposedQuantity(order: WorkOrderDetail | null, op: Operation, lot: Lot | null): number | null {
  if (!lot) return null;
  const need = remainingNeed(order, op, lot.materialId);
  if (need === null || need <= 0) return lot.quantity > 0 ? lot.quantity : null;
  return Math.min(need, lot.quantity);
}

/**
 * Checks a scanned or typed lot for consumption at the operation: reads the lot (for the proposal), then asks the
 * server with a dry run. Quantity null: use the proposal (or 1 when there is none, to learn why the lot is refused).
 */
export async function checkLot(op: Operation, order: WorkOrderDetail | null, lotId: string, quantity: number | null, signal?: AbortSignal): Promise<LotCheck> {
  let lot: Lot | null = null;
  try {
    lot = await get<Lot>(`/lots/${seg(lotId)}`, signal);
  } catch (error) {
    if (error instanceof UnreachableError) return { lotId, lot: null, quantity: quantity ?? 0, result: 'unreachable' };
    if (!(error instanceof ApiError)) throw error;
  }
  const q = quantity ?? proposedQuantity(order, op, lot) ?? 1;
  try {
    return { lotId, lot, quantity: q, result: await dryRun(`/operations/${seg(op.id)}/consume`, { lotId, quantity: q }, signal) };
  } catch (error) {
    if (error instanceof UnreachableError) return { lotId, lot, quantity: q, result: 'unreachable' };
    if (error instanceof ApiError) return { lotId, lot, quantity: q, result: { allowed: false, violations: error.violations } };
    throw error;
  }
}
