import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildQualityPlant, startedOrder } from '../../../../test/support/quality-plant.js';
import { snapshot } from '../../../../test/support/plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import type { Role } from '../../../platform/auth/roles.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';

/** OUT_OF_SPEC on completion: an operation with an undecided out-of-specification finding cannot pass its output on. */
describeStores('completing an operation with an undecided out-of-spec result', (dialect) => {
  let t: TestTakt;
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildQualityPlant(t);
  });
  afterAll(() => t.close());

  const as = (role: Role, method: string, url: string, body: unknown = {}) => t.call(method, url, { body, as: role });

  it('is refused with OUT_OF_SPEC naming the nonconformance until quality decides, even when the order is not held', async () => {
    const op = await startedOrder(t, 'WO-OOS1', 'SHAFT', 10);
    // Held for another reason first: the nonconformance then shares no hold, and lifting the hold leaves it open.
    expect((await as('supervisor', 'POST', '/api/v1/work-orders/WO-OOS1/hold', { reason: 'material check' })).status).toBe(200);
    const bad = await as('operator', 'POST', `/api/v1/operations/${op}/inspections`, { characteristic: 'DIA', values: [10.2] });
    expect(bad.body).toMatchObject({ outcome: 'hold', orderStatus: 'on_hold' });
    const ncId = bad.body.nonconformanceId as string;
    await as('operator', 'POST', `/api/v1/operations/${op}/inspections`, { characteristic: 'LEN', values: [50] });
    await as('operator', 'POST', `/api/v1/operations/${op}/inspections`, { characteristic: 'VIS', pass: true });
    expect((await as('supervisor', 'POST', '/api/v1/work-orders/WO-OOS1/unhold', {})).body.status).toBe('in_progress');

    const before = await snapshot(t);
    const refused = await as('operator', 'POST', `/api/v1/operations/${op}/complete`);
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.violations).toEqual([
      expect.objectContaining({ code: 'OUT_OF_SPEC', details: expect.objectContaining({ nonconformanceId: ncId, characteristic: 'DIA' }) }),
    ]);
    expect(await snapshot(t)).toEqual(before);
    const dry = await as('operator', 'POST', `/api/v1/operations/${op}/complete?dryRun=true`);
    expect(dry.body).toMatchObject({ allowed: false, violations: [expect.objectContaining({ code: 'OUT_OF_SPEC' })] });

    const decided = await as('quality', 'POST', `/api/v1/nonconformances/${ncId}/disposition`, { decision: 'use_as_is', reason: 'within the customer deviation' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const done = await as('operator', 'POST', `/api/v1/operations/${op}/complete`);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
  });

  it('a warn result opens no nonconformance and does not refuse', async () => {
    const op = await startedOrder(t, 'WO-OOS2', 'SHAFT', 10);
    const warn = await as('operator', 'POST', `/api/v1/operations/${op}/inspections`, { characteristic: 'LEN', values: [60] });
    expect(warn.body).toMatchObject({ outcome: 'warn' });
    await as('operator', 'POST', `/api/v1/operations/${op}/inspections`, { characteristic: 'DIA', values: [10] });
    await as('operator', 'POST', `/api/v1/operations/${op}/inspections`, { characteristic: 'VIS', pass: true });
    const done = await as('operator', 'POST', `/api/v1/operations/${op}/complete`);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
  });
});
