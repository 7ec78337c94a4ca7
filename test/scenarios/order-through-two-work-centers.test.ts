import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../support/stores.js';
import { startTestTakt, type TestTakt } from '../support/takt.js';
import { buildPlant, receive, releasedOrder } from '../support/plant.js';

describeStores('a whole order through two work centers with a two-level BOM', (dialect) => {
  let t: TestTakt;
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
  });
  afterAll(() => t.close());

  const op = (method: string, url: string, body: unknown) => t.call(method, url, { body, as: 'operator' });

  it('makes the blend, then the boxes from it, and links every lot in the genealogy', async () => {
    await receive(t, 'R1', 'RAW', 100);
    await receive(t, 'K1', 'PKG', 500);

    const sub = await releasedOrder(t, 'WO-SUB', 'SUB', 50);
    expect((await op('POST', `/api/v1/operations/${sub[10]}/start`, { equipmentId: 'MIX-1' })).status).toBe(200);
    const consumed = await op('POST', `/api/v1/operations/${sub[10]}/consume`, { lotId: 'R1', quantity: 52.5 });
    expect(consumed.body).toMatchObject({ lotRemaining: 47.5, consumedAtOperation: 52.5 });
    expect((await op('POST', `/api/v1/operations/${sub[10]}/produce`, { lotId: 'S1', quantity: 50 })).body.lot).toMatchObject({ id: 'S1', materialId: 'SUB', status: 'released', quantity: 50 });
    expect((await op('POST', `/api/v1/operations/${sub[10]}/report`, { good: 50, scrap: 0 })).status).toBe(200);
    expect((await op('POST', `/api/v1/operations/${sub[10]}/complete`, {})).body.orderStatus).toBe('completed');

    const fin = await releasedOrder(t, 'WO-FIN', 'FIN', 100, { dueAt: '2026-12-01T12:00:00+01:00' });
    const list = await t.call('GET', '/api/v1/work-centers/WC-MIX/dispatch-list', { as: 'operator' });
    expect(list.body.items.map((i: { operation: { id: string } }) => i.operation.id)).toEqual([fin[10]]);
    expect((await op('POST', `/api/v1/operations/${fin[10]}/start`, { equipmentId: 'MIX-1' })).status).toBe(200);
    expect((await op('POST', `/api/v1/operations/${fin[10]}/consume`, { lotId: 'S1', quantity: 20 })).status).toBe(200);
    expect((await op('POST', `/api/v1/operations/${fin[10]}/report`, { good: 98, scrap: 2, scrapReason: 'chipped' })).status).toBe(200);
    expect((await op('POST', `/api/v1/operations/${fin[10]}/complete`, {})).body.orderStatus).toBe('in_progress');

    expect((await op('POST', `/api/v1/operations/${fin[20]}/start`, { equipmentId: 'PACK-1' })).status).toBe(200);
    expect((await op('POST', `/api/v1/operations/${fin[20]}/consume`, { lotId: 'K1', quantity: 98 })).status).toBe(200);
    expect((await op('POST', `/api/v1/operations/${fin[20]}/produce`, { lotId: 'F1', quantity: 98 })).status).toBe(200);
    expect((await op('POST', `/api/v1/operations/${fin[20]}/report`, { good: 98 })).status).toBe(200);
    expect((await op('POST', `/api/v1/operations/${fin[20]}/complete`, {})).body.orderStatus).toBe('completed');

    const order = await t.call('GET', '/api/v1/work-orders/WO-FIN', { as: 'operator' });
    expect(order.body).toMatchObject({ status: 'completed', good: 98, scrap: 0, revision: 1 });
    expect(order.body.operations.map((o: { status: string; good: number; scrap: number; startedBy: string; equipmentId: string }) => [o.status, o.good, o.scrap, o.startedBy, o.equipmentId])).toEqual([
      ['completed', 98, 2, 't-operator', 'MIX-1'],
      ['completed', 98, 0, 't-operator', 'PACK-1'],
    ]);
    expect(order.body.consumptions.map((c: { lot_id: string; quantity: number }) => [c.lot_id, c.quantity])).toEqual([['S1', 20], ['K1', 98]]);

    const edges = await t.takt.store.db.selectFrom('genealogy_edges').select(['from_lot', 'to_lot', 'quantity', 'work_order_id']).orderBy('from_lot').execute();
    expect(edges).toEqual([
      { from_lot: 'K1', to_lot: 'F1', quantity: 98, work_order_id: 'WO-FIN' },
      { from_lot: 'R1', to_lot: 'S1', quantity: 52.5, work_order_id: 'WO-SUB' },
      { from_lot: 'S1', to_lot: 'F1', quantity: 20, work_order_id: 'WO-FIN' },
    ]);
    expect((await t.call('GET', '/api/v1/lots/S1')).body).toMatchObject({ quantity: 30, status: 'released' });

    const journal = await t.call('GET', '/api/v1/work-orders/WO-FIN/journal');
    const actions = journal.body.events.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['work-order.created', 'work-order.released', 'operation.started', 'lot.consumed', 'operation.reported', 'lot.produced', 'operation.completed', 'work-order.completed']));
    expect((await t.call('GET', '/api/v1/journal/verify')).body).toMatchObject({ ok: true });
  });

  it('keeps the snapshot of the revision: a new approved revision does not change an existing order', async () => {
    await releasedOrder(t, 'WO-SNAP', 'FIN', 10);
    await t.call('POST', '/api/v1/products/FIN/revisions', {
      body: { bom: [{ materialId: 'SUB', quantity: 0.5, uom: 'kg', operationSeq: 10 }], routing: [{ seq: 10, name: 'Press only', workCenterId: 'WC-MIX' }] },
    });
    await t.call('POST', '/api/v1/products/FIN/revisions/2/approve', {});
    const snap = await t.call('GET', '/api/v1/work-orders/WO-SNAP');
    expect(snap.body.revision).toBe(1);
    expect(snap.body.operations).toHaveLength(2);
    expect(snap.body.bom.map((b: { materialId: string; quantity: number }) => [b.materialId, b.quantity])).toEqual([['SUB', 0.2], ['PKG', 1]]);
    const next = await t.call('POST', '/api/v1/work-orders', { body: { id: 'WO-NEW', materialId: 'FIN', quantity: 1 } });
    expect(next.body.revision).toBe(2);
  });

  it('puts an order that consumed an affected lot but produced nothing yet in the recall scope as work in progress', async () => {
    await receive(t, 'R9', 'RAW', 20);
    const wip = await releasedOrder(t, 'WO-WIP', 'SUB', 5);
    await t.call('PUT', '/api/v1/equipment/MIX-9', { body: { name: 'Mixer 9', parentId: 'WC-MIX' } });
    expect((await op('POST', `/api/v1/operations/${wip[10]}/start`, { equipmentId: 'MIX-9' })).status).toBe(200);
    expect((await op('POST', `/api/v1/operations/${wip[10]}/consume`, { lotId: 'R9', quantity: 5 })).status).toBe(200);
    const trace = await t.call('GET', '/api/v1/lots/R9/genealogy?direction=forward', { as: 'quality' });
    expect(trace.body.summary).toMatchObject({ lots: 1, workOrders: [], workInProgress: ['WO-WIP'] });
  });
});
