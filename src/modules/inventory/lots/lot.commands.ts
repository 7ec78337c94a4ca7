import { mayActAs } from '../../../platform/auth/roles.js';
import { command } from '../../../platform/commands/command.js';
import { invalidTransition, notFound, refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { checkSignatures, type Signing } from '../../compliance/signatures/index.js';
import { findMaterial } from '../../product/index.js';
import { lotReleaseBlockers } from '../../quality/index.js';
import { findLot, insertLot, setLotStatus, type Lot, type LotStatus } from './lot.repository.js';
import { LOT_RELEASE_ROLES, receiptReleaseAllowed } from './lot.rules.js';

const DAY = 86_400_000;

export interface ReceiveLot extends Signing {
  readonly id: string;
  readonly materialId: string;
  readonly quantity: number;
  readonly expiresAt?: number | undefined;
  readonly status?: 'quarantine' | 'released' | 'on_hold' | undefined;
  readonly supplierLot?: string | undefined;
}

/**
 * What the signer of a receipt as released signs: the lot as asked to be received and the shelf life its expiry comes
 * from when none is given (not the expiry itself, which depends on the moment, so the hash a refusal names is the one
 * the signed attempt computes).
 */
function receiptContent(cmd: ReceiveLot, shelfLifeDays: number | null): unknown {
  const { id, materialId, quantity } = cmd;
  return { receipt: { id, materialId, quantity, status: 'released', expiresAt: cmd.expiresAt ?? null, supplierLot: cmd.supplierLot ?? null }, shelfLifeDays };
}

/**
 * Receives a lot: quarantine unless a status is given; expiry from the material's shelf life unless given. Receiving a
 * lot as `released` is its release: it is signed as `lot.release` is (the same check, stored and journaled the same
 * way) when the policy asks for a signature, and refused with SIGNATURE_REQUIRED beside every other violation when not.
 * Where the policy asks for one, only a person who may release a lot (LOT_RELEASE_ROLES) may receive as released, so the
 * signature (always the acting person's) carries release authority; others are refused with FORBIDDEN (403).
 */
export const receiveLot = command('lot.receive', async (ctx, cmd: ReceiveLot): Promise<Lot> => {
  const material = await findMaterial(ctx.tx, cmd.materialId);
  const existing = await findLot(ctx.tx, cmd.id);
  const shelfLife = material?.shelfLifeDays ?? null;
  const released = cmd.status === 'released';
  const signed = released ? await checkSignatures(ctx, { action: 'lot.release', entity: 'lot', entityId: cmd.id, content: receiptContent(cmd, shelfLife), signing: cmd }) : null;
  refuseIfAny([
    ...receiptReleaseAllowed({ lotId: cmd.id, releaseSigned: signed?.required ?? false, actorMayRelease: mayActAs(ctx.actor, LOT_RELEASE_ROLES) }),
    ...(existing ? [violation('ALREADY_EXISTS', `lot '${cmd.id}' already exists`, { field: 'id' })] : []),
    ...(!material ? [violation('INVALID_FIELD', `material '${cmd.materialId}' does not exist`, { field: 'materialId', details: { reason: 'REFERENCE_NOT_FOUND' } })] : []),
    ...(!released && (cmd.signature || cmd.witness) ? [violation('INVALID_FIELD', `a signature signs a lot received as released; this one is received in ${cmd.status ?? 'quarantine'}`, { field: cmd.signature ? 'signature' : 'witness' })] : []),
    ...(signed?.violations ?? []),
  ]);
  await signed?.apply();
  const lot: Lot = {
    id: cmd.id, materialId: cmd.materialId, quantity: cmd.quantity, initialQuantity: cmd.quantity, status: cmd.status ?? 'quarantine',
    expiresAt: cmd.expiresAt ?? (shelfLife !== null ? ctx.now + shelfLife * DAY : null), supplierLot: cmd.supplierLot ?? null,
    workOrderId: null, createdAt: ctx.now,
  };
  await insertLot(ctx.tx, lot);
  ctx.record({ action: 'lot.received', entity: 'lot', entityId: lot.id, data: { materialId: lot.materialId, quantity: lot.quantity, status: lot.status, expiresAt: lot.expiresAt, supplierLot: lot.supplierLot } });
  return lot;
});

const HOLDABLE: readonly LotStatus[] = ['quarantine', 'released'];
const RELEASABLE: readonly LotStatus[] = ['quarantine', 'on_hold'];

/** Puts a lot on hold with a reason: nothing may consume it until it is released. */
export const holdLot = command('lot.hold', async (ctx, cmd: { id: string; reason: string }): Promise<Lot> => {
  const lot = await findLot(ctx.tx, cmd.id);
  if (!lot) throw notFound('lot', cmd.id);
  if (!HOLDABLE.includes(lot.status) || !(await setLotStatus(ctx.tx, lot.id, lot.status, 'on_hold'))) throw invalidTransition('lot', lot.id, lot.status, 'on_hold');
  ctx.record({ action: 'lot.held', entity: 'lot', entityId: lot.id, data: { changes: { status: { before: lot.status, after: 'on_hold' } } }, reason: cmd.reason });
  return { ...lot, status: 'on_hold' };
});

/**
 * Releases a lot from quarantine or hold, with a reason, signed when the `lot.release` signature policy asks for it
 * (the signature binds the lot as it was and the reason). A lot that an open nonconformance holds is not released here
 * (quality's `lotReleaseBlockers`: LOT_HELD_BY_NONCONFORMANCE naming it): its disposition releases or rejects
 * it. Every path that releases an existing lot (the route, the UI through it, a B2MML SyncMaterialLot) comes here.
 */
export const releaseLot = command('lot.release', async (ctx, cmd: { id: string; reason: string } & Signing): Promise<Lot> => {
  const lot = await findLot(ctx.tx, cmd.id);
  if (!lot) throw notFound('lot', cmd.id);
  const signed = await checkSignatures(ctx, { action: 'lot.release', entity: 'lot', entityId: lot.id, content: { lot, reason: cmd.reason }, signing: cmd });
  refuseIfAny([
    ...(RELEASABLE.includes(lot.status) ? [] : invalidTransition('lot', lot.id, lot.status, 'released').violations),
    ...(lot.status === 'on_hold' ? await lotReleaseBlockers(ctx.tx, lot.id) : []),
    ...signed.violations,
  ]);
  await signed.apply();
  if (!(await setLotStatus(ctx.tx, lot.id, lot.status, 'released'))) throw invalidTransition('lot', lot.id, lot.status, 'released');
  ctx.record({ action: 'lot.released', entity: 'lot', entityId: lot.id, data: { changes: { status: { before: lot.status, after: 'released' } } }, reason: cmd.reason });
  return { ...lot, status: 'released' };
});
