import { violation, type Violation } from '../../../platform/errors/violation.js';
import { QUANTITY_EPSILON, type Lot } from './lot.repository.js';

/** Statuses a lot may be split or merged in: material that is waiting for release or free to use. */
const DIVISIBLE = ['quarantine', 'released'] as const;

/**
 * Why a lot may not give material to a sublot or a merge: on hold, expired (by status or date), or used up /
 * rejected. Every reason at once; `field` names the request field that pointed at the lot.
 */
export function lotDivisible(lot: Lot, now: number, field: string): Violation[] {
  const out: Violation[] = [];
  if (lot.status === 'on_hold') out.push(violation('LOT_ON_HOLD', `lot '${lot.id}' is on hold`, { field, details: { lotId: lot.id } }));
  if (lot.status === 'expired' || (lot.expiresAt !== null && lot.expiresAt <= now)) {
    const expiresAt = lot.expiresAt === null ? null : new Date(lot.expiresAt).toISOString();
    out.push(violation('LOT_EXPIRED', `lot '${lot.id}' has expired`, { field, details: { lotId: lot.id, expiresAt } }));
  }
  if (!['on_hold', 'expired', ...DIVISIBLE].includes(lot.status)) {
    out.push(violation('LOT_NOT_RELEASED', `lot '${lot.id}' is ${lot.status}`, { field, details: { lotId: lot.id, status: lot.status } }));
  }
  return out;
}

export interface SplitContext {
  readonly parent: Lot;
  readonly newLotId: string;
  readonly newLotExists: boolean;
  readonly quantity: number;
  readonly now: number;
}

/** May this quantity of the parent become a new sublot? Every reason it may not, at once. */
export function splitAllowed(c: SplitContext): Violation[] {
  const out: Violation[] = [];
  if (c.newLotExists) out.push(violation('ALREADY_EXISTS', `lot '${c.newLotId}' already exists`, { field: 'newLotId', details: { lotId: c.newLotId } }));
  if (c.newLotId === c.parent.id) out.push(violation('INVALID_FIELD', 'a sublot needs an id of its own', { field: 'newLotId' }));
  out.push(...lotDivisible(c.parent, c.now, 'id'));
  if (c.parent.quantity < c.quantity - QUANTITY_EPSILON) {
    out.push(violation('LOT_INSUFFICIENT_QUANTITY', `lot '${c.parent.id}' has ${c.parent.quantity} left, ${c.quantity} asked`, {
      field: 'quantity', details: { lotId: c.parent.id, available: c.parent.quantity, requested: c.quantity },
    }));
  }
  return out;
}

export interface MergeContext {
  readonly targetLotId: string;
  readonly target: Lot | undefined;
  readonly sourceLotIds: readonly string[];
  /** The loaded sources, by id; a missing id is an unknown lot. */
  readonly sources: ReadonlyMap<string, Lot>;
  readonly now: number;
}

/**
 * May these sources be poured into the target? Same material, none on hold or expired, nothing merged twice or
 * into itself, nothing from quarantine into released stock (that would release untested material). Every reason at once.
 */
export function mergeAllowed(c: MergeContext): Violation[] {
  const out: Violation[] = [];
  const { target } = c;
  if (!target) {
    out.push(violation('LOT_NOT_FOUND', `lot '${c.targetLotId}' does not exist`, { field: 'targetLotId', details: { lotId: c.targetLotId } }));
  } else {
    out.push(...lotDivisible(target, c.now, 'targetLotId'));
  }
  const seen = new Set<string>();
  c.sourceLotIds.forEach((id, i) => {
    const field = `sourceLotIds[${i}]`;
    if (id === c.targetLotId) out.push(violation('INVALID_FIELD', `lot '${id}' cannot be merged into itself`, { field }));
    if (seen.has(id)) {
      out.push(violation('INVALID_FIELD', `lot '${id}' is listed twice`, { field }));
      return;
    }
    seen.add(id);
    const source = c.sources.get(id);
    if (!source) {
      out.push(violation('LOT_NOT_FOUND', `lot '${id}' does not exist`, { field, details: { lotId: id } }));
      return;
    }
    out.push(...lotDivisible(source, c.now, field));
    if (target && source.materialId !== target.materialId) {
      out.push(violation('LOT_WRONG_MATERIAL', `lot '${id}' is ${source.materialId}; lot '${target.id}' is ${target.materialId}`, {
        field, details: { lotId: id, materialId: source.materialId, expected: target.materialId },
      }));
    }
    if (target?.status === 'released' && source.status === 'quarantine') {
      out.push(violation('LOT_NOT_RELEASED', `lot '${id}' is in quarantine and lot '${target.id}' is released`, { field, details: { lotId: id, status: source.status } }));
    }
    if (source.quantity <= QUANTITY_EPSILON) {
      out.push(violation('LOT_INSUFFICIENT_QUANTITY', `lot '${id}' has nothing left`, { field, details: { lotId: id, available: source.quantity } }));
    }
  });
  return out;
}
