import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPlant } from '../../../../test/support/plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

describeStores('maintenance plans, orders and calibrations over the HTTP API', (dialect) => {
  let t: TestTakt;

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
  });
  afterAll(() => t.close());

  it('measures run hours from the state history and opens one order per due plan, however often generation runs', async () => {
    const now = Date.now();
    // PACK-1 ran 3 h, stood down 1 h, runs again since 30 min: 3.5 running hours since the plan started 5 h ago.
    await t.call('PUT', '/api/v1/downtime-reasons/JAM', { body: { name: 'Jam', planned: false } });
    await t.call('POST', '/api/v1/equipment/PACK-1/state', { body: { state: 'running', at: iso(now - 4.5 * HOUR) }, as: 'integration' });
    await t.call('POST', '/api/v1/equipment/PACK-1/state', { body: { state: 'down', reason: 'JAM', at: iso(now - 1.5 * HOUR) }, as: 'integration' });
    await t.call('POST', '/api/v1/equipment/PACK-1/state', { body: { state: 'running', at: iso(now - 0.5 * HOUR) }, as: 'integration' });
    const plan = await t.call('PUT', '/api/v1/equipment/PACK-1/maintenance-plans/FILTER', {
      body: { name: 'Filter change', every: { runHours: 3.8 }, lastDoneAt: iso(now - 5 * HOUR) }, as: 'engineer',
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    // 3.5 h used of 3.8 h, inside the 10 % lead window (from 3.42 h): due, not yet overdue.
    expect(plan.body.maintenanceOrders).toEqual([expect.objectContaining({ id: 'MO-PACK-1-1', kind: 'preventive', planCode: 'FILTER' })]);
    const list = await t.call('GET', '/api/v1/equipment/PACK-1/maintenance-plans');
    expect(list.body.items).toEqual([expect.objectContaining({ code: 'FILTER', every: { runHours: 3.8 }, status: expect.objectContaining({ status: 'due', basis: 'runHours' }) })]);
    expect(list.body.items[0].usage.runHours).toBeCloseTo(3.5, 2);
    const interlocks = await t.call('GET', '/api/v1/equipment/PACK-1/interlocks');
    expect(interlocks.body).toMatchObject({ usable: true, violations: [] }); // due is a warning, overdue blocks

    const again = await t.call('POST', '/api/v1/maintenance/generate', { body: {}, as: 'supervisor' });
    expect(again.status).toBe(200);
    expect(again.body.created).toEqual([]);
    const open = await t.call('GET', '/api/v1/maintenance-orders?equipmentId=PACK-1&status=open');
    expect(open.body.items.map((o: { id: string }) => o.id)).toEqual(['MO-PACK-1-1']);
  });

  it('opens the order of a calendar plan due within its lead time, dated at its limit, and leaves plans not yet due alone', async () => {
    const plan = await t.call('PUT', '/api/v1/equipment/MIX-1/maintenance-plans/MONTHLY', {
      body: { name: 'Monthly inspection', every: { days: 30 }, lastDoneAt: iso(Date.now() - 29 * DAY), grace: 2 }, as: 'engineer',
    });
    expect(plan.body.maintenanceOrders).toEqual([expect.objectContaining({ id: 'MO-MIX-1-1', planCode: 'MONTHLY' })]);
    expect(plan.body.maintenanceOrders[0].dueAt).toBe(iso(Date.parse(plan.body.lastDoneAt) + 30 * DAY));
    await t.call('PUT', '/api/v1/equipment/MIX-1/maintenance-plans/YEARLY', { body: { name: 'Yearly overhaul', every: { days: 365 } }, as: 'engineer' });
    const generated = await t.call('POST', '/api/v1/maintenance/generate', { body: { equipmentId: 'MIX-1' }, as: 'integration' });
    expect(generated.body.created).toEqual([]);
  });

  it('completes an order with notes, resets its plan, and refuses to complete it twice', async () => {
    const done = await t.call('POST', '/api/v1/maintenance-orders/MO-MIX-1-1/complete', { body: { notes: 'belts replaced' }, as: 'operator' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', notes: 'belts replaced', completedBy: 't-operator' });
    const plans = await t.call('GET', '/api/v1/equipment/MIX-1/maintenance-plans');
    expect(plans.body.items.find((p: { code: string }) => p.code === 'MONTHLY')).toMatchObject({ lastDoneAt: done.body.completedAt, status: { status: 'ok' } });
    const twice = await t.call('POST', '/api/v1/maintenance-orders/MO-MIX-1-1/complete', { body: { notes: 'again' }, as: 'operator' });
    expect(twice.status).toBe(409);
    expect(twice.body.violations[0].code).toBe('INVALID_TRANSITION');
    const missing = await t.call('POST', '/api/v1/maintenance-orders/MO-NONE-9/complete', { body: { notes: 'x' }, as: 'operator' });
    expect(missing.status).toBe(404);
    const noNotes = await t.call('POST', '/api/v1/maintenance-orders/MO-PACK-1-1/complete', { body: {}, as: 'operator' });
    expect(noNotes.status).toBe(400);
    expect(noNotes.body.violations[0].field).toBe('notes');
    const journal = await t.call('GET', '/api/v1/journal?after=0&limit=1000');
    expect(journal.body.events.filter((e: { action: string }) => e.action === 'maintenance-order.completed').map((e: { entityId: string; data: { notes: string } }) => [e.entityId, e.data.notes])).toEqual([
      ['MO-MIX-1-1', 'belts replaced'],
    ]);
  });

  it('refuses bad plans and calibrations with 400 naming the field', async () => {
    const future = await t.call('PUT', '/api/v1/equipment/MIX-1/maintenance-plans/X', { body: { name: 'X', every: { days: 7 }, lastDoneAt: iso(Date.now() + DAY) }, as: 'engineer' });
    expect(future.status).toBe(400);
    expect(future.body.violations[0].field).toBe('lastDoneAt');
    const zero = await t.call('PUT', '/api/v1/equipment/MIX-1/maintenance-plans/X', { body: { name: 'X', every: { days: 0 } }, as: 'engineer' });
    expect(zero.status).toBe(400);
    expect(zero.body.violations[0].field).toMatch(/^every/);
    // A due date beyond what a date can hold once answered 500 when the plans were read (found by the API fuzzer).
    const endless = await t.call('PUT', '/api/v1/equipment/MIX-1/maintenance-plans/X', { body: { name: 'X', every: { days: 1e9 } }, as: 'engineer' });
    expect(endless.status).toBe(400);
    expect(endless.body.violations[0].field).toMatch(/^every/);
    expect((await t.call('GET', '/api/v1/equipment/MIX-1/maintenance-plans', { as: 'engineer' })).status).toBe(200);
    const reversed = await t.call('POST', '/api/v1/equipment/MIX-1/calibrations', { body: { performedAt: iso(Date.now() - DAY), dueAt: iso(Date.now() - 2 * DAY), result: 'pass' }, as: 'quality' });
    expect(reversed.status).toBe(400);
    expect(reversed.body.violations.map((v: { field: string }) => v.field)).toEqual(['dueAt']);
    const ahead = await t.call('POST', '/api/v1/equipment/MIX-1/calibrations', { body: { performedAt: iso(Date.now() + DAY), dueAt: iso(Date.now() + 9 * DAY), result: 'pass' }, as: 'quality' });
    expect(ahead.status).toBe(400);
    expect(ahead.body.violations.map((v: { field: string }) => v.field)).toEqual(['performedAt']);
    const badResult = await t.call('POST', '/api/v1/equipment/MIX-1/calibrations', { body: { performedAt: iso(Date.now()), dueAt: iso(Date.now() + DAY), result: 'ok' }, as: 'quality' });
    expect(badResult.status).toBe(400);
    expect(badResult.body.violations[0].field).toBe('result');
  });

  it('keeps the latest calibration per instrument in force and journals each record', async () => {
    const now = Date.now();
    const gauge = await t.call('POST', '/api/v1/equipment/PACK-1/calibrations', { body: { performedAt: iso(now - 10 * DAY), dueAt: iso(now + 20 * DAY), result: 'pass', instrumentId: 'SCALE-1', certificate: 'C-1' }, as: 'quality' });
    expect(gauge.status).toBe(201);
    expect(gauge.body).toMatchObject({ equipmentId: 'PACK-1', instrumentId: 'SCALE-1', result: 'pass', certificate: 'C-1', recordedBy: 't-quality' });
    await t.call('POST', '/api/v1/equipment/PACK-1/calibrations', { body: { performedAt: iso(now - DAY), dueAt: iso(now + 30 * DAY), result: 'fail', instrumentId: 'SCALE-1' }, as: 'quality' });
    expect((await t.call('GET', '/api/v1/equipment/PACK-1/interlocks')).body.violations.map((v: { code: string }) => v.code)).toEqual(['CALIBRATION_EXPIRED']);
    await t.call('POST', '/api/v1/equipment/PACK-1/calibrations', { body: { performedAt: iso(now - 1000), dueAt: iso(now + 30 * DAY), result: 'pass', instrumentId: 'SCALE-1' }, as: 'quality' });
    expect((await t.call('GET', '/api/v1/equipment/PACK-1/interlocks')).body.usable).toBe(true);
    expect((await t.call('GET', '/api/v1/equipment/PACK-1/calibrations')).body.items).toHaveLength(3);
    const journal = await t.call('GET', '/api/v1/journal?after=0&limit=1000');
    expect(journal.body.events.filter((e: { action: string }) => e.action === 'calibration.recorded')).toHaveLength(3);
  });
});
