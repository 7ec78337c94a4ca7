import { describe, expect, it } from 'vitest';
import type { BatchRecord, OperationSection, RecordException, ReviewSummary } from '../../modules/compliance/index.js';
import { allSignatures, exceptionCounts, limitsText, lotsOf, recordConcerns, recordStatus, stepNames, verification } from './record-view.js';

const AT = '2026-11-26T10:00:00.000Z';

function operation(id: string, seq: number, lots: { consumed?: string[]; produced?: string[] } = {}): OperationSection {
  return {
    id, seq, name: `Step ${seq}`, workCenterId: 'WC', equipmentId: null, status: 'completed', steps: [],
    consumed: (lots.consumed ?? []).map((lotId, i) => ({ seq: i, lotId, materialId: 'RAW', quantity: 1, at: AT, actor: 'op' })),
    produced: (lots.produced ?? []).map((lotId, i) => ({ seq: i, lotId, quantity: 1, at: AT, actor: 'op' })),
    reports: [], inspections: [], nonconformances: [], labour: [], labourMinutes: 0,
  };
}

const exception = (kind: RecordException['kind'], seq: number): RecordException => ({ kind, seq, at: AT, actor: 'op', operationId: null, summary: kind, reason: null });
const review = (eventsSince: number): ReviewSummary => ({ kind: 'review', at: AT, actor: 'quinn', lastSeq: 10, lastHash: 'h', contentHash: 'c', eventsSince });
const signature = (signedAction: string) => ({ seq: 1, signer: 'quinn', printedName: 'Quinn', meaning: 'reviewed', signedAt: AT, signedAction, comment: null, recordHash: null, witnessOf: null });

function record(over: { status?: string; reviews?: ReviewSummary[]; release?: { verified: boolean }; amendments?: number; exceptions?: RecordException[] } = {}): BatchRecord {
  return {
    content: {
      format: 'takt-batch-record/1',
      header: {
        workOrderId: 'WO-1', materialId: 'M', revision: 1, plannedQuantity: 10, tolerance: 0, goodQuantity: 10, scrapQuantity: 0, status: over.status ?? 'completed',
        dueAt: null, createdAt: AT, releasedAt: AT, startedAt: AT, completedAt: AT, closedAt: null,
      },
      exceptions: over.exceptions ?? [],
      orderHistory: [],
      operations: [operation('op-10', 10, { consumed: ['RAW-1', 'RAW-2'] }), operation('op-20', 20, { consumed: ['RAW-1'], produced: ['OUT-1'] })],
      labourMinutes: 0,
      signatures: [signature('batch-record.review')],
      journal: { events: 5, firstSeq: 1, firstHash: 'a', lastSeq: 5, lastHash: 'b' },
    },
    contentHash: 'c',
    released: over.release !== undefined,
    release: over.release
      ? { kind: 'release', at: '2026-11-27T08:00:00.000Z', actor: 'rita', lastSeq: 12, lastHash: 'h', contentHash: 'c', verified: over.release.verified, currentHash: over.release.verified ? 'c' : 'x', signatures: [signature('batch-record.release')] }
      : null,
    reviews: over.reviews ?? [],
    amendments: Array.from({ length: over.amendments ?? 0 }, (_, i) => exception('amendment', 20 + i)),
    generatedAt: AT,
  };
}

describe('batch record view', () => {
  it('is not ready while the order runs, ready for review once it is completed or closed', () => {
    expect(recordStatus(record({ status: 'in_progress' }))).toMatchObject({ stage: 'not-ready', orderStatus: 'in_progress', by: null });
    expect(recordStatus(record({ status: 'completed' })).stage).toBe('ready');
    expect(recordStatus(record({ status: 'closed' })).stage).toBe('ready');
  });

  it('is reviewed by the last reviewer, with what happened after that review, even before the order completed', () => {
    const s = recordStatus(record({ status: 'in_progress', reviews: [review(4), { ...review(2), actor: 'rita', at: '2026-11-26T12:00:00.000Z' }] }));
    expect(s).toEqual({ stage: 'reviewed', orderStatus: 'in_progress', by: 'rita', at: '2026-11-26T12:00:00.000Z', unreviewedEvents: 2 });
  });

  it('is released by the releaser once released, whatever the reviews', () => {
    expect(recordStatus(record({ reviews: [review(0)], release: { verified: true } }))).toMatchObject({ stage: 'released', by: 'rita', at: '2026-11-27T08:00:00.000Z' });
  });

  it('tells verified, verified with amendments and not verified apart, and nothing before release', () => {
    expect(verification(record())).toBeNull();
    expect(verification(record({ release: { verified: true } }))).toEqual({ verified: true, amendments: 0, tone: 'ok' });
    expect(verification(record({ release: { verified: true }, amendments: 2 }))).toEqual({ verified: true, amendments: 2, tone: 'warn' });
    expect(verification(record({ release: { verified: false }, amendments: 1 }))).toEqual({ verified: false, amendments: 1, tone: 'bad' });
  });

  it('follows the events of the order, its steps, its sign-offs and its lots, and no others', () => {
    const r = record();
    expect([...lotsOf(r)].sort()).toEqual(['OUT-1', 'RAW-1', 'RAW-2']);
    const concerns = recordConcerns('WO-1', r);
    expect(concerns({ entity: 'work-order', entityId: 'WO-1', data: {} })).toBe(true);
    expect(concerns({ entity: 'batch-record', entityId: 'WO-1', data: {} })).toBe(true);
    expect(concerns({ entity: 'inspection', entityId: 'I-9', data: { workOrderId: 'WO-1' } })).toBe(true);
    expect(concerns({ entity: 'operation', entityId: 'op-20', data: {} })).toBe(true);
    expect(concerns({ entity: 'lot', entityId: 'OUT-1', data: {} })).toBe(true);
    expect(concerns({ entity: 'lot', entityId: 'RAW-9', data: {} })).toBe(false);
    expect(concerns({ entity: 'work-order', entityId: 'WO-2', data: {} })).toBe(false);
    expect(concerns({ entity: 'operation', entityId: 'op-other', data: { workOrderId: 'WO-2' } })).toBe(false);
    // Before the record is loaded, the order's own events still count.
    expect(recordConcerns('WO-1', null)({ entity: 'work-order', entityId: 'WO-1', data: {} })).toBe(true);
  });

  it('names steps, writes limits, counts exceptions by kind and lists the release signatures after the record ones', () => {
    const r = record({ exceptions: [exception('hold', 3), exception('scrap', 4), exception('hold', 5)], release: { verified: true } });
    const step = stepNames(r);
    expect([step('op-20'), step(null), step('gone')]).toEqual(['20 Step 20', '', 'gone']);
    const f = (n: number) => n.toFixed(2);
    expect([limitsText({ lsl: 9.95, usl: 10.05 }, f), limitsText({ lsl: 1, usl: null }, f), limitsText({ lsl: null, usl: 2 }, f), limitsText({ lsl: null, usl: null }, f)]).toEqual(['9.95 … 10.05', '≥ 1.00', '≤ 2.00', '']);
    expect(exceptionCounts(r)).toEqual([['hold', 2], ['scrap', 1]]);
    expect(allSignatures(r).map((s) => s.signedAction)).toEqual(['batch-record.review', 'batch-record.release']);
  });
});
