import { afterAll, beforeAll, expect, it } from 'vitest';
import { succeed } from '../../../../test/support/plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';

/**
 * Site S2 (UTC) runs two shifts every day that overlap for an hour: NIGHT 22:00-06:00 taking its last half hour
 * as a break (05:30-06:00, the handover) and EARLY 05:00-13:00 with a break 09:00-09:30. On 2025-03-03 the shifts
 * cover 00:00-13:00 (the night shift of the 2nd, then EARLY) and 22:00-24:00 (the night shift of the 3rd).
 */
const WINDOW = `from=${encodeURIComponent('2025-03-03T00:00:00Z')}&to=${encodeURIComponent('2025-03-04T00:00:00Z')}`;

describeStores('OEE of a site whose shifts overlap', (dialect) => {
  let t: TestTakt;

  const ok = (method: string, url: string, body?: unknown, as: 'integration' | 'engineer' | 'admin' = 'admin') => succeed(t, method, url, body, as);

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await ok('PUT', '/api/v1/sites/S2', { name: 'Two shifts', timeZone: 'UTC' });
    await ok('PUT', '/api/v1/areas/A2', { name: 'Area', parentId: 'S2' });
    await ok('PUT', '/api/v1/work-centers/WC2', { name: 'Line', parentId: 'A2' });
    await ok('PUT', '/api/v1/equipment/EQ2', { name: 'Press', parentId: 'WC2', idealCycleTimeSec: 1 });
    // Overlapping shifts are a plant's normal handover: they are accepted, not refused.
    await ok('PUT', '/api/v1/sites/S2/shifts/NIGHT', { start: '22:00', end: '06:00', breaks: [{ start: '05:30', end: '06:00' }] }, 'engineer');
    await ok('PUT', '/api/v1/sites/S2/shifts/EARLY', { start: '05:00', end: '13:00', breaks: [{ start: '09:00', end: '09:30' }] }, 'engineer');
    await ok('POST', '/api/v1/equipment/EQ2/state', { state: 'running', at: '2025-03-02T21:00:00Z' }, 'integration');
  });
  afterAll(() => t.close());

  it('keeps the night shift break planned where the early shift works, and counts the early break', async () => {
    for (const pass of ['computed', 'from the day cache']) {
      const r = await t.call('GET', `/api/v1/equipment/EQ2/oee?${WINDOW}`);
      expect(r.status, `${pass}: ${JSON.stringify(r.body)}`).toBe(200);
      // Shift time 13 h + 2 h = 54 000 s; the only break is EARLY's 09:00-09:30 (1 800 s): 05:30-06:00 is EARLY's time.
      expect(r.body.shiftTime).toBe(54_000);
      expect(r.body.losses.breaks).toBe(1800);
      expect(r.body.plannedProductionTime).toBe(52_200);
      expect(r.body.runTime).toBe(52_200);
      expect(r.body.availability).toBe(1);
    }
  });
});
