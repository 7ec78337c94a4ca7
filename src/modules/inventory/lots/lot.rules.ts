import type { Role } from '../../../platform/auth/roles.js';
import { violation, type Violation } from '../../../platform/errors/violation.js';
import type { Lot } from './lot.repository.js';

/**
 * Who may release a lot (from quarantine or hold): the quality engineer's decision. The release route allows these
 * roles, and a receipt as released checks them where releases are signed; an administrator may always.
 */
export const LOT_RELEASE_ROLES: readonly Role[] = ['quality'];

export interface ReceiptReleaseFacts {
  readonly lotId: string;
  /** The lot.release policy asks for a signature: the plant made the release a signed, regulated act. */
  readonly releaseSigned: boolean;
  /** The acting person may release a lot (LOT_RELEASE_ROLES, or an administrator). */
  readonly actorMayRelease: boolean;
}

/**
 * May the acting person receive this lot as released? Receiving as released is the lot's release: where releases are
 * signed (21 CFR 11.10(g)) only those who may release a lot may, as through the release route; elsewhere anyone who
 * may receive (a store clerk taking in supplier-certified lots).
 */
export function receiptReleaseAllowed(f: ReceiptReleaseFacts): Violation[] {
  if (!f.releaseSigned || f.actorMayRelease) return [];
  return [violation('FORBIDDEN', `receiving lot '${f.lotId}' as released releases it, a signed act here: only role ${LOT_RELEASE_ROLES.join(', ')} (or an administrator) may; receive it in quarantine for its release`, {
    field: 'status', details: { lotId: f.lotId, action: 'lot.release', roles: [...LOT_RELEASE_ROLES] },
  })];
}

export interface LotUseContext {
  readonly lotId: string;
  readonly lot: Lot | undefined;
  /** The material the BOM asks for at this operation; undefined when the lot's material is in no line there. */
  readonly expectedMaterialIds: readonly string[];
  readonly quantity: number;
  readonly now: number;
}

/** May this lot be consumed here, now, in this quantity? Every reason it may not, at once. */
export function lotUsable(c: LotUseContext): Violation[] {
  const { lot } = c;
  if (!lot) return [violation('LOT_NOT_FOUND', `lot '${c.lotId}' does not exist`, { field: 'lotId', details: { lotId: c.lotId } })];
  const out: Violation[] = [];
  if (!c.expectedMaterialIds.includes(lot.materialId)) {
    out.push(violation('LOT_WRONG_MATERIAL', `lot '${lot.id}' is ${lot.materialId}; this operation consumes ${c.expectedMaterialIds.join(', ') || 'no material'}`, { field: 'lotId', details: { lotId: lot.id, materialId: lot.materialId, expected: c.expectedMaterialIds } }));
  }
  if (lot.status === 'on_hold') out.push(violation('LOT_ON_HOLD', `lot '${lot.id}' is on hold`, { field: 'lotId', details: { lotId: lot.id } }));
  else if (lot.status !== 'released') {
    out.push(violation('LOT_NOT_RELEASED', `lot '${lot.id}' is ${lot.status.replace('_', ' ')}, not released`, { field: 'lotId', details: { lotId: lot.id, status: lot.status } }));
  }
  if (lot.expiresAt !== null && lot.expiresAt <= c.now) {
    out.push(violation('LOT_EXPIRED', `lot '${lot.id}' expired on ${new Date(lot.expiresAt).toISOString()}`, { field: 'lotId', details: { lotId: lot.id, expiresAt: new Date(lot.expiresAt).toISOString() } }));
  }
  if (lot.quantity < c.quantity - 1e-9) {
    out.push(violation('LOT_INSUFFICIENT_QUANTITY', `lot '${lot.id}' has ${lot.quantity} left, ${c.quantity} asked`, { field: 'quantity', details: { lotId: lot.id, available: lot.quantity, requested: c.quantity } }));
  }
  return out;
}
