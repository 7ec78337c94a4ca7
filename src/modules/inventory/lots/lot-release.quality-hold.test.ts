import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildQualityPlant, startedOrder } from '../../../../test/support/quality-plant.js';
import { receive } from '../../../../test/support/plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';
import { lotsMessage } from '../../integration/inbound/b2mml-message.test-messages.js';

describeStores('releasing a lot that an open nonconformance holds', (dialect) => {
  let t: TestTakt;
  let n = 0;
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildQualityPlant(t);
  });
  afterAll(() => t.close());

  const journalLength = async () => Number((await t.takt.store.db.selectFrom('journal').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const release = (lot: string, query = '') => t.call('POST', `/api/v1/lots/${lot}/release${query}`, { body: { reason: 'looks fine to me' }, as: 'quality' });
  const lotStatus = async (lot: string) => (await t.call('GET', `/api/v1/lots/${lot}`)).body.status;

  /** An output lot of SHAFT with a diameter out of spec on it (onFail hold): a nonconformance holds the order and the lot. */
  async function heldByNonconformance(): Promise<{ lot: string; nc: string }> {
    n += 1;
    const lot = `LOT-R${n}`;
    const op = await startedOrder(t, `WO-R${n}`, 'SHAFT', 10);
    await t.call('POST', `/api/v1/operations/${op}/produce`, { body: { lotId: lot, quantity: 8 }, as: 'operator' });
    const r = await t.call('POST', `/api/v1/operations/${op}/inspections`, { body: { characteristic: 'DIA', values: [9.9], lotId: lot }, as: 'operator' });
    expect(r.body).toMatchObject({ outcome: 'hold', lotStatus: 'on_hold' });
    expect((await t.call('GET', `/api/v1/nonconformances/${r.body.nonconformanceId}`)).body).toMatchObject({ status: 'open', lotHeld: true });
    return { lot, nc: r.body.nonconformanceId };
  }

  it('refuses the release with 409 naming the nonconformance, writes nothing, and leaves the nonconformance open', async () => {
    const { lot, nc } = await heldByNonconformance();
    const before = await journalLength();
    const r = await release(lot);
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect(r.body.violations).toEqual([
      expect.objectContaining({
        code: 'LOT_HELD_BY_NONCONFORMANCE',
        message: expect.stringContaining(nc),
        details: { lotId: lot, nonconformanceId: nc },
      }),
    ]);
    expect(await journalLength()).toBe(before);
    expect(await lotStatus(lot)).toBe('on_hold');
    expect((await t.call('GET', `/api/v1/nonconformances/${nc}`)).body).toMatchObject({ status: 'open', lotHeld: true });
  });

  it('says the same in a dry run and writes nothing', async () => {
    const { lot, nc } = await heldByNonconformance();
    const before = await journalLength();
    const r = await release(lot, '?dryRun=true');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ allowed: false, violations: [expect.objectContaining({ code: 'LOT_HELD_BY_NONCONFORMANCE', details: { lotId: lot, nonconformanceId: nc } })] });
    expect(await journalLength()).toBe(before);
    expect(await lotStatus(lot)).toBe('on_hold');
  });

  it('lets the disposition release the lot, after which nothing holds it', async () => {
    const { lot, nc } = await heldByNonconformance();
    const decided = await t.call('POST', `/api/v1/nonconformances/${nc}/disposition`, { body: { decision: 'use_as_is', reason: 'customer deviation 12' }, as: 'quality' });
    expect(decided.body).toMatchObject({ status: 'closed', lotStatus: 'released' });
    expect(await lotStatus(lot)).toBe('released');
  });

  it('names every open nonconformance sharing the hold, and releases a lot held by hand as before', async () => {
    const { lot, nc } = await heldByNonconformance();
    const op = (await t.call('GET', `/api/v1/nonconformances/${nc}`)).body.operationId as string;
    const second = await t.call('POST', `/api/v1/operations/${op}/inspections`, { body: { characteristic: 'DIA', values: [10.2], lotId: lot }, as: 'operator' });
    expect((await t.call('GET', `/api/v1/nonconformances/${second.body.nonconformanceId}`)).body.lotHeld).toBe(true);
    const r = await release(lot);
    expect(r.body.violations.map((v: { details: { nonconformanceId: string } }) => v.details.nonconformanceId)).toEqual([nc, second.body.nonconformanceId]);

    await receive(t, 'BAR-R', 'RAW', 50);
    expect((await t.call('POST', '/api/v1/lots/BAR-R/hold', { body: { reason: 'supplier audit' }, as: 'quality' })).status).toBe(200);
    expect((await release('BAR-R')).body.status).toBe('released');
  });

  it('refuses a B2MML SyncMaterialLot that states the lot released, through the same rule', async () => {
    const { lot, nc } = await heldByNonconformance();
    const before = await journalLength();
    const r = await t.call('POST', '/api/v1/integration/b2mml', {
      as: 'integration', body: lotsMessage('BOD-R1', [{ id: lot, material: 'SHAFT', quantity: 8, uom: 'pcs', status: 'Released' }], 'Change'), headers: { 'content-type': 'application/xml' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body.violations).toEqual([expect.objectContaining({ code: 'IMPORT_REFUSED', message: expect.stringContaining(nc) })]);
    expect(await journalLength()).toBe(before);
    expect(await lotStatus(lot)).toBe('on_hold');
  });
});
