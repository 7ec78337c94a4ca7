import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPlant } from '../../../../test/support/plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';

/**
 * Three Berlin days, Monday 3 to Wednesday 5 March 2025 (CET = UTC+1): local midnight is 23:00Z the day before.
 * Each day MIX-1 runs through the EARLY shift (05:00-13:00Z, break 09:00-09:30Z) except a 30 min jam, and counts
 * 4 000 units at 6 s.
 */
const WINDOW = `from=${encodeURIComponent('2025-03-02T23:00:00Z')}&to=${encodeURIComponent('2025-03-05T23:00:00Z')}`;
const days = ['2025-03-03', '2025-03-04', '2025-03-05'];

describeStores('day accounts: closed days are summed from the cache, and every change that matters invalidates it', (dialect) => {
  let t: TestTakt;
  const oee = async (url = '/api/v1/equipment/MIX-1') => {
    const r = await t.call('GET', `${url}/oee?${WINDOW}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const state = (state: string, at: string, reason?: string) =>
    t.call('POST', '/api/v1/equipment/MIX-1/state', { body: { state, at, ...(reason ? { reason } : {}) }, as: 'integration' });

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
    await t.call('PUT', '/api/v1/sites/S/shifts/EARLY', { body: { start: '06:00', end: '14:00', days: [1, 2, 3, 4, 5], breaks: [{ start: '10:00', end: '10:30' }] } });
    await t.call('PUT', '/api/v1/downtime-reasons/JAM', { body: { name: 'Jam', planned: false } });
    for (const d of days) {
      await state('running', `${d}T05:00:00Z`);
      await state('down', `${d}T07:00:00Z`, 'JAM');
      await state('running', `${d}T07:30:00Z`);
      await state('offline', `${d}T13:00:00Z`);
      await t.call('POST', '/api/v1/equipment/MIX-1/counts', { body: { total: 4000, reject: 40, at: `${d}T12:00:00Z` }, as: 'integration' });
    }
    await state('idle', '2025-03-06T05:00:00Z'); // the current state begins after the three days: they are closed
  });
  afterAll(() => t.close());

  it('computes the days once, then reads them from the cache with the very same figures', async () => {
    const first = await oee();
    expect(first.days).toEqual({ cached: 0, computed: 3 });
    // Per day: PPT 28 800 − 1 800 = 27 000 s, run 27 000 − 1 800 = 25 200 s; × 3 days.
    expect(first.plannedProductionTime).toBe(81_000);
    expect(first.runTime).toBe(75_600);
    expect(first.oee).toBeCloseTo((3 * 3960 * 6) / 81_000, 12); // good × ideal / PPT
    const second = await oee();
    expect(second.days).toEqual({ cached: 3, computed: 0 });
    expect({ ...second, days: null }).toEqual({ ...first, days: null });
  });

  it('recomputes after a late event rewrites a cached day', async () => {
    await state('down', '2025-03-04T11:00:00Z', 'JAM');
    await state('running', '2025-03-04T11:30:00Z');
    const after = await oee();
    expect(after.days.computed).toBe(3); // the history revision moved: every day of MIX-1 is computed again
    expect(after.runTime).toBe(75_600 - 1800);
    expect((await oee()).days).toEqual({ cached: 3, computed: 0 });
  });

  it('recomputes after a late count, a shift change, a changed reason and a changed default ideal cycle time', async () => {
    await t.call('POST', '/api/v1/equipment/MIX-1/counts', { body: { total: 100, reject: 0, at: '2025-03-03T12:30:00Z' }, as: 'integration' });
    const counted = await oee();
    expect(counted.days.computed).toBe(3);
    expect(counted.totalCount).toBe(12_100);

    await t.call('PUT', '/api/v1/sites/S/shifts/EARLY', { body: { start: '06:00', end: '14:00', days: [1, 2, 3, 4, 5], breaks: [] } });
    const noBreak = await oee();
    expect(noBreak.days.computed).toBe(3);
    expect(noBreak.losses.breaks).toBe(0);

    await t.call('PUT', '/api/v1/downtime-reasons/JAM', { body: { name: 'Jam', planned: true } });
    const planned = await oee();
    expect(planned.days.computed).toBe(3);
    expect(planned.losses.breakdowns).toBe(0);

    await t.call('PUT', '/api/v1/equipment/MIX-1', { body: { name: 'Mixer 1', parentId: 'WC-MIX', idealCycleTimeSec: 5 } });
    const faster = await oee();
    expect(faster.days.computed).toBe(3);
    expect(faster.idealCycleTime).toBe(5);
    expect((await oee()).days).toEqual({ cached: 3, computed: 0 });
  });

  it('serves the equipment days cached by one scope to every scope above it', async () => {
    const area = await oee('/api/v1/areas/A');
    expect(area.days).toEqual({ cached: 3, computed: 3 }); // MIX-1 from the cache; PACK-1 (no history) computed, not cached
    expect(area.equipment.map((e: { equipmentId: string }) => e.equipmentId)).toEqual(['MIX-1', 'PACK-1']);
  });
});
