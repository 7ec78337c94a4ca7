import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPlant, succeed } from '../../../../test/support/plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';

/** A past day; site S has no shifts here, so it is scheduled around the clock. Times are UTC. */
const DAY = '2025-03-03';
const at = (hhmm: string) => `${DAY}T${hhmm}:00Z`;
const WINDOW = `from=${encodeURIComponent(`${DAY}T00:00:00Z`)}&to=${encodeURIComponent('2025-03-04T00:00:00Z')}`;

describeStores('stops without a reason, and the ideal cycle time of a window without counts', (dialect) => {
  let t: TestTakt;

  const ok = (method: string, url: string, body?: unknown, as: 'integration' | 'engineer' | 'admin' = 'admin') => succeed(t, method, url, body, as);

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t); // MIX-1 (ideal cycle time 6 s) in WC-MIX, PACK-1 (2 s) in WC-PACK, both in area A
    await ok('PUT', '/api/v1/equipment/E3', { name: 'Press 3', parentId: 'WC-MIX', idealCycleTimeSec: 20 });
    await ok('PUT', '/api/v1/downtime-reasons/JAM', { name: 'Jam', planned: false }, 'engineer');
    await ok('POST', '/api/v1/equipment/E3/state', { state: 'running', at: at('08:00') }, 'integration');
  });
  afterAll(() => t.close());

  it('accepts {"state":"down"} by default and counts it as an unplanned stop without a reason', async () => {
    const down = await ok('POST', '/api/v1/equipment/E3/state', { state: 'down', at: at('10:00') }, 'integration');
    expect(down).toMatchObject({ state: 'down', reason: null, changed: true });
    await ok('POST', '/api/v1/equipment/E3/state', { state: 'running', at: at('10:30') }, 'integration');
    const planned = await ok('POST', '/api/v1/equipment/E3/state', { state: 'planned_stop', at: at('12:00') }, 'integration');
    expect(planned).toMatchObject({ state: 'planned_stop', reason: null });
    await ok('POST', '/api/v1/equipment/E3/state', { state: 'running', at: at('12:15') }, 'integration');

    const o = await ok('GET', `/api/v1/equipment/E3/oee?${WINDOW}`);
    expect(o.breakdownCount).toBe(1);
    expect(o.losses).toMatchObject({ breakdowns: 1800, plannedStops: 900 });
    expect(o.kpis.failureEvents).toBe(1);
    const pareto = await ok('GET', `/api/v1/equipment/E3/downtime-pareto?${WINDOW}`);
    expect(pareto.entries).toEqual([expect.objectContaining({ code: 'UNSPECIFIED', seconds: 2700, occurrences: 2 })]);
    const unplanned = await ok('GET', `/api/v1/equipment/E3/downtime-pareto?${WINDOW}&states=down`);
    expect(unplanned.entries).toEqual([expect.objectContaining({ code: 'UNSPECIFIED', seconds: 1800, occurrences: 1 })]);
  });

  it('takes the reason later: the same state at the same time with a reason replaces the unassigned stop', async () => {
    const named = await ok('POST', '/api/v1/equipment/E3/state', { state: 'down', reason: 'JAM', at: at('10:00') }, 'integration');
    expect(named).toMatchObject({ state: 'down', reason: 'JAM', changed: true, late: true });
    const states = await ok('GET', `/api/v1/equipment/E3/states?${WINDOW}`);
    expect(states.intervals.filter((i: { state: string }) => i.state === 'down')).toEqual([
      { state: 'down', reason: 'JAM', from: `${DAY}T10:00:00.000Z`, to: `${DAY}T10:30:00.000Z` },
    ]);
    const pareto = await ok('GET', `/api/v1/equipment/E3/downtime-pareto?${WINDOW}&states=down`);
    expect(pareto.entries).toEqual([expect.objectContaining({ code: 'JAM', seconds: 1800, occurrences: 1 })]);
    expect((await ok('GET', `/api/v1/equipment/E3/oee?${WINDOW}`)).losses.breakdowns).toBe(1800);
  });

  it('refuses a stop without a reason where the equipment settings require one', async () => {
    await ok('PUT', '/api/v1/equipment/E3/settings', { reasonRequiredFor: ['down'] }, 'engineer');
    const r = await t.call('POST', '/api/v1/equipment/E3/state', { body: { state: 'down', at: at('14:00') }, as: 'integration' });
    expect(r.status).toBe(400);
    expect(r.body.violations).toEqual([expect.objectContaining({ code: 'INVALID_FIELD', field: 'reason' })]);
    await ok('POST', '/api/v1/equipment/E3/state', { state: 'planned_stop', at: at('14:00') }, 'integration'); // not listed
    await ok('POST', '/api/v1/equipment/E3/state', { state: 'down', reason: 'JAM', at: at('14:30') }, 'integration');
    // Other equipment keeps the default.
    await ok('POST', '/api/v1/equipment/PACK-1/state', { state: 'down', at: at('14:00') }, 'integration');
  });

  it("answers the equipment's ideal cycle time when the window has no counts, and the mean of those set for a set", async () => {
    const e3 = await ok('GET', `/api/v1/equipment/E3/oee?${WINDOW}`);
    expect([e3.totalCount, e3.idealCycleTime, e3.performance]).toEqual([0, 20, 0]);
    expect((await ok('GET', `/api/v1/work-centers/WC-MIX/oee?${WINDOW}`)).idealCycleTime).toBe(13); // (6 + 20) / 2
    expect((await ok('GET', `/api/v1/areas/A/oee?${WINDOW}`)).idealCycleTime).toBeCloseTo(28 / 3, 12); // (6 + 2 + 20) / 3
    await ok('POST', '/api/v1/equipment/E3/counts', { total: 10, reject: 0, at: at('11:00') }, 'integration');
    const counted = await ok('GET', `/api/v1/work-centers/WC-MIX/oee?${WINDOW}`);
    expect([counted.totalCount, counted.idealCycleTime]).toEqual([10, 20]); // weighted by counts as before
  });
});
