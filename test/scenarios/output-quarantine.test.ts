import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../support/stores.js';
import { startTestTakt, type TestTakt } from '../support/takt.js';
import { buildPlant, receive, releasedOrder } from '../support/plant.js';

describeStores('output lots held in quarantine until the quality unit releases them', (dialect) => {
  let t: TestTakt;
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
    await receive(t, 'R1', 'RAW', 100);
  });
  afterAll(() => t.close());

  const op = (method: string, url: string, body: unknown) => t.call(method, url, { body, as: 'operator' });
  const URL = '/api/v1/production/output-lot-status';

  it('is released by default, set only by an administrator, journaled, and refuses anything but released or quarantine', async () => {
    expect((await t.call('GET', URL, { as: 'operator' })).body).toEqual({ status: 'released' });
    for (const role of ['quality', 'supervisor', 'engineer', 'operator'] as const) expect((await t.call('PUT', URL, { as: role, body: { status: 'quarantine' } })).status).toBe(403);
    const seq = async () => Number((await t.takt.store.db.selectFrom('journal').select((eb) => eb.fn.max('seq').as('s')).executeTakeFirstOrThrow()).s);
    const before = await seq();
    const bad = await t.call('PUT', URL, { body: { status: 'on_hold' } });
    expect(bad.status).toBe(400);
    expect(bad.body.violations[0]).toMatchObject({ code: 'INVALID_FIELD', field: 'status' });
    expect(await seq()).toBe(before);

    const set = await t.call('PUT', URL, { body: { status: 'quarantine' } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toEqual({ status: 'quarantine' });
    expect((await t.call('GET', URL, { as: 'quality' })).body).toEqual({ status: 'quarantine' });
    const journal = await t.call('GET', `/api/v1/journal?after=${before}`);
    expect(journal.body.events).toMatchObject([{ action: 'output-lot-status.changed', actor: 't-admin', data: { changes: { status: { before: 'released', after: 'quarantine' } } } }]);
  });

  it('puts a new output lot in quarantine: the next order cannot consume it until quality releases it', async () => {
    const sub = await releasedOrder(t, 'WO-Q-SUB', 'SUB', 50);
    expect((await op('POST', `/api/v1/operations/${sub[10]}/start`, { equipmentId: 'MIX-1' })).status).toBe(200);
    expect((await op('POST', `/api/v1/operations/${sub[10]}/consume`, { lotId: 'R1', quantity: 52.5 })).status).toBe(200);
    const produced = await op('POST', `/api/v1/operations/${sub[10]}/produce`, { lotId: 'SQ1', quantity: 40 });
    expect(produced.body.lot).toMatchObject({ id: 'SQ1', status: 'quarantine', quantity: 40 });
    // More output into the same lot keeps it where it is.
    expect((await op('POST', `/api/v1/operations/${sub[10]}/produce`, { lotId: 'SQ1', quantity: 10 })).body.lot).toMatchObject({ status: 'quarantine', quantity: 50 });
    const event = (await t.call('GET', '/api/v1/journal?limit=1000')).body.events.find((e: { action: string; entityId: string }) => e.action === 'lot.produced' && e.entityId === 'SQ1');
    expect(event.data).toMatchObject({ status: 'quarantine' });

    expect((await op('POST', `/api/v1/operations/${sub[10]}/report`, { good: 50 })).status).toBe(200);
    expect((await op('POST', `/api/v1/operations/${sub[10]}/complete`, {})).status).toBe(200);
    const fin = await releasedOrder(t, 'WO-Q-FIN', 'FIN', 100);
    expect((await op('POST', `/api/v1/operations/${fin[10]}/start`, { equipmentId: 'MIX-1' })).status).toBe(200);
    const refused = await op('POST', `/api/v1/operations/${fin[10]}/consume`, { lotId: 'SQ1', quantity: 20 });
    expect(refused.status).toBe(409);
    expect(refused.body.violations.map((v: { code: string }) => v.code)).toEqual(['LOT_NOT_RELEASED']);

    expect((await t.call('POST', '/api/v1/lots/SQ1/release', { as: 'quality', body: { reason: 'Batch record of WO-Q-SUB reviewed, assay in specification' } })).status).toBe(200);
    expect((await op('POST', `/api/v1/operations/${fin[10]}/consume`, { lotId: 'SQ1', quantity: 20 })).status).toBe(200);

    // Back to released: output arrives released again.
    expect((await t.call('PUT', URL, { body: { status: 'released' } })).status).toBe(200);
    expect((await op('POST', `/api/v1/operations/${fin[10]}/report`, { good: 100 })).status).toBe(200);
    expect((await op('POST', `/api/v1/operations/${fin[10]}/complete`, {})).status).toBe(200);
    const sub2 = await releasedOrder(t, 'WO-Q-SUB2', 'SUB', 10);
    expect((await op('POST', `/api/v1/operations/${sub2[10]}/start`, { equipmentId: 'MIX-1' })).status).toBe(200);
    expect((await op('POST', `/api/v1/operations/${sub2[10]}/consume`, { lotId: 'R1', quantity: 10.5 })).status).toBe(200);
    expect((await op('POST', `/api/v1/operations/${sub2[10]}/produce`, { lotId: 'SR1', quantity: 10 })).body.lot).toMatchObject({ id: 'SR1', status: 'released' });
  });
});
