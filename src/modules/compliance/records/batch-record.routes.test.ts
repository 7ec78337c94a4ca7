import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, TEST_PASSWORD, type TestTakt } from '../../../../test/support/takt.js';
import { runDemoBatch, storeReleaseUnderRules, type DemoBatch } from './record-scenario.test-support.js';

const sign = (meaning: string) => ({ signature: { username: 't-quality', password: TEST_PASSWORD, meaning } });
type Exception = { kind: string; summary: string; reason: string | null; operationId: string | null };

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
    // The yield exception (the API reconciled) stands at the completion, after everything else (see record-yield.routes.test.ts).
    expect(c.exceptions.map((e: { kind: string }) => e.kind)).toEqual(['hold', 'hold', 'scrap', 'scrap', 'yield']);
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

  const record = async (id: string) => {
    const r = await t.call('GET', `/api/v1/work-orders/${id}/record`, { as: 'quality' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { content: { exceptions: Exception[]; journal: { lastSeq: number } }; contentHash: string; release: { verified: boolean } | null; amendments: Exception[] };
  };

  it('lists the andon calls raised on the order and how they ended, and holds of a consumed lot after its consumption', async () => {
    const tablets = (await batch.as('sam.supervisor', 'GET', '/api/v1/work-orders/WO-1002')).body.operations[0].id as string;
    // The blend was made, held and released before this order used it: its history is not this order's.
    await batch.as('quinn.quality', 'POST', '/api/v1/lots/B-PARA-0001/hold', { reason: 'Retain sample check' });
    await batch.as('quinn.quality', 'POST', '/api/v1/lots/B-PARA-0001/release', { reason: 'Retain sample fine' });
    await batch.as('olga.operator', 'POST', `/api/v1/operations/${tablets}/start`, { equipmentId: 'PRESS-1' });
    await batch.as('olga.operator', 'POST', `/api/v1/operations/${tablets}/consume`, { lotId: 'B-PARA-0001', quantity: 10 });
    const call = (await batch.as('olga.operator', 'POST', '/api/v1/andon-calls', { workCenterId: 'WC-PRESS', kind: 'quality', equipmentId: 'PRESS-1', operationId: tablets, note: 'Tablets capping' })).body;
    await batch.as('sam.supervisor', 'POST', `/api/v1/andon-calls/${call.id}/acknowledge`, {});
    await batch.as('sam.supervisor', 'POST', `/api/v1/andon-calls/${call.id}/resolve`, { resolution: 'Pre-compression force raised' });
    // A call at the same work center for no order is not this order's.
    await batch.as('olga.operator', 'POST', '/api/v1/andon-calls', { workCenterId: 'WC-PRESS', kind: 'material', note: 'Empty bins' });
    // An input put on hold after it was used: the batch may be affected.
    await batch.as('quinn.quality', 'POST', '/api/v1/lots/B-PARA-0001/hold', { reason: 'Complaint 2026-031: discoloured tablets' });

    const c = (await record('WO-1002')).content;
    expect(c.exceptions.map((e) => [e.kind, e.summary, e.reason, e.operationId])).toEqual([
      ['andon', `quality andon call ${call.id} raised at WC-PRESS (PRESS-1): Tablets capping`, null, tablets],
      ['andon', `quality andon call ${call.id} resolved after 1 min`, 'Pre-compression force raised', tablets],
      ['hold', 'lot B-PARA-0001 put on hold', 'Complaint 2026-031: discoloured tablets', null],
    ]);
    // The order that made the blend shows its output's holds, as before (both of them).
    expect((await record('WO-1001')).content.exceptions.filter((e) => e.summary === 'lot B-PARA-0001 put on hold')).toHaveLength(2);
  });

  it('rebuilds a record released under the earlier rules with those rules, so it still verifies', async () => {
    // An input of WO-1001 put on hold after it was consumed: part of the record under the current rules only.
    await batch.as('quinn.quality', 'POST', '/api/v1/lots/L-API-2401/hold', { reason: 'Supplier notice 2026-07' });
    const now = await record('WO-1001');
    expect(now.content.exceptions.map((e) => e.summary)).toContain('lot L-API-2401 put on hold');
    expect((await t.call('POST', '/api/v1/work-orders/WO-1001/record/review', { as: 'quality', body: sign('reviewed') })).status).toBe(200);
    expect((await t.call('POST', '/api/v1/work-orders/WO-1001/record/release', { as: 'quality', body: sign('approved') })).status).toBe(200);
    expect((await record('WO-1001')).release?.verified).toBe(true);

    // As a release made before the rules grew would have stored it: the content under rules 1, its range and hash.
    const { content: old, hash } = await storeReleaseUnderRules(t, 'WO-1001', 1);
    expect(old.exceptions.map((e) => e.summary)).not.toContain('lot L-API-2401 put on hold');
    expect(hash).not.toBe(now.contentHash);

    const rebuilt = await record('WO-1001');
    expect(rebuilt.release?.verified).toBe(true);
    expect(rebuilt.contentHash).toBe(hash);
    expect(rebuilt.content.exceptions.map((e) => e.summary)).not.toContain('lot L-API-2401 put on hold');
    // What came after that release under the current rules is an amendment, as any later event.
    await batch.as('quinn.quality', 'POST', '/api/v1/lots/L-API-2401/release', { reason: 'Supplier notice withdrawn' });
    expect((await record('WO-1001')).amendments.at(-1)?.summary).toBe('lot.released lot L-API-2401');
  });
});
