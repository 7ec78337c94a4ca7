import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPlant, releasedOrder } from '../../../../test/support/plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const q = (from: number, to: number) => `from=${encodeURIComponent(iso(from))}&to=${encodeURIComponent(iso(to))}`;

/** Site S has no shift here: the calendar is continuous (every hour is scheduled). */
describeStores('OEE counts from machines or from execution, ideal cycle time from the routing', (dialect) => {
  let t: TestTakt;
  let t0: number;

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
    t0 = Date.now();
  });
  afterAll(() => t.close());

  it('counts operator reports from execution at the ideal cycle time of the operation running at the time', async () => {
    // MIX-1's own ideal cycle time becomes 4 s; the routing of SUB says 6 s at step 10.
    await t.call('PUT', '/api/v1/equipment/MIX-1', { body: { name: 'Mixer 1', parentId: 'WC-MIX', idealCycleTimeSec: 4 }, as: 'engineer' });
    await t.call('POST', '/api/v1/equipment/MIX-1/state', { body: { state: 'running', at: iso(t0 - 20 * MIN) }, as: 'integration' });
    // Before the operation: 10 units counted by hand at the equipment's default of 4 s.
    const manual = await t.call('POST', '/api/v1/equipment/MIX-1/counts', { body: { total: 10, reject: 0, at: iso(t0 - 10 * MIN) }, as: 'operator' });
    expect(manual.body.source).toBe('operator');
    const ops = await releasedOrder(t, 'WO-C1', 'SUB', 100);
    expect((await t.call('POST', `/api/v1/operations/${ops[10]}/start`, { body: { equipmentId: 'MIX-1' }, as: 'operator' })).status).toBe(200);
    expect((await t.call('POST', `/api/v1/operations/${ops[10]}/report`, { body: { good: 18, scrap: 2, scrapReason: 'lumps' }, as: 'operator' })).status).toBe(200);

    const r = await t.call('GET', `/api/v1/equipment/MIX-1/oee?${q(t0 - 60 * MIN, t0 + 60 * MIN)}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.equipment[0].countSource).toBe('operator');
    expect(r.body.totalCount).toBe(30); // 10 by hand + 18 good + 2 scrap reported on the operation
    expect(r.body.goodCount).toBe(28);
    expect(r.body.idealCycleTime).toBeCloseTo((10 * 4 + 20 * 6) / 30, 12); // Σ ideal 160 s over 30 units
    expect(r.body.losses.quality).toBe(2 * 6);
  });

  it('takes the machine counter instead once the machine reports, never both, unless told otherwise', async () => {
    const m = await t.call('POST', '/api/v1/equipment/MIX-1/counts', { body: { total: 25, reject: 1 }, as: 'integration' });
    expect(m.body.source).toBe('machine');
    const auto = (await t.call('GET', `/api/v1/equipment/MIX-1/oee?${q(t0 - 60 * MIN, t0 + 60 * MIN)}`)).body;
    expect(auto.equipment[0].countSource).toBe('machine');
    expect(auto.totalCount).toBe(25);
    expect(auto.idealCycleTime).toBe(6); // counted while the SUB operation runs
    await t.call('PUT', '/api/v1/equipment/MIX-1/settings', { body: { countSource: 'operator' }, as: 'engineer' });
    const operator = (await t.call('GET', `/api/v1/equipment/MIX-1/oee?${q(t0 - 60 * MIN, t0 + 60 * MIN)}`)).body;
    expect(operator.equipment[0].countSource).toBe('operator');
    expect(operator.totalCount).toBe(30);
  });

  it('counts short stops as micro-stops under the threshold and stops with a planned reason as planned', async () => {
    const base = Date.parse('2025-01-06T08:00:00Z');
    const post = (state: string, minutes: number, reason?: string) =>
      t.call('POST', '/api/v1/equipment/PACK-1/state', { body: { state, at: iso(base + minutes * MIN), ...(reason ? { reason } : {}) }, as: 'integration' });
    await t.call('PUT', '/api/v1/downtime-reasons/JAM', { body: { name: 'Jam', planned: false }, as: 'engineer' });
    await t.call('PUT', '/api/v1/downtime-reasons/NO-ORDER', { body: { name: 'No order planned', planned: true }, as: 'engineer' });
    await t.call('PUT', '/api/v1/equipment/PACK-1/settings', { body: { microStopThresholdSec: 120 }, as: 'engineer' });
    await post('running', 0);
    await post('down', 10, 'JAM'); // 1 min: a micro-stop
    await post('running', 11);
    await post('down', 20, 'JAM'); // 5 min: a breakdown
    await post('running', 25);
    await post('down', 40, 'NO-ORDER'); // 10 min, but its reason is planned
    await post('running', 50);
    await post('offline', 60);
    const o = (await t.call('GET', `/api/v1/equipment/PACK-1/oee?${q(base, base + 60 * MIN)}`)).body;
    expect(o.calendar).toBe('continuous');
    expect(o.shiftTime).toBe(3600);
    expect(o.losses).toMatchObject({ plannedStops: 600, breakdowns: 300, microStops: 60, breaks: 0 });
    expect(o.plannedProductionTime).toBe(3000); // 3 600 − 600 planned
    expect(o.runTime).toBe(2700); // 3 000 − 300 breakdown; the micro-stop stays inside run time
    expect(o.microStopCount).toBe(1);
    expect(o.breakdownCount).toBe(1);
    expect(o.availability).toBeCloseTo(2700 / 3000, 12);
  });
});
