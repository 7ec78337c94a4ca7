import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';
import { runDemoBatch, type DemoBatch } from './record-scenario.test-support.js';

describeStores('batch record', (dialect) => {
  let t: TestTakt;
  let batch: DemoBatch;
  beforeEach(async () => {
    t = await startTestTakt(dialect);
    batch = await runDemoBatch(t);
  });
  afterEach(() => t.close());

  it('derives the record from the journal: header, exceptions first, each operation with who, when, equipment, materials, output and labour', async () => {
    const r = await t.call('GET', '/api/v1/work-orders/WO-1001/record', { as: 'quality' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const c = r.body.content;
    expect(c.header).toMatchObject({ workOrderId: 'WO-1001', materialId: 'BLEND-PARA', revision: 1, plannedQuantity: 300, goodQuantity: 292, scrapQuantity: 5, status: 'completed' });
    expect(c.header.completedAt).not.toBeNull();
    expect(c.exceptions.map((e: { kind: string }) => e.kind)).toEqual(['hold', 'hold', 'scrap', 'scrap']);
    expect(c.exceptions[0]).toMatchObject({ actor: 'sam.supervisor', reason: 'Deviation DEV-2026-014: water quantity to be confirmed' });
    expect(c.exceptions[2].summary).toBe('scrap 3: Granulate lumps retained on the screen');
    const [gran, blend] = c.operations;
    expect(gran).toMatchObject({ seq: 10, name: 'Wet granulation', workCenterId: 'WC-GRAN', equipmentId: 'GRAN-1', status: 'completed' });
    expect(gran.steps.map((s: { action: string; actor: string }) => [s.action, s.actor])).toEqual([
      ['operation.started', 'olga.operator'], ['operation.paused', 'olga.operator'], ['operation.resumed', 'olga.operator'], ['operation.completed', 'olga.operator'],
    ]);
    expect(gran.steps[1].reason).toBe('Granulator bowl temperature alarm, cooling down');
    expect(gran.consumed.map((x: { lotId: string; quantity: number; actor: string }) => [x.lotId, x.quantity, x.actor])).toEqual([
      ['L-API-2401', 255, 'olga.operator'], ['L-MCC-2390', 30, 'olga.operator'], ['L-STA-2377', 12, 'olga.operator'],
    ]);
    expect(gran.labour.map((l: { personId: string; by: string; off: string | null }) => [l.personId, l.by, l.off !== null])).toEqual([['olga.operator', 'olga.operator', true]]);
    expect(blend.labour.map((l: { personId: string; by: string; off: string | null }) => [l.personId, l.by, l.off !== null])).toEqual([['omar.operator', 'omar.operator', true], ['quinn.quality', 'sam.supervisor', true]]);
    expect(blend.produced).toMatchObject([{ lotId: 'B-PARA-0001', quantity: 292, actor: 'omar.operator' }]);
    expect(c.orderHistory.map((s: { action: string }) => s.action)).toEqual(['work-order.created', 'work-order.released', 'work-order.started', 'work-order.held', 'work-order.unheld', 'work-order.completed']);
    // The journal range: the first event is the order's creation, the last its completion's neighbourhood; each with its hash.
    const journal = await t.call('GET', `/api/v1/journal?after=${c.journal.firstSeq - 1}&limit=1`, { as: 'quality' });
    expect(journal.body.events[0]).toMatchObject({ action: 'work-order.created', entityId: 'WO-1001', hash: c.journal.firstHash });
    expect(c.journal.lastSeq).toBeGreaterThan(c.journal.firstSeq);
    expect(r.body.released).toBe(false);
    expect(r.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same content and hash however often it is read', async () => {
    const a = await t.call('GET', '/api/v1/work-orders/WO-1001/record', { as: 'quality' });
    const b = await t.call('GET', '/api/v1/work-orders/WO-1001/record', { as: 'supervisor' });
    expect(b.body.content).toEqual(a.body.content);
    expect(b.body.contentHash).toBe(a.body.contentHash);
  });

  it('renders a paginated PDF with every page numbered', async () => {
    const r = await t.takt.app.inject({ method: 'GET', url: '/api/v1/work-orders/WO-1001/record?format=pdf', headers: { authorization: `Bearer ${t.tokens.quality}` } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const pdf = r.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    if (process.env.TAKT_RECORD_PDF_OUT && dialect === 'sqlite') writeFileSync(process.env.TAKT_RECORD_PDF_OUT, pdf);
    void batch;
  });

  it('answers 404 for an unknown order, 400 for an unknown format, 403 for an operator', async () => {
    expect((await t.call('GET', '/api/v1/work-orders/NOPE/record', { as: 'quality' })).status).toBe(404);
    expect((await t.call('GET', '/api/v1/work-orders/WO-1001/record?format=docx', { as: 'quality' })).status).toBe(400);
    expect((await t.call('GET', '/api/v1/work-orders/WO-1001/record', { as: 'operator' })).status).toBe(403);
  });
});
