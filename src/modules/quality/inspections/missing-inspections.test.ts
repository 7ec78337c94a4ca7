import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildQualityPlant, startedOrder } from '../../../../test/support/quality-plant.js';
import { snapshot } from '../../../../test/support/plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type Reply, type TestTakt } from '../../../../test/support/takt.js';

/** INSPECTION_MISSING on completion: what each frequency, and a sampling plan, require. */
describeStores('completing an operation needs its inspections', (dialect) => {
  let t: TestTakt;
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildQualityPlant(t);
  });
  afterAll(() => t.close());

  const operator = (method: string, url: string, body: unknown = {}) => t.call(method, url, { body, as: 'operator' });
  const inspect = (op: string, body: unknown) => operator('POST', `/api/v1/operations/${op}/inspections`, body);
  const missing = (r: Reply) =>
    (r.body.violations as { code: string; details: { characteristic: string; required: number; recorded: number } }[])
      .filter((v) => v.code === 'INSPECTION_MISSING')
      .map((v) => `${v.details.characteristic} ${v.details.recorded}/${v.details.required}`)
      .sort();

  /** Completes, expecting a refusal that lists exactly the missing inspections and writes nothing. */
  async function refusedWith(op: string, ...expected: string[]) {
    const before = await snapshot(t);
    const r = await operator('POST', `/api/v1/operations/${op}/complete`);
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect(missing(r)).toEqual(expected);
    expect(await snapshot(t)).toEqual(before);
  }

  it('every = one result per quantity report, first = one before completion, n = one per n units reported; each at least one', async () => {
    const op = await startedOrder(t, 'WO-M1', 'SHAFT', 12);
    await refusedWith(op, 'DIA 0/1', 'LEN 0/1', 'VIS 0/1');
    await operator('POST', `/api/v1/operations/${op}/report`, { good: 4 });
    await operator('POST', `/api/v1/operations/${op}/report`, { good: 5, scrap: 1, scrapReason: 'chipped' });
    await refusedWith(op, 'DIA 0/2', 'LEN 0/1', 'VIS 0/2');
    await inspect(op, { characteristic: 'DIA', values: [10] });
    await inspect(op, { characteristic: 'LEN', values: [50] });
    await inspect(op, { characteristic: 'VIS', pass: true });
    await refusedWith(op, 'DIA 1/2', 'VIS 1/2');
    await operator('POST', `/api/v1/operations/${op}/report`, { good: 1 });
    await inspect(op, { characteristic: 'DIA', values: [10.01, 9.99] });
    await inspect(op, { characteristic: 'VIS', pass: true });
    // 11 units: VIS needs ceil(11 / 5) = 3; DIA has 3 results for 3 reports.
    await refusedWith(op, 'VIS 2/3');
    await inspect(op, { characteristic: 'VIS', pass: true });
    const done = await operator('POST', `/api/v1/operations/${op}/complete`);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
  });

  it('sampling = the Z1.4 sample size for the units reported; subgroupSize = that many results per inspection point', async () => {
    const op = await startedOrder(t, 'WO-M2', 'BOX', 100);
    await operator('POST', `/api/v1/operations/${op}/report`, { good: 100 });
    const plan = await t.call('GET', '/api/v1/quality/sampling-plan?lotSize=100&level=II&aql=1&severity=normal');
    expect(plan.body).toMatchObject({ codeLetter: 'F', sampleSize: 13, accept: 0, reject: 1 });
    await refusedWith(op, 'GAP 0/3', 'SEAL 0/13');
    for (let i = 0; i < 12; i++) await inspect(op, { characteristic: 'SEAL', pass: true });
    await inspect(op, { characteristic: 'GAP', values: [0.2, 0.21, 0.19] });
    await refusedWith(op, 'SEAL 12/13');
    await inspect(op, { characteristic: 'SEAL', pass: true });
    expect((await operator('POST', `/api/v1/operations/${op}/complete`)).status).toBe(200);
  });

  it('inspects output booked only as lots: the lots produced count as units, a production as a checkpoint', async () => {
    const op = await startedOrder(t, 'WO-M4', 'SHAFT', 10);
    expect((await operator('POST', `/api/v1/operations/${op}/produce`, { lotId: 'WO-M4-OUT', quantity: 10 })).status).toBe(200);
    await refusedWith(op, 'DIA 0/1', 'LEN 0/1', 'VIS 0/2');
    await inspect(op, { characteristic: 'DIA', values: [10] });
    await inspect(op, { characteristic: 'LEN', values: [50] });
    await inspect(op, { characteristic: 'VIS', pass: true });
    await refusedWith(op, 'VIS 1/2');
    await inspect(op, { characteristic: 'VIS', pass: true });
    expect((await operator('POST', `/api/v1/operations/${op}/complete`)).status).toBe(200);
  });

  it('lists every missing inspection beside the other refusals', async () => {
    const op = await startedOrder(t, 'WO-M3', 'SHAFT', 5);
    await operator('POST', `/api/v1/operations/${op}/report`, { good: 5 });
    await t.call('POST', '/api/v1/work-orders/WO-M3/hold', { body: { reason: 'material check' }, as: 'supervisor' });
    const r = await operator('POST', `/api/v1/operations/${op}/complete`);
    expect(r.status).toBe(409);
    expect((r.body.violations as { code: string }[]).map((v) => v.code).sort()).toEqual(['INSPECTION_MISSING', 'INSPECTION_MISSING', 'INSPECTION_MISSING', 'ORDER_ON_HOLD']);
    const dry = await operator('POST', `/api/v1/operations/${op}/complete?dryRun=true`);
    expect(dry.body.allowed).toBe(false);
    expect(missing({ ...dry, body: dry.body })).toEqual(['DIA 0/1', 'LEN 0/1', 'VIS 0/1']);
  });
});
