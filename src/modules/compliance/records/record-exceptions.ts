import type { JournalEvent } from '../../../platform/journal/journal.repository.js';
import { changeAfter, changedTo, num, str, when } from './record-event.fields.js';
import type { ExceptionKind, RecordException } from './batch-record.types.js';

function exception(kind: ExceptionKind, e: JournalEvent, summary: string, operationId: string | null): RecordException {
  return { kind, seq: e.seq, at: when(e.at), actor: e.actor, operationId, summary, reason: e.reason };
}

/** Results of an inspection event that were out of specification, with their values. */
function failedValues(e: JournalEvent): string {
  const results = Array.isArray(e.data.results) ? (e.data.results as { value?: unknown; inSpec?: unknown }[]) : [];
  return results.filter((r) => r.inSpec === false).map((r) => (typeof r.value === 'number' ? String(r.value) : 'fail')).join(', ');
}

/** "quality andon call 7": its kind and id. */
const andonCall = (e: JournalEvent): string => `${str(e, 'kind') ?? '?'} andon call ${e.entityId}`;

/** " after 12 min", from a duration in the event's changes; empty when there is none. */
function minutesTo(e: JournalEvent, field: string): string {
  const ms = changeAfter(e, field);
  return typeof ms === 'number' ? ` after ${Math.max(1, Math.round(ms / 60_000))} min` : '';
}

/**
 * What a reviewer must look at in one event, if anything (review by exception): holds, nonconformances, results out
 * of specification, scrap with its reason, statistical signals and rejected lots as deviations, andon calls raised on
 * the order and how they ended, and any event marked as an override. Pure: the same events give the same exceptions.
 */
export function exceptionOf(e: JournalEvent, opOf: (e: JournalEvent) => string | null): RecordException | null {
  const op = opOf(e);
  switch (e.action) {
    case 'work-order.held':
      return exception('hold', e, `order put on hold${str(e, 'nonconformanceId') ? ` by nonconformance ${str(e, 'nonconformanceId')}` : ''}`, op);
    case 'work-order.unheld':
      return exception('hold', e, 'order hold lifted', op);
    case 'lot.held':
      return exception('hold', e, `lot ${e.entityId} put on hold`, op);
    case 'lot.rejected':
      return exception('deviation', e, `lot ${e.entityId} rejected`, op);
    case 'nonconformance.opened':
      return exception('nonconformance', e, `nonconformance ${e.entityId} opened on ${str(e, 'characteristic') ?? '?'}`, op);
    case 'nonconformance.dispositioned':
      return exception('nonconformance', e, `nonconformance ${e.entityId} dispositioned: ${str(e, 'decision') ?? '?'}`, op);
    case 'inspection.recorded':
      return e.data.inSpec === false
        ? exception('out-of-spec', e, `${str(e, 'characteristic') ?? '?'} out of specification (${failedValues(e)}; limits ${num(e, 'lsl') ?? '-'} .. ${num(e, 'usl') ?? '-'}; ${str(e, 'outcome') ?? ''})`, op)
        : null;
    case 'operation.reported':
      return (num(e, 'scrap') ?? 0) > 0 ? exception('scrap', e, `scrap ${num(e, 'scrap')}: ${str(e, 'scrapReason') ?? 'no reason given'}`, op) : null;
    case 'spc.violation':
      return exception('deviation', e, `SPC rule ${str(e, 'rule') ?? '?'} signalled on ${e.entityId}`, op);
    case 'work-order.cancelled':
      return exception('deviation', e, 'order cancelled', op);
    case 'andon-call.raised':
      return exception('andon', e, `${andonCall(e)} raised at ${str(e, 'workCenterId') ?? '?'}${str(e, 'equipmentId') ? ` (${str(e, 'equipmentId')})` : ''}${changedTo(e, 'note') ? `: ${changedTo(e, 'note')}` : ''}`, op);
    case 'andon-call.resolved':
      return exception('andon', e, `${andonCall(e)} resolved${minutesTo(e, 'timeToResolveMs')}`, op);
    case 'andon-call.cancelled':
      return exception('andon', e, `${andonCall(e)} cancelled`, op);
    default:
      return e.data.override === true || e.action.includes('override') ? exception('override', e, `${e.action} (override)`, op) : null;
  }
}

/** An event after the release: listed as an amendment, never merged into the released content. */
export function amendmentOf(e: JournalEvent, opOf: (e: JournalEvent) => string | null): RecordException {
  const inner = exceptionOf(e, opOf);
  return { kind: 'amendment', seq: e.seq, at: when(e.at), actor: e.actor, operationId: opOf(e), summary: inner ? `${inner.kind}: ${inner.summary}` : `${e.action} ${e.entity} ${e.entityId}`, reason: e.reason };
}
