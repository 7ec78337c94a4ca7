import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPlant, succeed } from '../../../../test/support/plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';

/**
 * One shift on Monday 2025-03-03 at site S (Europe/Berlin, CET = UTC+1): EARLY 06:00-14:00 local with a break
 * 10:00-10:30 local, i.e. 05:00-13:00Z with the break 09:00-09:30Z. Times below are UTC.
 */
const DAY = '2025-03-03';
const at = (hhmm: string) => `${DAY}T${hhmm}:00Z`;
const WINDOW = `from=${encodeURIComponent(`${DAY}T00:00:00Z`)}&to=${encodeURIComponent('2025-03-04T00:00:00Z')}`;

describeStores('OEE over the HTTP API from states, counts and a shift calendar', (dialect) => {
  let t: TestTakt;

  const ok = (method: string, url: string, body?: unknown, as: 'integration' | 'engineer' | 'admin' = 'admin') => succeed(t, method, url, body, as);

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
    await ok('PUT', '/api/v1/sites/S/shifts/EARLY', { start: '06:00', end: '14:00', days: [1], breaks: [{ start: '10:00', end: '10:30' }] }, 'engineer');
    await ok('PUT', '/api/v1/downtime-reasons/MECH', { name: 'Mechanical', planned: false }, 'engineer');
    await ok('PUT', '/api/v1/downtime-reasons/JAM', { name: 'Jam', parentCode: 'MECH', planned: false }, 'engineer');
    await ok('PUT', '/api/v1/downtime-reasons/MOTOR', { name: 'Motor fault', parentCode: 'MECH', planned: false }, 'engineer');
    await ok('PUT', '/api/v1/downtime-reasons/MEETING', { name: 'Team meeting', planned: true }, 'engineer');

    const mix = (state: string, hhmm: string, reason?: string) =>
      ok('POST', '/api/v1/equipment/MIX-1/state', { state, at: at(hhmm), ...(reason ? { reason } : {}) }, 'integration');
    await mix('running', '05:00');
    await mix('down', '07:00', 'JAM');
    await mix('running', '07:30');
    await mix('planned_stop', '08:00', 'MEETING');
    await mix('running', '08:15');
    await mix('idle', '09:00'); // inside the break: break time is planned whatever the machine says
    await mix('running', '09:30');
    await mix('setup', '11:00');
    await mix('running', '11:20');
    await mix('offline', '13:00'); // shift end
    const counts = [['07:00', 1150, 15], ['11:00', 1350, 25], ['12:40', 785, 5]] as const;
    for (const [hhmm, total, reject] of counts) await ok('POST', '/api/v1/equipment/MIX-1/counts', { total, reject, at: at(hhmm) }, 'integration');

    await ok('POST', '/api/v1/equipment/PACK-1/state', { state: 'running', at: at('05:00') }, 'integration');
    await ok('POST', '/api/v1/equipment/PACK-1/state', { state: 'offline', at: at('13:00') }, 'integration');
    await ok('POST', '/api/v1/equipment/PACK-1/counts', { total: 12000, reject: 0, at: at('12:00') }, 'integration');
  });
  afterAll(() => t.close());

  it('inserts a backfilled down event in order and re-cuts the running interval it falls into', async () => {
    const late = await ok('POST', '/api/v1/equipment/MIX-1/state', { state: 'down', reason: 'MOTOR', at: at('12:40') }, 'integration');
    expect(late).toMatchObject({ late: true, changed: true, current: { state: 'offline', from: `${DAY}T13:00:00.000Z`, to: null } });
    const r = await t.call('GET', `/api/v1/equipment/MIX-1/states?${WINDOW}`);
    expect(r.status).toBe(200);
    expect(r.body.intervals.map((i: { state: string; from: string; to: string | null }) => `${i.state} ${i.from.slice(11, 16)}-${i.to?.slice(11, 16) ?? ''}`)).toEqual([
      'running 05:00-07:00', 'down 07:00-07:30', 'running 07:30-08:00', 'planned_stop 08:00-08:15', 'running 08:15-09:00', 'idle 09:00-09:30',
      'running 09:30-11:00', 'setup 11:00-11:20', 'running 11:20-12:40', 'down 12:40-13:00', 'offline 13:00-',
    ]);
  });

  it('gives the figures the definitions demand for one piece of equipment', async () => {
    const r = await t.call('GET', `/api/v1/equipment/MIX-1/oee?${WINDOW}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const o = r.body;
    // Shift time 05:00-13:00 = 28 800 s. Planned stops: break 1 800 + planned_stop MEETING 900 = 2 700.
    // Planned production time = 28 800 − 2 700 = 26 100 s.
    expect(o.shiftTime).toBe(28_800);
    expect(o.plannedProductionTime).toBe(26_100);
    // Stops inside it: down JAM 1 800 + down MOTOR (the late event) 1 200 + setup 1 200 = 4 200 (idle 09:00-09:30
    // lies in the break). Run time = 26 100 − 4 200 = 21 900 s (= running 7 200 + 1 800 + 2 700 + 5 400 + 4 800).
    expect(o.runTime).toBe(21_900);
    expect(o.availability).toBeCloseTo(21_900 / 26_100, 12); // 0.83908
    // Counts 1 150 + 1 350 + 785 = 3 285 at the equipment's ideal cycle time of 6 s: 19 710 s ideal.
    expect(o.totalCount).toBe(3285);
    expect(o.goodCount).toBe(3240); // rejects 15 + 25 + 5 = 45
    expect(o.idealCycleTime).toBe(6);
    expect(o.performance).toBeCloseTo(19_710 / 21_900, 12); // 0.9
    expect(o.quality).toBeCloseTo(3240 / 3285, 12); // 0.98630
    expect(o.oee).toBeCloseTo((21_900 / 26_100) * 0.9 * (3240 / 3285), 12);
    // The identity: OEE = good × ideal cycle time / planned production time = 19 440 / 26 100 = 0.74483.
    expect(o.oee).toBeCloseTo((o.goodCount * o.idealCycleTime) / o.plannedProductionTime, 12);
    expect(o.oee).toBeCloseTo(19_440 / 26_100, 12);
    expect(o.losses).toEqual({
      plannedStops: 2700, breaks: 1800, breakdowns: 3000, setup: 1200, idle: 0, offline: 0, noData: 0, microStops: 0,
      speed: 21_900 - 19_710, quality: 45 * 6,
    });
    expect(o.calendar).toBe('shifts');
    expect(o.equipment).toEqual([expect.objectContaining({ equipmentId: 'MIX-1', countSource: 'machine', totalCount: 3285 })]);
  });

  it('derives the ISO 22400-2 KPIs from the same account', async () => {
    const k = (await t.call('GET', `/api/v1/equipment/MIX-1/oee?${WINDOW}`)).body.kpis;
    expect(k.plannedBusyTime).toBe(26_100);
    expect(k.actualProductionTime).toBe(21_900);
    expect(k.actualUnitDelayTime).toBe(3000);
    expect(k.technicalEfficiency).toBeCloseTo(21_900 / 24_900, 12); // APT / (APT + ADET)
    expect(k.setupRate).toBeCloseTo(1200 / 23_100, 12); // AUST / (APT + AUST)
    expect(k.scrapRatio).toBeCloseTo(45 / 3285, 12);
    expect(k.firstPassYield).toBeCloseTo(3240 / 3285, 12);
    expect(k.throughputRate).toBeCloseTo((3285 / 26_100) * 3600, 9); // units per hour of planned busy time
    expect(k.failureEvents).toBe(2); // JAM at 07:00 and MOTOR at 12:40
    expect(k.mtbf).toBe(10_950); // 21 900 / 2
    expect(k.mttr).toBe(1500); // 3 000 / 2
  });

  it('aggregates equipment at work-center, area and site level by summing, never averaging', async () => {
    const wc = (await t.call('GET', `/api/v1/work-centers/WC-MIX/oee?${WINDOW}`)).body;
    expect(wc.plannedProductionTime).toBe(26_100);
    expect(wc.oee).toBeCloseTo(19_440 / 26_100, 12);
    // PACK-1: running 05:00-13:00, 12 000 units at 2 s: PPT 27 000, run 27 000, ideal 24 000 s, no reject.
    for (const url of ['/api/v1/areas/A', '/api/v1/sites/S']) {
      const r = await t.call('GET', `${url}/oee?${WINDOW}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const o = r.body;
      expect(o.plannedProductionTime).toBe(53_100); // 26 100 + 27 000
      expect(o.runTime).toBe(48_900); // 21 900 + 27 000
      expect(o.totalCount).toBe(15_285);
      expect(o.goodCount).toBe(15_240);
      expect(o.availability).toBeCloseTo(48_900 / 53_100, 12);
      expect(o.performance).toBeCloseTo(43_710 / 48_900, 12); // (19 710 + 24 000) / run time
      expect(o.quality).toBeCloseTo(15_240 / 15_285, 12);
      expect(o.oee).toBeCloseTo((48_900 / 53_100) * (43_710 / 48_900) * (15_240 / 15_285), 12);
      expect(o.idealCycleTime).toBeCloseTo(43_710 / 15_285, 12);
      expect(o.equipment.map((e: { equipmentId: string }) => e.equipmentId)).toEqual(['MIX-1', 'PACK-1']);
      expect(o.equipment[1].performance).toBeCloseTo(24_000 / 27_000, 12);
    }
  });

  it('ranks downtime by reason, and by the root of the reason tree', async () => {
    const byReason = (await t.call('GET', `/api/v1/equipment/MIX-1/downtime-pareto?${WINDOW}`)).body;
    expect(byReason.entries.map((e: { code: string; seconds: number }) => [e.code, e.seconds])).toEqual([['JAM', 1800], ['MOTOR', 1200], ['MEETING', 900]]);
    expect(byReason.totalSeconds).toBe(3900);
    expect(byReason.entries[0].share).toBeCloseTo(1800 / 3900, 12);
    const byRoot = (await t.call('GET', `/api/v1/areas/A/downtime-pareto?${WINDOW}&groupBy=root&states=down`)).body;
    expect(byRoot.entries).toEqual([expect.objectContaining({ code: 'MECH', name: 'Mechanical', seconds: 3000, occurrences: 2, cumulativeShare: 1 })]);
  });

  it('answers 400 naming the field for a window that does not end after it starts, and 404 for an unknown node', async () => {
    const reversed = await t.call('GET', `/api/v1/equipment/MIX-1/oee?from=${encodeURIComponent(at('12:00'))}&to=${encodeURIComponent(at('11:00'))}`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.violations).toEqual([expect.objectContaining({ code: 'INVALID_FIELD', field: 'to' })]);
    const missing = await t.call('GET', '/api/v1/equipment/MIX-1/oee?from=yesterday');
    expect(missing.status).toBe(400);
    expect(missing.body.violations.map((v: { field: string }) => v.field).sort()).toEqual(['from', 'to']);
    const wrongLevel = await t.call('GET', `/api/v1/areas/WC-MIX/oee?${WINDOW}`);
    expect(wrongLevel.status).toBe(404);
    expect(wrongLevel.body.violations[0].code).toBe('NOT_FOUND');
  });
});
