import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildQualityPlant, startedOrder } from '../../../../test/support/quality-plant.js';
import { releasedOrder } from '../../../../test/support/plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, TEST_PASSWORD, type TestTakt } from '../../../../test/support/takt.js';
import { REGULATED_POLICIES } from './signature-actions.js';

/** The actions a regulated plant signs, each through its own command, with the demo plant's policies. */
describeStores('signed actions', (dialect) => {
  let t: TestTakt;
  const sign = (username: string, meaning: string) => ({ username, password: TEST_PASSWORD, meaning });
  const codes = (body: { violations: { code: string }[] }) => body.violations.map((v) => v.code);

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildQualityPlant(t);
    for (const [action, policy] of Object.entries(REGULATED_POLICIES)) {
      expect((await t.call('PUT', `/api/v1/compliance/signature-policies/${action}`, { body: policy })).status).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('approves a product revision only with an approved signature', async () => {
    await t.call('POST', '/api/v1/products/PIN/revisions', { as: 'engineer', body: { bom: [], routing: [{ seq: 10, name: 'Bore', workCenterId: 'WC-MIX' }] } });
    const unsigned = await t.call('POST', '/api/v1/products/PIN/revisions/2/approve', { as: 'engineer', body: { reason: 'ECO-7' } });
    expect(unsigned.status).toBe(409);
    expect(codes(unsigned.body)).toEqual(['SIGNATURE_REQUIRED']);
    const signed = await t.call('POST', '/api/v1/products/PIN/revisions/2/approve', { as: 'engineer', body: { reason: 'ECO-7', signature: sign('t-engineer', 'approved') } });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.status).toBe('approved');
    const sigs = (await t.call('GET', '/api/v1/signatures?entity=product&entityId=PIN')).body.items;
    expect(sigs).toEqual([expect.objectContaining({ action: 'revision.approve', signer: 't-engineer', meaning: 'approved' })]);
  });

  it('decides a nonconformance only with an approved signature', async () => {
    const op = await startedOrder(t, 'WO-SIG-NC', 'SHAFT', 10);
    await t.call('POST', `/api/v1/operations/${op}/produce`, { body: { lotId: 'LOT-SIG-NC', quantity: 8 }, as: 'operator' });
    const nc = (await t.call('POST', `/api/v1/operations/${op}/inspections`, { body: { characteristic: 'DIA', values: [9.9], lotId: 'LOT-SIG-NC' }, as: 'operator' })).body.nonconformanceId;
    const body = { decision: 'use_as_is', reason: 'deviation 12' };
    const unsigned = await t.call('POST', `/api/v1/nonconformances/${nc}/disposition`, { as: 'quality', body });
    expect(codes(unsigned.body)).toEqual(['SIGNATURE_REQUIRED']);
    const signed = await t.call('POST', `/api/v1/nonconformances/${nc}/disposition`, { as: 'quality', body: { ...body, signature: sign('t-quality', 'approved') } });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body).toMatchObject({ status: 'closed', lotStatus: 'released' });
    expect((await t.call('GET', `/api/v1/signatures?entity=nonconformance&entityId=${nc}`)).body.items).toHaveLength(1);
  });

  it('completes a critical routing step only with a responsible signature and a second person as witness', async () => {
    await t.call('PUT', '/api/v1/materials/CRIT', { body: { name: 'Sterile fill', uom: 'pcs', lotControlled: true } });
    await t.call('POST', '/api/v1/products/CRIT/revisions', { as: 'engineer', body: { bom: [], routing: [{ seq: 10, name: 'Aseptic fill', workCenterId: 'WC-PACK', critical: true }] } });
    await t.call('POST', '/api/v1/products/CRIT/revisions/1/approve', { as: 'engineer', body: { signature: sign('t-engineer', 'approved') } });
    const ops = await releasedOrder(t, 'WO-CRIT', 'CRIT', 5);
    const op = ops[10];
    expect((await t.call('POST', `/api/v1/operations/${op}/start`, { as: 'operator', body: { equipmentId: 'PACK-1' } })).status).toBe(200);
    const complete = (body: unknown) => t.call('POST', `/api/v1/operations/${op}/complete`, { as: 'operator', body });
    const unsigned = await complete({});
    expect(unsigned.status).toBe(409);
    expect(unsigned.body.violations[0].message).toMatch(/responsible.*witness/);
    const noWitness = await complete({ signature: sign('t-operator', 'responsible') });
    expect(noWitness.body.violations[0].message).toContain('witness');
    const signed = await complete({ signature: sign('t-operator', 'responsible', ), witness: sign('t-supervisor', 'witnessed') });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.status).toBe('completed');
    const sigs = (await t.call('GET', `/api/v1/signatures?entity=operation&entityId=${op}`)).body.items;
    expect(sigs.map((s: { printedName: string; meaning: string }) => [s.printedName, s.meaning])).toEqual([['Test operator', 'responsible'], ['Test supervisor', 'witnessed']]);
  });

  it('completes a step that is not critical without any signature', async () => {
    const op = await startedOrder(t, 'WO-SIG-PLAIN', 'PIN', 5);
    await t.call('POST', `/api/v1/operations/${op}/report`, { as: 'operator', body: { good: 5 } });
    await t.call('POST', `/api/v1/operations/${op}/inspections`, { as: 'operator', body: { characteristic: 'BORE', values: [5, 5, 5, 5, 5] } });
    const r = await t.call('POST', `/api/v1/operations/${op}/complete`, { as: 'operator', body: {} });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });
});
