import type { ImportedLot, InboundLotStatus } from '../b2mml/index.js';
import { findLot, holdLot, receiveLot, releaseLot, setLotStatus, type Lot } from '../../inventory/index.js';
import { awaitingSignature, signedStep } from './awaiting-signature.js';
import { attempt, importProblem, type ImportProblem, type Where } from './import-problem.js';
import { reasonOf, type ImportScope } from './import-scope.js';

const REJECTABLE: readonly Lot['status'][] = ['quarantine', 'released', 'on_hold'];

/** Takes a lot out of use for good (status rejected), journaled with the message that asked. */
async function reject(s: ImportScope, lot: Lot): Promise<ImportProblem[]> {
  if (!(await setLotStatus(s.ctx.tx, lot.id, lot.status, 'rejected'))) {
    return [importProblem('IMPORT_CONFLICT', `lot '${lot.id}' changed while it was being rejected`, s.index.lots.get(lot.id) ?? s.index.root)];
  }
  s.ctx.record({ action: 'lot.rejected', entity: 'lot', entityId: lot.id, data: { changes: { status: { before: lot.status, after: 'rejected' } } }, reason: reasonOf(s) });
  return [];
}

/**
 * True when lot.release needs a signature: the lot stays in `status` (where the import received or found it) and is
 * reported as awaiting its signed release; the import never releases it.
 */
async function releaseAwaitsSignature(s: ImportScope, lotId: string, status: Lot['status'], received: boolean, where: Where): Promise<boolean> {
  const release = await signedStep(s.ctx.tx, s.requirements, 'lot.release');
  if (!release) return false;
  s.awaiting.push(awaitingSignature(release, {
    entity: 'lot', entityId: lotId, from: status, to: 'released',
    what: received ? `lot '${lotId}' was received in ${status}, not released` : `lot '${lotId}' stays ${status}, not released`,
    next: `release it there (POST /api/v1/lots/${lotId}/release)`,
  }, where));
  return true;
}

/** Moves an existing lot to the status the ERP states, through the same transitions as the API. */
async function restate(s: ImportScope, lot: Lot, wanted: InboundLotStatus, where: Where): Promise<ImportProblem[]> {
  if (lot.status === wanted) return [];
  const what = `moving lot '${lot.id}' from ${lot.status} to ${wanted}`;
  if (wanted === 'released' && (lot.status === 'quarantine' || lot.status === 'on_hold')) {
    if (await releaseAwaitsSignature(s, lot.id, lot.status, false, where)) return [];
    return attempt(() => releaseLot.run(s.ctx, { id: lot.id, reason: reasonOf(s) }), what, where);
  }
  if (wanted === 'on_hold' && (lot.status === 'quarantine' || lot.status === 'released')) return attempt(() => holdLot.run(s.ctx, { id: lot.id, reason: reasonOf(s) }), what, where);
  if (wanted === 'rejected' && REJECTABLE.includes(lot.status)) return reject(s, lot);
  return [importProblem('IMPORT_CONFLICT', `lot '${lot.id}' is ${lot.status}; Takt does not move a lot from ${lot.status} to ${wanted}`, where)];
}

function differences(lot: Lot, wanted: ImportedLot, s: ImportScope, where: Where): ImportProblem[] {
  const item = s.index.lots.get(wanted.id);
  const out: ImportProblem[] = [];
  if (lot.materialId !== wanted.materialId) {
    out.push(importProblem('IMPORT_CONFLICT', `lot '${lot.id}' exists of material '${lot.materialId}', not '${wanted.materialId}'`, item?.material ?? where));
  }
  if (lot.initialQuantity !== wanted.quantity) {
    out.push(importProblem('IMPORT_CONFLICT', `lot '${lot.id}' was received with ${lot.initialQuantity}; Takt changes lot quantities only through execution`, item?.quantity ?? where));
  }
  const expires = wanted.expiresAt === null ? null : Date.parse(wanted.expiresAt);
  if (expires !== null && lot.expiresAt !== expires) {
    out.push(importProblem('IMPORT_CONFLICT', `lot '${lot.id}' expires ${lot.expiresAt === null ? 'never' : new Date(lot.expiresAt).toISOString()}; Takt does not change a lot's expiry`, item?.expiresAt ?? where));
  }
  return out;
}

/**
 * Receives a lot Takt does not hold (in the status the message states, quarantine by default; in quarantine, awaiting
 * its signed release, when it is stated released and lot.release needs a signature), or brings an existing one to the
 * stated status. An existing lot of another material, quantity or expiry is a conflict.
 */
export async function upsertLot(s: ImportScope, wanted: ImportedLot): Promise<ImportProblem[]> {
  const where: Where = s.index.lots.get(wanted.id) ?? s.index.root;
  const lot = await findLot(s.ctx.tx, wanted.id);
  if (lot) {
    const conflicts = differences(lot, wanted, s, where);
    if (conflicts.length > 0 || wanted.status === null) return conflicts;
    return restate(s, lot, wanted.status, where);
  }
  const quarantined = wanted.status === 'rejected' || (wanted.status === 'released' && (await releaseAwaitsSignature(s, wanted.id, 'quarantine', true, where)));
  const status = quarantined ? 'quarantine' : (wanted.status ?? undefined);
  let received: Lot | undefined;
  const problems = await attempt(async () => {
    received = await receiveLot.run(s.ctx, {
      id: wanted.id, materialId: wanted.materialId, quantity: wanted.quantity, status,
      expiresAt: wanted.expiresAt === null ? undefined : Date.parse(wanted.expiresAt), supplierLot: wanted.supplierLot ?? undefined,
    });
  }, `receiving lot '${wanted.id}'`, where);
  if (problems.length > 0 || received === undefined || wanted.status !== 'rejected') return problems;
  return reject(s, received);
}

/** Deleting a lot takes it out of use (rejected); the lot and its history stay. One Takt does not hold needs nothing. */
export async function deleteLot(s: ImportScope, lotId: string): Promise<ImportProblem[]> {
  const lot = await findLot(s.ctx.tx, lotId);
  if (!lot || !REJECTABLE.includes(lot.status)) return [];
  return reject(s, lot);
}
