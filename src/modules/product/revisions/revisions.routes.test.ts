import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';

describeStores('product revisions', (dialect) => {
  let t: TestTakt;
  const routing = [{ seq: 10, name: 'Mix', workCenterId: 'WC1' }];
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await t.call('PUT', '/api/v1/sites/S', { body: { name: 'Site' } });
    await t.call('PUT', '/api/v1/areas/A', { body: { name: 'Area', parentId: 'S' } });
    await t.call('PUT', '/api/v1/work-centers/WC1', { body: { name: 'Mixer', parentId: 'A' } });
    for (const [id, uom] of [['P', 'pcs'], ['SUB', 'pcs'], ['RAW', 'kg']] as const) {
      expect((await t.call('PUT', `/api/v1/materials/${id}`, { body: { name: id, uom, lotControlled: true, shelfLifeDays: 30 } })).status).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('creates a draft, approves it, and obsoletes the earlier approved revision', async () => {
    const r1 = await t.call('POST', '/api/v1/products/SUB/revisions', { body: { bom: [{ materialId: 'RAW', quantity: 0.5, uom: 'kg', operationSeq: 10 }], routing } });
    expect(r1.status).toBe(201);
    expect(r1.body).toMatchObject({ revision: 1, status: 'draft' });
    expect((await t.call('POST', '/api/v1/products/SUB/revisions/1/approve', {})).body.status).toBe('approved');
    await t.call('POST', '/api/v1/products/SUB/revisions', { body: { bom: [{ materialId: 'RAW', quantity: 0.6, uom: 'kg', operationSeq: 10 }], routing } });
    await t.call('POST', '/api/v1/products/SUB/revisions/2/approve', {});
    const list = await t.call('GET', '/api/v1/products/SUB/revisions');
    expect(list.body.items.map((r: { status: string }) => r.status)).toEqual(['obsolete', 'approved']);
    const journal = await t.call('GET', '/api/v1/journal?entity=product&entityId=SUB');
    expect(journal.body.events.map((e: { action: string }) => e.action)).toContain('revision.approved');
  });

  it('refuses to approve or edit anything but a draft', async () => {
    const again = await t.call('POST', '/api/v1/products/SUB/revisions/2/approve', {});
    expect(again.status).toBe(409);
    expect(again.body.violations[0]).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'approved', to: 'approved' } });
    const edit = await t.call('PUT', '/api/v1/products/SUB/revisions/1', { body: { bom: [], routing } });
    expect(edit.body.violations[0].code).toBe('INVALID_TRANSITION');
  });

  it('names every bad reference at once: unknown material, wrong unit, unknown work center, missing step', async () => {
    const r = await t.call('POST', '/api/v1/products/P/revisions', {
      body: {
        bom: [
          { materialId: 'GHOST', quantity: 1, uom: 'pcs', operationSeq: 10 },
          { materialId: 'RAW', quantity: 1, uom: 'pcs', operationSeq: 99 },
        ],
        routing: [{ seq: 10, name: 'Assemble', workCenterId: 'NOWHERE' }],
      },
    });
    expect(r.status).toBe(400);
    const fields = r.body.violations.map((v: { field: string }) => v.field).sort();
    expect(fields).toEqual(['bom[0].materialId', 'bom[1].operationSeq', 'bom[1].uom', 'routing[0].workCenterId']);
    expect((await t.call('GET', '/api/v1/products/P/revisions')).body.items).toEqual([]);
  });

  it('refuses a multi-level cycle naming the path', async () => {
    await t.call('POST', '/api/v1/products/P/revisions', { body: { bom: [{ materialId: 'SUB', quantity: 2, uom: 'pcs', operationSeq: 10 }], routing } });
    const r = await t.call('POST', '/api/v1/products/SUB/revisions', { body: { bom: [{ materialId: 'P', quantity: 1, uom: 'pcs', operationSeq: 10 }], routing } });
    expect(r.status).toBe(400);
    expect(r.body.violations[0]).toMatchObject({ field: 'bom[0].materialId', details: { reason: 'REFERENCE_CYCLE' } });
    const self = await t.call('POST', '/api/v1/products/P/revisions', { body: { bom: [{ materialId: 'P', quantity: 1, uom: 'pcs', operationSeq: 10 }], routing } });
    expect(self.body.violations[0]).toMatchObject({ details: { reason: 'REFERENCE_CYCLE' } });
  });

  it('answers 404 for a product that does not exist', async () => {
    const r = await t.call('POST', '/api/v1/products/NOPE/revisions', { body: { bom: [], routing } });
    expect(r.status).toBe(404);
    expect(r.body.violations[0].code).toBe('NOT_FOUND');
  });
});
