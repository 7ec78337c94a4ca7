import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';

const DAY = 86_400_000;
const codes = (body: { violations: { code: string }[] }) => body.violations.map((v) => v.code).sort();

describeStores('lot split and merge', (dialect) => {
  let t: TestTakt;
  const receive = (id: string, quantity: number, extra: Record<string, unknown> = {}) =>
    t.call('POST', '/api/v1/lots', { as: 'operator', body: { id, materialId: 'RESIN', quantity, status: 'released', ...extra } });
  const lot = async (id: string) => (await t.call('GET', `/api/v1/lots/${id}`)).body;

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    for (const id of ['RESIN', 'DYE']) await t.call('PUT', `/api/v1/materials/${id}`, { body: { name: id, uom: 'kg', lotControlled: true } });
  });
  afterAll(() => t.close());

  it('splits a sublot of the same material, status and expiry, and traces it to its parent', async () => {
    const expiresAt = new Date(Date.now() + 30 * DAY).toISOString();
    await receive('P1', 100, { expiresAt, supplierLot: 'SUP-9' });
    const r = await t.call('POST', '/api/v1/lots/P1/split', { as: 'operator', body: { newLotId: 'P1-A', quantity: 40 } });
    expect(r.status).toBe(201);
    expect(r.body.parent).toMatchObject({ id: 'P1', quantity: 60, status: 'released' });
    expect(r.body.lot).toMatchObject({ id: 'P1-A', materialId: 'RESIN', quantity: 40, initialQuantity: 40, status: 'released', expiresAt, supplierLot: 'SUP-9' });
    expect(await lot('P1-A')).toMatchObject({ quantity: 40, expiresAt });
    const trace = await t.call('GET', '/api/v1/lots/P1-A/genealogy');
    expect(trace.body.edges).toEqual([{ from: 'P1', to: 'P1-A', quantity: 40, workOrderId: null, kind: 'split' }]);
    const journal = await t.call('GET', '/api/v1/journal?entity=lot&entityId=P1');
    const event = journal.body.events.find((e: { action: string }) => e.action === 'lot.split');
    expect(event).toMatchObject({ actor: 't-operator', data: { newLotId: 'P1-A', quantity: 40, changes: { quantity: { before: 100, after: 60 } } } });
  });

  it('splits a whole lot, leaving the parent consumed', async () => {
    await receive('P2', 5, { status: 'quarantine' });
    const r = await t.call('POST', '/api/v1/lots/P2/split', { as: 'quality', body: { newLotId: 'P2-A', quantity: 5 } });
    expect(r.status).toBe(201);
    expect(r.body.parent).toMatchObject({ quantity: 0, status: 'consumed' });
    expect(r.body.lot).toMatchObject({ quantity: 5, status: 'quarantine' });
  });

  it('refuses a split naming every reason at once and changes nothing', async () => {
    await receive('P3', 10, { status: 'on_hold', expiresAt: new Date(Date.now() - DAY).toISOString() });
    const r = await t.call('POST', '/api/v1/lots/P3/split', { as: 'supervisor', body: { newLotId: 'P1', quantity: 11 } });
    expect(r.status).toBe(409);
    expect(codes(r.body)).toEqual(['ALREADY_EXISTS', 'LOT_EXPIRED', 'LOT_INSUFFICIENT_QUANTITY', 'LOT_ON_HOLD']);
    expect(await lot('P3')).toMatchObject({ quantity: 10, status: 'on_hold' });
    expect((await t.call('GET', '/api/v1/lots/P3/genealogy?direction=forward')).body.edges).toEqual([]);
    const consumed = await t.call('POST', '/api/v1/lots/P2/split', { as: 'operator', body: { newLotId: 'P2-B', quantity: 1 } });
    expect(codes(consumed.body)).toEqual(['LOT_INSUFFICIENT_QUANTITY', 'LOT_NOT_RELEASED']);
  });

  it('answers 404 for an unknown lot, 400 for a bad quantity, 403 for a role that may not split', async () => {
    expect((await t.call('POST', '/api/v1/lots/NOPE/split', { as: 'operator', body: { newLotId: 'X', quantity: 1 } })).status).toBe(404);
    const bad = await t.call('POST', '/api/v1/lots/P1/split', { as: 'operator', body: { newLotId: 'X', quantity: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.violations[0]).toMatchObject({ code: 'INVALID_FIELD', field: 'quantity' });
    expect((await t.call('POST', '/api/v1/lots/P1/split', { as: 'engineer', body: { newLotId: 'X', quantity: 1 } })).status).toBe(403);
    const dry = await t.call('POST', '/api/v1/lots/P1/split?dryRun=true', { as: 'operator', body: { newLotId: 'X', quantity: 1 } });
    expect(dry.body).toEqual({ allowed: true, violations: [] });
    expect((await t.call('GET', '/api/v1/lots/X')).status).toBe(404);
  });

  it('merges lots into a target: sources emptied, sum and earliest expiry kept, edges and journal written', async () => {
    const soon = new Date(Date.now() + 3 * DAY).toISOString();
    await receive('M-T', 10, { expiresAt: new Date(Date.now() + 20 * DAY).toISOString() });
    await receive('M-1', 4, { expiresAt: soon });
    await receive('M-2', 6);
    const r = await t.call('POST', '/api/v1/lots/merge', { as: 'operator', body: { targetLotId: 'M-T', sourceLotIds: ['M-1', 'M-2'] } });
    expect(r.status).toBe(200);
    expect(r.body.target).toMatchObject({ id: 'M-T', quantity: 20, expiresAt: soon, status: 'released' });
    expect(r.body.sources.map((s: { id: string; quantity: number; status: string }) => [s.id, s.quantity, s.status])).toEqual([['M-1', 0, 'consumed'], ['M-2', 0, 'consumed']]);
    expect(await lot('M-1')).toMatchObject({ quantity: 0, status: 'consumed' });
    const back = await t.call('GET', '/api/v1/lots/M-T/genealogy?direction=backward');
    expect(back.body.nodes).toEqual([{ lotId: 'M-T', materialId: 'RESIN', depth: 0 }, { lotId: 'M-1', materialId: 'RESIN', depth: 1 }, { lotId: 'M-2', materialId: 'RESIN', depth: 1 }]);
    expect(back.body.edges.map((e: { from: string; quantity: number; kind: string }) => [e.from, e.quantity, e.kind])).toEqual([['M-1', 4, 'merge'], ['M-2', 6, 'merge']]);
    const journal = await t.call('GET', '/api/v1/journal?entity=lot&entityId=M-T');
    expect(journal.body.events.at(-1)).toMatchObject({ action: 'lot.merged', data: { quantity: 10, sources: [{ lotId: 'M-1', quantity: 4 }, { lotId: 'M-2', quantity: 6 }] } });
  });

  it('refuses a merge naming every reason at once and changes nothing', async () => {
    await receive('N-T', 10);
    await receive('N-DYE', 1, { materialId: 'DYE' });
    await receive('N-HOLD', 1, { status: 'on_hold' });
    await receive('N-OLD', 1, { expiresAt: new Date(Date.now() - DAY).toISOString() });
    await receive('N-Q', 1, { status: 'quarantine' });
    const r = await t.call('POST', '/api/v1/lots/merge', { as: 'operator', body: { targetLotId: 'N-T', sourceLotIds: ['N-DYE', 'N-HOLD', 'N-OLD', 'N-Q', 'GHOST', 'M-1'] } });
    expect(r.status).toBe(409);
    expect(r.body.violations.map((v: { code: string; field: string }) => `${v.field} ${v.code}`)).toEqual([
      'sourceLotIds[0] LOT_WRONG_MATERIAL',
      'sourceLotIds[1] LOT_ON_HOLD',
      'sourceLotIds[2] LOT_EXPIRED',
      'sourceLotIds[3] LOT_NOT_RELEASED',
      'sourceLotIds[4] LOT_NOT_FOUND',
      'sourceLotIds[5] LOT_NOT_RELEASED',
      'sourceLotIds[5] LOT_INSUFFICIENT_QUANTITY',
    ]);
    const malformed = await t.call('POST', '/api/v1/lots/merge', { as: 'operator', body: { targetLotId: 'N-T', sourceLotIds: ['N-Q', 'N-T', 'N-Q'] } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.violations.map((v: { code: string; field: string }) => `${v.field} ${v.code}`)).toEqual(['sourceLotIds[1] INVALID_FIELD', 'sourceLotIds[2] INVALID_FIELD']);
    for (const id of ['N-T', 'N-DYE', 'N-HOLD', 'N-Q']) expect((await lot(id)).quantity).toBe(id === 'N-T' ? 10 : 1);
    const target = await t.call('POST', '/api/v1/lots/merge', { as: 'operator', body: { targetLotId: 'N-HOLD', sourceLotIds: ['N-T'] } });
    expect(target.status).toBe(409);
    expect(codes(target.body)).toEqual(['LOT_ON_HOLD']);
    expect((await t.call('POST', '/api/v1/lots/merge', { as: 'operator', body: { targetLotId: 'N-T', sourceLotIds: [] } })).status).toBe(400);
  });

  it('merges released stock into a lot in quarantine, which stays in quarantine', async () => {
    await receive('Q-T', 1, { status: 'quarantine' });
    await receive('Q-1', 2);
    const r = await t.call('POST', '/api/v1/lots/merge', { as: 'quality', body: { targetLotId: 'Q-T', sourceLotIds: ['Q-1'] } });
    expect(r.body.target).toMatchObject({ quantity: 3, status: 'quarantine' });
  });

  it('traces forward from a split through a merge with the recall scope', async () => {
    await receive('F-0', 10);
    await t.call('POST', '/api/v1/lots/F-0/split', { as: 'operator', body: { newLotId: 'F-1', quantity: 3 } });
    await t.call('POST', '/api/v1/lots/F-0/split', { as: 'operator', body: { newLotId: 'F-2', quantity: 3 } });
    await receive('F-T', 1);
    await t.call('POST', '/api/v1/lots/merge', { as: 'operator', body: { targetLotId: 'F-T', sourceLotIds: ['F-1'] } });
    const r = await t.call('GET', '/api/v1/lots/F-0/genealogy?direction=forward', { as: 'integration' });
    expect(r.status).toBe(200);
    expect(r.body.nodes.map((n: { lotId: string; depth: number }) => [n.lotId, n.depth])).toEqual([['F-0', 0], ['F-1', 1], ['F-2', 1], ['F-T', 2]]);
    expect(r.body.summary).toEqual({ lots: 4, finishedLots: ['F-2', 'F-T'], workOrders: [], workInProgress: [] });
  });

  it('answers the genealogy of an unknown lot with 404 and a bad direction with 400', async () => {
    const missing = await t.call('GET', '/api/v1/lots/GHOST/genealogy');
    expect(missing.status).toBe(404);
    expect(missing.body.violations[0].code).toBe('NOT_FOUND');
    const bad = await t.call('GET', '/api/v1/lots/F-0/genealogy?direction=sideways');
    expect(bad.status).toBe(400);
    expect(bad.body.violations[0]).toMatchObject({ code: 'INVALID_FIELD', field: 'direction' });
  });
});
