import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildQualityPlant, startedOrder } from '../../../../test/support/quality-plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';

describeStores('batch record: inspections, out-of-spec results and nonconformances', (dialect) => {
  let t: TestTakt;
  let op: string;
  beforeEach(async () => {
    t = await startTestTakt(dialect);
    await buildQualityPlant(t);
    op = await startedOrder(t, 'WO-Q1', 'SHAFT', 10);
  });
  afterEach(() => t.close());

  it('lists each result against its limits, and puts the out-of-spec result, its nonconformance and the hold first', async () => {
    expect((await t.call('POST', `/api/v1/operations/${op}/inspections`, { as: 'operator', body: { characteristic: 'LEN', values: [50] } })).status).toBe(201);
    const bad = await t.call('POST', `/api/v1/operations/${op}/inspections`, { as: 'operator', body: { characteristic: 'DIA', values: [10, 10.08] } });
    expect(bad.status, JSON.stringify(bad.body)).toBe(201);
    expect(bad.body.outcome).toBe('hold');
    const nc = bad.body.nonconformanceId as string;
    expect((await t.call('POST', `/api/v1/nonconformances/${nc}/disposition`, { as: 'quality', body: { decision: 'use_as_is', reason: 'Within functional tolerance, engineering approval E-77' } })).status).toBeLessThan(300);

    const r = await t.call('GET', '/api/v1/work-orders/WO-Q1/record', { as: 'quality' });
    expect(r.status).toBe(200);
    const c = r.body.content;
    expect(c.exceptions.map((e: { kind: string }) => e.kind)).toEqual(['out-of-spec', 'nonconformance', 'hold', 'hold', 'nonconformance']);
    expect(c.exceptions[0]).toMatchObject({ operationId: op, actor: 't-operator' });
    expect(c.exceptions[0].summary).toBe('DIA out of specification (10.08; limits 9.95 .. 10.05; hold)');
    expect(c.exceptions[4]).toMatchObject({ summary: `nonconformance ${nc} dispositioned: use_as_is`, reason: 'Within functional tolerance, engineering approval E-77', operationId: op });
    const [turn] = c.operations;
    expect(turn.inspections.map((i: { characteristic: string; lsl: number; usl: number; pass: boolean; values: unknown }) => [i.characteristic, i.lsl, i.usl, i.pass, i.values])).toEqual([
      ['LEN', 49, 51, true, [{ value: 50, pass: true }]],
      ['DIA', 9.95, 10.05, false, [{ value: 10, pass: true }, { value: 10.08, pass: false }]],
    ]);
    expect(turn.nonconformances.map((n: { id: string; action: string }) => [n.id, n.action])).toEqual([[nc, 'nonconformance.opened'], [nc, 'nonconformance.dispositioned']]);
  });
});
