import type { JournalEvent } from '../../../platform/journal/journal.repository.js';
import type { InspectionEntry, OperationSection, OrderSnapshot, RecordContent, RecordException, SignatureEntry, StepEvent } from './batch-record.types.js';
import { num, statusAfter, str, when } from './record-event.fields.js';
import { exceptionOf } from './record-exceptions.js';
import { yieldExceptions, yieldOf } from './record-yield.js';

const STEP_ACTIONS = new Set(['operation.started', 'operation.paused', 'operation.resumed', 'operation.completed']);

function step(e: JournalEvent): StepEvent {
  return { seq: e.seq, action: e.action, at: when(e.at), actor: e.actor, reason: e.reason, equipmentId: str(e, 'equipmentId') };
}

/** Which operation an event belongs to: its own entity, its data's operationId, or the one its nonconformance was opened at. */
export function operationResolver(snapshot: OrderSnapshot, events: readonly JournalEvent[]): (e: JournalEvent) => string | null {
  const ops = new Set(snapshot.operations.map((o) => o.id));
  const ncOp = new Map(events.filter((e) => e.action === 'nonconformance.opened').map((e) => [e.entityId, str(e, 'operationId')]));
  return (e) => {
    if (e.entity === 'operation' && ops.has(e.entityId)) return e.entityId;
    const own = str(e, 'operationId');
    if (own !== null && ops.has(own)) return own;
    if (e.entity === 'nonconformance') return ncOp.get(e.entityId) ?? null;
    return null;
  };
}

function inspectionOf(e: JournalEvent): InspectionEntry {
  const results = Array.isArray(e.data.results) ? (e.data.results as { value?: unknown; inSpec?: unknown }[]) : [];
  return {
    seq: e.seq, inspectionId: e.entityId, characteristic: str(e, 'characteristic') ?? '?', at: when(e.at), actor: e.actor, lotId: str(e, 'lotId'),
    lsl: num(e, 'lsl'), usl: num(e, 'usl'), values: results.map((r) => ({ value: typeof r.value === 'number' ? r.value : null, pass: r.inSpec === true })),
    pass: e.data.inSpec === true, outcome: str(e, 'outcome') ?? '',
  };
}

/** Labour bookings paired from their clock-on and clock-off events. */
function labourOf(events: readonly JournalEvent[]): OperationSection['labour'] {
  const offs = new Map(events.filter((e) => e.action === 'labour.clocked-off').map((e) => [num(e, 'bookingId'), e]));
  return events
    .filter((e) => e.action === 'labour.clocked-on')
    .map((on) => {
      const off = offs.get(num(on, 'bookingId'));
      return { personId: str(on, 'personId') ?? on.actor, on: when(on.at), off: off ? when(off.at) : null, minutes: off ? Math.round(((off.at - on.at) / 60_000) * 100) / 100 : null, by: on.actor };
    });
}

function operationSection(op: OrderSnapshot['operations'][number], own: readonly JournalEvent[]): OperationSection {
  const steps = own.filter((e) => STEP_ACTIONS.has(e.action)).map(step);
  const last = [...own].reverse().find((e) => STEP_ACTIONS.has(e.action));
  const labour = labourOf(own);
  return {
    id: op.id, seq: op.seq, name: op.name, workCenterId: op.workCenterId,
    equipmentId: steps.find((s) => s.equipmentId !== null)?.equipmentId ?? null,
    status: last ? (statusAfter(last) ?? 'ready') : 'ready',
    steps,
    consumed: own.filter((e) => e.action === 'lot.consumed').map((e) => ({ seq: e.seq, lotId: e.entityId, materialId: str(e, 'materialId') ?? '?', quantity: num(e, 'quantity') ?? 0, at: when(e.at), actor: e.actor })),
    produced: own.filter((e) => e.action === 'lot.produced').map((e) => ({ seq: e.seq, lotId: e.entityId, quantity: num(e, 'quantity') ?? 0, at: when(e.at), actor: e.actor })),
    reports: own.filter((e) => e.action === 'operation.reported').map((e) => ({ seq: e.seq, good: num(e, 'good') ?? 0, scrap: num(e, 'scrap') ?? 0, scrapReason: str(e, 'scrapReason'), at: when(e.at), actor: e.actor })),
    inspections: own.filter((e) => e.action === 'inspection.recorded').map(inspectionOf),
    nonconformances: own
      .filter((e) => e.entity === 'nonconformance')
      .map((e) => ({ seq: e.seq, id: e.entityId, action: e.action, at: when(e.at), actor: e.actor, summary: e.action === 'nonconformance.opened' ? (str(e, 'characteristic') ?? '') : (str(e, 'decision') ?? ''), reason: e.reason })),
    labour,
    labourMinutes: Math.round(labour.reduce((s, l) => s + (l.minutes ?? 0), 0) * 100) / 100,
  };
}

