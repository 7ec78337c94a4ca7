import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/platform/journal/journal.repository.js';
import { buildQualityPlant, startedOrder } from '../support/quality-plant.js';
import { describeStores } from '../support/stores.js';
import { startTestTakt, type TestTakt } from '../support/takt.js';

/**
 * Measure out of spec → hold + nonconformance → disposition rework → released: the operator's measurement holds
 * the order and the lot at once, quality decides, the order goes on, and the reworked units are inspected again
 * before the operation may complete.
 */
describeStores('quality: out of spec holds the order and the lot, a rework disposition releases them', (dialect) => {
  let t: TestTakt;
  const streamed: JournalEvent[] = [];
  let stopListening: () => void;
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildQualityPlant(t);
    stopListening = t.takt.bus.subscribe((e) => streamed.push(e));
  });
  afterAll(async () => {
    stopListening();
    await t.close();
  });

  it('measure out of spec → hold + NCR → disposition rework → released → re-inspected → completed', async () => {
    const op = await startedOrder(t, 'WO-Q1', 'SHAFT', 10);
    const operator = (method: string, url: string, body: unknown = {}) => t.call(method, url, { body, as: 'operator' });
    expect((await operator('POST', `/api/v1/operations/${op}/produce`, { lotId: 'LOT-Q1', quantity: 10 })).status).toBe(200);
    expect((await operator('POST', `/api/v1/operations/${op}/report`, { good: 10 })).status).toBe(200);

    // The operator measures two shafts; the second is too large.
    const measured = await operator('POST', `/api/v1/operations/${op}/inspections`, { characteristic: 'DIA', values: [10.02, 10.09], lotId: 'LOT-Q1' });
    expect(measured.status, JSON.stringify(measured.body)).toBe(201);
    expect(measured.body.results).toEqual([{ value: 10.02, inSpec: true }, { value: 10.09, inSpec: false }]);
    expect(measured.body).toMatchObject({ inSpec: false, outcome: 'hold', orderStatus: 'on_hold', lotStatus: 'on_hold', lsl: 9.95, usl: 10.05 });
    const ncId: string = measured.body.nonconformanceId;
    expect(ncId).toMatch(/^NC-\d+$/);

    expect((await t.call('GET', '/api/v1/work-orders/WO-Q1')).body.status).toBe('on_hold');
    expect((await t.call('GET', '/api/v1/lots/LOT-Q1')).body.status).toBe('on_hold');
    const actions = streamed.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['inspection.recorded', 'nonconformance.opened', 'work-order.held', 'lot.held']));
    const opened = streamed.find((e) => e.action === 'nonconformance.opened');
    expect(opened).toMatchObject({ entityId: ncId, actor: 't-operator', data: { characteristic: 'DIA', workOrderId: 'WO-Q1', lotId: 'LOT-Q1', findings: { values: [10.09], lsl: 9.95, usl: 10.05 } } });

    // Nothing runs on the held order, and the nonconformance is there for quality to see.
    const blocked = await operator('POST', `/api/v1/operations/${op}/complete`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.violations.map((v: { code: string }) => v.code)).toContain('ORDER_ON_HOLD');
    const open = await t.call('GET', '/api/v1/nonconformances?status=open', { as: 'quality' });
    expect(open.body.items.map((n: { id: string }) => n.id)).toEqual([ncId]);
    const read = await t.call('GET', `/api/v1/nonconformances/${ncId}`, { as: 'operator' });
    expect(read.body).toMatchObject({ id: ncId, status: 'open', characteristic: 'DIA', operationId: op, orderHeld: true, lotHeld: true, decision: null });
    expect(read.body.results).toEqual([expect.objectContaining({ value: 10.02, inSpec: true }), expect.objectContaining({ value: 10.09, inSpec: false })]);

    // Only quality decides.
    for (const role of ['operator', 'supervisor', 'engineer'] as const) {
      const refused = await t.call('POST', `/api/v1/nonconformances/${ncId}/disposition`, { body: { decision: 'rework', reason: 'regrind' }, as: role });
      expect(refused.status).toBe(403);
      expect(refused.body.violations[0].code).toBe('FORBIDDEN');
    }
    const decided = await t.call('POST', `/api/v1/nonconformances/${ncId}/disposition`, { body: { decision: 'rework', reason: 'regrind the oversized shaft' }, as: 'quality' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ id: ncId, status: 'closed', decision: 'rework', reason: 'regrind the oversized shaft', decidedBy: 't-quality', orderStatus: 'in_progress', lotStatus: 'released' });
    expect((await t.call('GET', '/api/v1/work-orders/WO-Q1')).body.status).toBe('in_progress');
    expect((await t.call('GET', '/api/v1/lots/LOT-Q1')).body.status).toBe('released');
    expect(streamed.map((e) => e.action)).toEqual(expect.arrayContaining(['nonconformance.dispositioned', 'work-order.unheld', 'lot.released']));
    expect(streamed.find((e) => e.action === 'nonconformance.dispositioned')).toMatchObject({ entityId: ncId, actor: 't-quality', reason: 'regrind the oversized shaft' });

    // A decision is made once.
    const again = await t.call('POST', `/api/v1/nonconformances/${ncId}/disposition`, { body: { decision: 'scrap', reason: 'second thoughts' }, as: 'quality' });
    expect(again.status).toBe(409);
    expect(again.body.violations[0].code).toBe('INVALID_TRANSITION');

    // The reworked shafts are inspected again before the step completes: the reworked inspection no longer counts.
    const missing = await operator('POST', `/api/v1/operations/${op}/complete`);
    expect(missing.status).toBe(409);
    expect(missing.body.violations.filter((v: { code: string }) => v.code === 'INSPECTION_MISSING').map((v: { details: { characteristic: string } }) => v.details.characteristic).sort()).toEqual(['DIA', 'LEN', 'VIS']);
    expect((await operator('POST', `/api/v1/operations/${op}/inspections`, { characteristic: 'DIA', values: [10.01], lotId: 'LOT-Q1' })).body.outcome).toBe('in_spec');
    expect((await operator('POST', `/api/v1/operations/${op}/inspections`, { characteristic: 'LEN', values: [50.2] })).body.outcome).toBe('in_spec');
    for (let i = 0; i < 2; i++) expect((await operator('POST', `/api/v1/operations/${op}/inspections`, { characteristic: 'VIS', pass: true })).status).toBe(201);
    const completed = await operator('POST', `/api/v1/operations/${op}/complete`);
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body.orderStatus).toBe('completed');

    const verify = await t.call('GET', '/api/v1/journal/verify');
    expect(verify.body.ok).toBe(true);
  });
});
