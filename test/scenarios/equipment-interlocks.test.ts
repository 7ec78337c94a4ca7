import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeStores } from '../support/stores.js';
import { startTestTakt, type TestTakt } from '../support/takt.js';
import { buildPlant, releasedOrder, snapshot } from '../support/plant.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Execution asks the equipment module before an operation starts: equipment that is down, in maintenance or
 * offline, whose preventive maintenance is overdue or whose calibration expired is refused with every reason, and
 * the refused start writes nothing.
 */
describeStores('equipment interlocks: execution refuses unserviceable equipment', (dialect) => {
  let t: TestTakt;
  let n = 0;
  let op: string;

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
    await t.call('PUT', '/api/v1/downtime-reasons/JAM', { body: { name: 'Jam', planned: false } });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    n += 1;
    op = (await releasedOrder(t, `WO-IL-${n}`, 'SUB', 10))[10] ?? '';
    await state('running');
  });

  async function state(s: string, reason?: string) {
    const r = await t.call('POST', '/api/v1/equipment/MIX-1/state', { body: { state: s, ...(reason ? { reason } : {}) }, as: 'integration' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }

  async function written() {
    const db = t.takt.store.db;
    const n = async (table: 'equipment_states' | 'maintenance_orders' | 'calibrations' | 'maintenance_plans') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { ...(await snapshot(t)), states: await n('equipment_states'), orders: await n('maintenance_orders'), calibrations: await n('calibrations'), plans: await n('maintenance_plans') };
  }

  const start = () => t.call('POST', `/api/v1/operations/${op}/start`, { body: { equipmentId: 'MIX-1' }, as: 'operator' });

  async function refused(...codes: string[]) {
    const before = await written();
    const r = await start();
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect(r.body.violations.map((v: { code: string }) => v.code).sort()).toEqual([...codes].sort());
    expect(r.body.violations.every((v: { field?: string }) => v.field === 'equipmentId')).toBe(true);
    expect(await written()).toEqual(before);
    return r.body.violations as { code: string; details: Record<string, unknown> }[];
  }

  async function started() {
    const r = await start();
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.status).toBe('running');
    await t.call('POST', `/api/v1/operations/${op}/complete`, { body: {}, as: 'operator' });
  }

  it('EQUIPMENT_UNAVAILABLE: a start on equipment that is down is refused, and allowed once it runs again', async () => {
    await state('down', 'JAM');
    const [v] = await refused('EQUIPMENT_UNAVAILABLE');
    expect(v?.details).toMatchObject({ equipmentId: 'MIX-1', state: 'down', reason: 'JAM' });
    await state('running');
    await started();
  });

  it('EQUIPMENT_UNAVAILABLE: nor in maintenance, nor offline', async () => {
    await state('maintenance');
    await refused('EQUIPMENT_UNAVAILABLE');
    await state('offline');
    await refused('EQUIPMENT_UNAVAILABLE');
    await state('idle');
    await started();
  });

  it('MAINTENANCE_OVERDUE: an overdue plan blocks the start until its order is completed', async () => {
    const plan = await t.call('PUT', '/api/v1/equipment/MIX-1/maintenance-plans/WEEKLY', {
      body: { name: 'Weekly lubrication', every: { days: 7 }, lastDoneAt: iso(Date.now() - 10 * DAY) }, as: 'engineer',
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    const [order] = plan.body.maintenanceOrders;
    expect(order).toMatchObject({ kind: 'preventive', planCode: 'WEEKLY', status: 'open' });
    const [v] = await refused('MAINTENANCE_OVERDUE');
    expect(v?.details).toMatchObject({ equipmentId: 'MIX-1', planId: 'WEEKLY', basis: 'days', interval: 7 });
    const done = await t.call('POST', `/api/v1/maintenance-orders/${order.id}/complete`, { body: { notes: 'lubricated, chain tension ok' }, as: 'operator' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    await started();
  });

  it('CALIBRATION_EXPIRED: an expired calibration blocks the start until a new one passes', async () => {
    const old = await t.call('POST', '/api/v1/equipment/MIX-1/calibrations', {
      body: { performedAt: iso(Date.now() - 400 * DAY), dueAt: iso(Date.now() - 35 * DAY), result: 'pass', certificate: 'CAL-2024-17' }, as: 'quality',
    });
    expect(old.status, JSON.stringify(old.body)).toBe(201);
    const [v] = await refused('CALIBRATION_EXPIRED');
    expect(v?.details).toMatchObject({ equipmentId: 'MIX-1', calibrationId: old.body.id, failed: false });
    const renewed = await t.call('POST', '/api/v1/equipment/MIX-1/calibrations', {
      body: { performedAt: iso(Date.now() - DAY), dueAt: iso(Date.now() + 365 * DAY), result: 'pass' }, as: 'quality',
    });
    expect(renewed.status).toBe(201);
    await started();
  });

  it('lists every interlock at once, and a dry run answers them without writing', async () => {
    await state('down', 'JAM');
    await t.call('PUT', '/api/v1/equipment/MIX-1/maintenance-plans/CYCLES', { body: { name: 'Blade change', every: { cycles: 100 } }, as: 'engineer' });
    await t.call('POST', '/api/v1/equipment/MIX-1/counts', { body: { total: 150, reject: 0 }, as: 'integration' });
    await t.call('POST', '/api/v1/equipment/MIX-1/calibrations', { body: { performedAt: iso(Date.now() - 1000), dueAt: iso(Date.now() + DAY), result: 'fail' }, as: 'quality' });
    await refused('EQUIPMENT_UNAVAILABLE', 'MAINTENANCE_OVERDUE', 'CALIBRATION_EXPIRED');
    const before = await written();
    const dry = await t.call('POST', `/api/v1/operations/${op}/start?dryRun=true`, { body: { equipmentId: 'MIX-1' }, as: 'operator' });
    expect(dry.status).toBe(200);
    expect(dry.body.allowed).toBe(false);
    expect(dry.body.violations.map((v: { code: string }) => v.code).sort()).toEqual(['CALIBRATION_EXPIRED', 'EQUIPMENT_UNAVAILABLE', 'MAINTENANCE_OVERDUE']);
    expect(await written()).toEqual(before);
    const interlocks = await t.call('GET', '/api/v1/equipment/MIX-1/interlocks', { as: 'operator' });
    expect(interlocks.body).toMatchObject({ usable: false });
    expect(interlocks.body.violations).toHaveLength(3);
  });
});