function signatureOf(e: JournalEvent): SignatureEntry {
  const signedAt = num(e, 'signedAt');
  return {
    seq: e.seq, signer: str(e, 'signer') ?? e.actor, printedName: str(e, 'printedName') ?? e.actor, meaning: str(e, 'meaning') ?? '?',
    signedAt: when(signedAt ?? e.at), signedAction: str(e, 'signedAction') ?? '?', comment: str(e, 'comment'), recordHash: str(e, 'recordHash'), witnessOf: str(e, 'witnessOf'),
  };
}

/** The time of the first order event that moved it to one of the statuses. */
function firstTo(orderEvents: readonly JournalEvent[], statuses: readonly string[]): string | null {
  const e = firstEventTo(orderEvents, statuses);
  return e ? when(e.at) : null;
}

const firstEventTo = (orderEvents: readonly JournalEvent[], statuses: readonly string[]): JournalEvent | undefined => orderEvents.find((x) => statuses.includes(statusAfter(x) ?? ''));

/** The yield section and its exceptions (from rules 3): figures of the whole record, so built once all operations are. */
function yieldPart(snapshot: OrderSnapshot, operations: readonly OperationSection[], orderEvents: readonly JournalEvent[], status: string): Pick<RecordContent, 'yield'> & { exceptions: RecordException[] } {
  const section = yieldOf(snapshot, operations);
  const finished = ['completed', 'closed'].includes(status) ? firstEventTo(orderEvents, ['completed', 'closed']) : undefined;
  return { yield: section, exceptions: yieldExceptions(section, finished, operations) };
}

/**
 * Builds the record's content from the order's snapshot and its journal events (in seq order), nothing else: the same
 * events always give the same content, so a released record can be rebuilt and its hash checked at any time.
 * Exceptions come first; quantities are summed from the reports of the last operation (the order's output).
 * `rules` are the RECORD_RULES the content is built under: from 3 on it states the yield, with its exceptions after
 * those of single events at the same seq; a record released under earlier rules is rebuilt without them.
 */
export function buildRecordContent(snapshot: OrderSnapshot, events: readonly JournalEvent[], rules: number): RecordContent {
  const opOf = operationResolver(snapshot, events);
  const orderEvents = events.filter((e) => e.entity === 'work-order' && e.entityId === snapshot.id);
  const lastOp = [...snapshot.operations].sort((a, b) => b.seq - a.seq)[0];
  const lastReports = events.filter((e) => e.action === 'operation.reported' && opOf(e) === lastOp?.id);
  const status = [...orderEvents].reverse().map(statusAfter).find((s) => s !== null) ?? 'created';
  const operations = [...snapshot.operations].sort((a, b) => a.seq - b.seq).map((op) => operationSection(op, events.filter((e) => opOf(e) === op.id)));
  const first = events[0];
  const last = events[events.length - 1];
  const ofEvents = events.map((e) => exceptionOf(e, opOf)).filter((x) => x !== null);
  const { exceptions: ofYield, ...yieldSection } = rules >= 3 ? yieldPart(snapshot, operations, orderEvents, status) : { exceptions: [] };
  return {
    format: 'takt-batch-record/1',
    header: {
      workOrderId: snapshot.id, materialId: snapshot.materialId, revision: snapshot.revision, plannedQuantity: snapshot.quantity, tolerance: snapshot.tolerance,
      goodQuantity: lastReports.reduce((s, e) => s + (num(e, 'good') ?? 0), 0), scrapQuantity: events.filter((e) => e.action === 'operation.reported').reduce((s, e) => s + (num(e, 'scrap') ?? 0), 0),
      status, dueAt: snapshot.dueAt === null ? null : when(snapshot.dueAt), createdAt: when(snapshot.createdAt),
      releasedAt: firstTo(orderEvents, ['released']), startedAt: firstTo(orderEvents, ['in_progress']), completedAt: firstTo(orderEvents, ['completed']), closedAt: firstTo(orderEvents, ['closed']),
    },
    // A stable sort: a yield exception follows the exceptions of the event it stands at.
    exceptions: [...ofEvents, ...ofYield].sort((a, b) => a.seq - b.seq),
    orderHistory: orderEvents.map(step),
    operations,
    ...yieldSection,
    labourMinutes: Math.round(operations.reduce((s, o) => s + o.labourMinutes, 0) * 100) / 100,
    signatures: events.filter((e) => e.action === 'signature.signed').map(signatureOf),
    journal: { events: events.length, firstSeq: first?.seq ?? null, firstHash: first?.hash ?? null, lastSeq: last?.seq ?? null, lastHash: last?.hash ?? null },
  };
}

/** Signature entries of signature events (for the release section, whose signatures come after the cutoff). */
export const signaturesIn = (events: readonly JournalEvent[]): SignatureEntry[] => events.filter((e) => e.action === 'signature.signed').map(signatureOf);
