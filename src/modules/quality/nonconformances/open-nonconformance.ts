import type { CommandContext } from '../../../platform/commands/command.js';
import { invalidTransition } from '../../../platform/errors/violation.js';
import { setLotStatus, type Lot, type LotStatus } from '../../inventory/index.js';
import type { Characteristic } from '../../product/index.js';
import { setOrderStatus, type OrderStatus, type WorkOrder } from '../../production/index.js';
import type { JudgedResult } from '../inspections/inspection.rules.js';
import { insertNonconformance, openHolds, type Nonconformance } from './nonconformance.repository.js';

/** What an out-of-spec inspection with onFail=hold acts on. */
export interface NonconformanceSource {
  readonly inspectionId: string;
  readonly characteristic: Characteristic;
  readonly operationId: string;
  readonly order: WorkOrder;
  readonly lot: Lot | undefined;
  readonly failed: readonly JudgedResult[];
}

const HOLDABLE_ORDER: readonly OrderStatus[] = ['released', 'in_progress'];
const HOLDABLE_LOT: readonly LotStatus[] = ['quarantine', 'released'];

/**
 * Opens a nonconformance and puts the order and the affected lot on hold, journaled (`nonconformance.opened`,
 * `work-order.held`, `lot.held`). An order that is running or released goes on hold; one a nonconformance already
 * holds keeps that hold, shared; one held for another reason, or completed, is left as it is (the nonconformance
 * then does not hold it, and its disposition will not release it). The same for the lot. Without a lot, the order
 * alone is held.
 */
export async function openNonconformance(ctx: CommandContext, s: NonconformanceSource): Promise<{ nonconformance: Nonconformance; orderStatus: OrderStatus; lotStatus: LotStatus | null }> {
  const held = await openHolds(ctx.tx, s.order.id, s.lot?.id ?? null);
  const holdOrder = HOLDABLE_ORDER.includes(s.order.status);
  const holdLot = s.lot !== undefined && HOLDABLE_LOT.includes(s.lot.status);
  const { code, lsl, usl } = s.characteristic;
  const nonconformance = await insertNonconformance(ctx.tx, {
    inspectionId: s.inspectionId, characteristicCode: code, operationId: s.operationId, workOrderId: s.order.id, lotId: s.lot?.id ?? null,
    orderHeld: holdOrder || (s.order.status === 'on_hold' && held.order > 0),
    lotHeld: holdLot || (s.lot?.status === 'on_hold' && held.lot > 0),
    description: `characteristic '${code}' out of specification: ${s.failed.map((f) => (f.value === null ? 'failed' : String(f.value))).join(', ')}`,
    findings: s.characteristic.type === 'attribute' ? { pass: false } : { values: s.failed.flatMap((f) => (f.value === null ? [] : [f.value])), lsl: lsl ?? null, usl: usl ?? null },
    openedAt: ctx.now, openedBy: ctx.actor.username,
  });
  const reason = `nonconformance ${nonconformance.id}: ${nonconformance.description}`;
  ctx.record({
    action: 'nonconformance.opened', entity: 'nonconformance', entityId: nonconformance.id,
    data: {
      inspectionId: s.inspectionId, characteristic: code, operationId: s.operationId, workOrderId: s.order.id, lotId: nonconformance.lotId,
      findings: nonconformance.findings, orderHeld: nonconformance.orderHeld, lotHeld: nonconformance.lotHeld,
    },
  });
  // Guarded on the status read: a change in between refuses the whole inspection, to be sent again.
  let orderStatus = s.order.status;
  if (holdOrder) {
    if (!(await setOrderStatus(ctx.tx, s.order.id, s.order.status, 'on_hold', { holdReason: reason }))) throw invalidTransition('work order', s.order.id, s.order.status, 'on_hold');
    orderStatus = 'on_hold';
    ctx.record({ action: 'work-order.held', entity: 'work-order', entityId: s.order.id, data: { nonconformanceId: nonconformance.id, changes: { status: { before: s.order.status, after: 'on_hold' } } }, reason });
  }
  let lotStatus = s.lot?.status ?? null;
  if (s.lot && holdLot) {
    if (!(await setLotStatus(ctx.tx, s.lot.id, s.lot.status, 'on_hold'))) throw invalidTransition('lot', s.lot.id, s.lot.status, 'on_hold');
    lotStatus = 'on_hold';
    ctx.record({ action: 'lot.held', entity: 'lot', entityId: s.lot.id, data: { nonconformanceId: nonconformance.id, changes: { status: { before: s.lot.status, after: 'on_hold' } } }, reason });
  }
  return { nonconformance, orderStatus, lotStatus };
}
