import { command } from '../../../platform/commands/command.js';
import { notFound, refuseIfAny, violation, type Violation } from '../../../platform/errors/violation.js';
import { findOrder, lockOrder } from '../../production/index.js';
import { checkSignatures, type SignedAction, type Signing } from '../signatures/index.js';
import { insertSignoff, RECORD_ENTITY, RECORD_RULES } from './batch-record.repository.js';
import { assembleRecord, loadRecordSource } from './batch-record.query.js';
import type { ReviewSummary } from './batch-record.types.js';

export interface RecordSignoff extends Signing {
  readonly workOrderId: string;
  readonly comment?: string | undefined;
}

const DONE = ['completed', 'closed'];

function signoff(name: SignedAction, kind: 'review' | 'release', action: string) {
  return command(name, async (ctx, cmd: RecordSignoff) => {
    // One sign-off of an order at a time: the second of two concurrent releases sees the first.
    await lockOrder(ctx.tx, cmd.workOrderId);
    const order = await findOrder(ctx.tx, cmd.workOrderId);
    const source = order ? await loadRecordSource(ctx.tx, cmd.workOrderId) : undefined;
    if (!order || !source) throw notFound('work order', cmd.workOrderId);
    const released = source.signoffs.find((s) => s.kind === 'release');
    const record = assembleRecord(source, ctx.now);
    const lastReview = record.reviews.at(-1);
    const problems: Violation[] = [
      ...(released ? [violation('INVALID_TRANSITION', `the record of ${order.id} was released on ${new Date(released.at).toISOString()}: it is locked, later events appear as amendments`, { details: { entity: RECORD_ENTITY, workOrderId: order.id, releasedAt: new Date(released.at).toISOString(), from: 'released', to: kind } })] : []),
      ...(kind === 'release' && !DONE.includes(order.status) ? [violation('INVALID_TRANSITION', `order ${order.id} is ${order.status}: its record is released once the order is completed or closed`, { details: { entity: RECORD_ENTITY, workOrderId: order.id, orderStatus: order.status, from: order.status, to: 'released' } })] : []),
      ...(kind === 'release' && !released ? reviewCovers(order.id, lastReview) : []),
    ];
    // The signatures bind to the exact content shown: the signer signs what the record says now, nothing else.
    const signed = await checkSignatures(ctx, { action: name, entity: RECORD_ENTITY, entityId: order.id, content: record.content, signing: cmd });
    refuseIfAny([...problems, ...signed.violations]);
    const signatures = await signed.apply();
    const { journal } = record.content;
    if (journal.firstSeq === null || journal.lastSeq === null || journal.lastHash === null) throw new Error('unreachable: an order has at least its creation event');
    await insertSignoff(ctx.tx, order.id, {
      kind, firstSeq: journal.firstSeq, lastSeq: journal.lastSeq, lastHash: journal.lastHash, contentHash: record.contentHash, at: ctx.now, actor: ctx.actor.username,
      signature: signatures[0]?.id ?? null, rules: RECORD_RULES,
    });
    ctx.record({
      action, entity: RECORD_ENTITY, entityId: order.id,
      data: { workOrderId: order.id, contentHash: record.contentHash, recordHash: signed.recordHash, firstSeq: journal.firstSeq, lastSeq: journal.lastSeq, lastHash: journal.lastHash, signatures: signatures.map((s) => s.id), exceptions: record.content.exceptions.length, rules: RECORD_RULES },
      reason: cmd.comment ?? null,
    });
    return { workOrderId: order.id, kind, contentHash: record.contentHash, recordHash: signed.recordHash, lastSeq: journal.lastSeq, signatures };
  });
}

/**
 * A release signs what a review saw: the record must have been reviewed, and nothing may have happened on the order
 * since the last review (its sign-offs and their signatures aside).
 */
function reviewCovers(workOrderId: string, review: ReviewSummary | undefined): Violation[] {
  if (!review) {
    return [violation('RECORD_NOT_REVIEWED', `the record of ${workOrderId} has not been reviewed: review it, its exceptions first, before releasing it`, { details: { entity: RECORD_ENTITY, workOrderId, reviewedAt: null, eventsSince: null } })];
  }
  if (review.eventsSince === 0) return [];
  return [violation('RECORD_NOT_REVIEWED', `the record of ${workOrderId} changed after its last review (${review.at}): ${review.eventsSince} event(s) the review did not see; review it again before releasing it`, {
    details: { entity: RECORD_ENTITY, workOrderId, reviewedAt: review.at, eventsSince: review.eventsSince },
  })];
}

/** Reviews the record (review by exception: its exceptions were looked at), signed with the meaning the policy asks. */
export const reviewRecord = signoff('batch-record.review', 'review', 'batch-record.reviewed');

/**
 * Releases the record of a completed or closed order, signed: its content hash and journal range are stored, and from
 * then on the record is locked (later events on the order show as amendments, never as edits).
 */
export const releaseRecord = signoff('batch-record.release', 'release', 'batch-record.released');
