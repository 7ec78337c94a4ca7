import { command, type CommandContext } from '../../../platform/commands/command.js';
import { invalidTransition, notFound, refuseIfAny, type Violation } from '../../../platform/errors/violation.js';
import { checkSignatures, type Signing } from '../../compliance/signatures/index.js';
import { decrementLot, findLot, setLotStatus, type LotStatus } from '../../inventory/index.js';
import { findOrder, lockOrder, operationsOf, setOrderStatus, type OrderStatus } from '../../production/index.js';
import { DISPOSITION_EFFECTS, dispositionAllowed } from './disposition.rules.js';
import { closeNonconformance, findNonconformance, openHolds, type Decision, type Nonconformance } from './nonconformance.repository.js';

export interface DispositionNonconformance extends Signing {
  readonly nonconformanceId: string;
  readonly decision: Decision;
  readonly reason: string;
}

/** Every check a disposition passes before it applies, the signature check included (the signature binds the nonconformance, decision and reason). */
async function dispositionChecks(ctx: CommandContext, nc: Nonconformance, cmd: DispositionNonconformance): Promise<{ violations: Violation[]; apply: () => Promise<unknown> }> {
  const content = { nonconformance: nc, decision: cmd.decision, reason: cmd.reason };
  const signed = await checkSignatures(ctx, { action: 'nonconformance.disposition', entity: 'nonconformance', entityId: nc.id, content, signing: cmd });
  return { violations: [...dispositionAllowed(nc, cmd.decision), ...signed.violations], apply: signed.apply };
}

const REJECTABLE: readonly LotStatus[] = ['on_hold', 'quarantine', 'released'];

/** Applies the decision to the lot: release from a quality hold no other open nonconformance keeps, or reject. */
async function applyToLot(ctx: CommandContext, nc: Nonconformance, cmd: DispositionNonconformance, othersHoldLot: boolean): Promise<LotStatus | null> {
  const lot = nc.lotId === null ? undefined : await findLot(ctx.tx, nc.lotId);
  if (!lot) return null;
  const effect = DISPOSITION_EFFECTS[cmd.decision];
  const data = { nonconformanceId: nc.id, decision: cmd.decision };
  if (effect.lot === 'release') {
    if (!nc.lotHeld || othersHoldLot || lot.status !== 'on_hold') return lot.status;
    if (!(await setLotStatus(ctx.tx, lot.id, 'on_hold', 'released'))) throw invalidTransition('lot', lot.id, lot.status, 'released');
    ctx.record({ action: 'lot.released', entity: 'lot', entityId: lot.id, data: { ...data, changes: { status: { before: 'on_hold', after: 'released' } } }, reason: cmd.reason });
    return 'released';
  }
  if (!REJECTABLE.includes(lot.status)) return lot.status;
  if (!(await setLotStatus(ctx.tx, lot.id, lot.status, 'rejected'))) throw invalidTransition('lot', lot.id, lot.status, 'rejected');
  const writtenOff = effect.writeOff ? lot.quantity : 0;
  if (writtenOff > 0 && (await decrementLot(ctx.tx, lot.id, writtenOff)) === null) throw invalidTransition('lot', lot.id, 'rejected', 'written off');
  ctx.record({
    action: 'lot.rejected', entity: 'lot', entityId: lot.id,
    data: { ...data, writtenOff, changes: { status: { before: lot.status, after: 'rejected' }, ...(writtenOff > 0 ? { quantity: { before: lot.quantity, after: 0 } } : {}) } },
    reason: cmd.reason,
  });
  return 'rejected';
}

/** Brings the order back from a quality hold no other open nonconformance keeps: in progress once started, else released. */
async function applyToOrder(ctx: CommandContext, nc: Nonconformance, cmd: DispositionNonconformance, othersHoldOrder: boolean): Promise<OrderStatus | null> {
  const order = await findOrder(ctx.tx, nc.workOrderId);
  if (!order) return null;
  if (!DISPOSITION_EFFECTS[cmd.decision].releaseOrder || !nc.orderHeld || othersHoldOrder || order.status !== 'on_hold') return order.status;
  const started = (await operationsOf(ctx.tx, order.id)).some((o) => o.status !== 'ready');
  const to: OrderStatus = started ? 'in_progress' : 'released';
  if (!(await setOrderStatus(ctx.tx, order.id, 'on_hold', to, { holdReason: null }))) throw invalidTransition('work order', order.id, order.status, to);
  ctx.record({ action: 'work-order.unheld', entity: 'work-order', entityId: order.id, data: { nonconformanceId: nc.id, decision: cmd.decision, changes: { status: { before: 'on_hold', after: to } } }, reason: cmd.reason });
  return to;
}

/**
 * Decides an open nonconformance (use as is, rework, scrap, return to vendor; see DISPOSITION_EFFECTS) and closes
 * it, journaled as `nonconformance.dispositioned`. Holds lift only where this nonconformance held and no other open
 * one still holds. The route lets the quality role (and admin) only.
 */
export const dispositionNonconformance = command('nonconformance.disposition', async (ctx, cmd: DispositionNonconformance) => {
  const found = await findNonconformance(ctx.tx, cmd.nonconformanceId);
  if (!found) throw notFound('nonconformance', cmd.nonconformanceId);
  await lockOrder(ctx.tx, found.workOrderId);
  // Read again under the order's lock: a disposition racing this one has either committed or waits.
  const nc = (await findNonconformance(ctx.tx, cmd.nonconformanceId)) ?? found;
  const checks = await dispositionChecks(ctx, nc, cmd);
  refuseIfAny(checks.violations);
  await checks.apply();
  if (!(await closeNonconformance(ctx.tx, nc.id, { decision: cmd.decision, reason: cmd.reason, at: ctx.now, by: ctx.actor.username }))) {
    throw invalidTransition('nonconformance', nc.id, nc.status, 'closed');
  }
  const others = await openHolds(ctx.tx, nc.workOrderId, nc.lotId, nc.id);
  const lotStatus = await applyToLot(ctx, nc, cmd, others.lot > 0);
  const orderStatus = await applyToOrder(ctx, nc, cmd, others.order > 0);
  ctx.record({
    action: 'nonconformance.dispositioned', entity: 'nonconformance', entityId: nc.id,
    data: { decision: cmd.decision, workOrderId: nc.workOrderId, lotId: nc.lotId, orderStatus, lotStatus, changes: { status: { before: 'open', after: 'closed' } } },
    reason: cmd.reason,
  });
  const closed: Nonconformance = { ...nc, status: 'closed', decision: cmd.decision, decisionReason: cmd.reason, decidedAt: ctx.now, decidedBy: ctx.actor.username };
  return { nonconformance: closed, orderStatus, lotStatus };
});
