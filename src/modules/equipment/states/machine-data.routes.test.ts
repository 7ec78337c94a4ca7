import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JournalEvent } from '../../../platform/journal/journal.repository.js';
import { buildPlant } from '../../../../test/support/plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';

const isoAgo = (ms: number) => new Date(Date.now() - ms).toISOString();
const MIN = 60_000;

describeStores('equipment states and counts over the HTTP API', (dialect) => {
  let t: TestTakt;

  const rows = async () => {
    const db = t.takt.store.db;
    const n = async (table: 'journal' | 'equipment_states' | 'equipment_counts' | 'maintenance_orders') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { journal: await n('journal'), states: await n('equipment_states'), counts: await n('equipment_counts'), orders: await n('maintenance_orders') };
  };

  async function refused(url: string, body: unknown, field: string) {
    const before = await rows();
    const headers: Record<string, string> = typeof body === 'string' ? { 'content-type': 'application/json' } : {};
    const r = await t.call('POST', url, { body, headers, as: 'integration' });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.violations).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'INVALID_FIELD', field })]));
    expect(await rows()).toEqual(before);
  }

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
    await t.call('PUT', '/api/v1/downtime-reasons/JAM', { body: { name: 'Jam', planned: false } });
    await t.call('PUT', '/api/v1/downtime-reasons/BEARING', { body: { name: 'Bearing', planned: false, raisesMaintenanceOrder: true } });
  });
  afterAll(() => t.close());

  it('refuses bad state events with 400 naming the field and writes nothing', async () => {
    await refused('/api/v1/equipment/MIX-1/state', { state: 'exploded' }, 'state');
    await refused('/api/v1/equipment/MIX-1/state', { state: 'running', at: new Date(Date.now() + 60_000).toISOString() }, 'at');
    await refused('/api/v1/equipment/MIX-1/state', { state: 'running', at: 'half past nine' }, 'at');
    for (const at of ['0001-01-01T00:00:00Z', '1969-12-31T23:59:59Z', '1999-12-31T23:59:59.999Z']) await refused('/api/v1/equipment/MIX-1/state', { state: 'running', at }, 'at');
    const unknown = await t.call('POST', '/api/v1/equipment/NOPE/state', { body: { state: 'running' }, as: 'integration' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.violations[0].code).toBe('NOT_FOUND');
  });

  it('refuses bad counts with 400 naming the field and writes nothing', async () => {
    await refused('/api/v1/equipment/MIX-1/counts', { total: -5, reject: 0 }, 'total');
    await refused('/api/v1/equipment/MIX-1/counts', { total: 5, reject: -1 }, 'reject');
    await refused('/api/v1/equipment/MIX-1/counts', { total: 2.5, reject: 0 }, 'total');
    await refused('/api/v1/equipment/MIX-1/counts', { total: 5, reject: 6 }, 'reject');
    await refused('/api/v1/equipment/MIX-1/counts', { total: 5, reject: 0, at: new Date(Date.now() + 60_000).toISOString() }, 'at');
    await refused('/api/v1/equipment/MIX-1/counts', { reject: 0 }, 'total');
    for (const at of ['0001-01-01T00:00:00Z', '1969-12-31T23:59:59Z']) await refused('/api/v1/equipment/MIX-1/counts', { total: 5, reject: 0, at }, 'at');
  });

  it('bounds counts to a billion units a report, naming the field', async () => {
    await refused('/api/v1/equipment/MIX-1/counts', { total: 1e20, reject: 0 }, 'total');
    await refused('/api/v1/equipment/MIX-1/counts', '{"total":9007199254740993,"reject":0}', 'total'); // would be stored rounded
    await refused('/api/v1/equipment/MIX-1/counts', { total: 1_000_000_001, reject: 1 }, 'total');
    await refused('/api/v1/equipment/MIX-1/counts', { total: 10, reject: 5, rework: 1e12 }, 'rework');
    const max = await t.call('POST', '/api/v1/equipment/MIX-1/counts?dryRun=true', { body: { total: 1_000_000_000, reject: 0 }, as: 'integration' });
    expect(max.body).toMatchObject({ allowed: true });
  });

  it('journals every state change and publishes it after commit; the same event again changes nothing', async () => {
    const seen: JournalEvent[] = [];
    const stop = t.takt.bus.subscribe((e) => seen.push(e));
    try {
      const atRun = isoAgo(30 * MIN);
      const first = await t.call('POST', '/api/v1/equipment/MIX-1/state', { body: { state: 'running', at: atRun }, as: 'integration' });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ state: 'running', late: false, changed: true, current: { state: 'running', to: null } });
      const before = await rows();
      const again = await t.call('POST', '/api/v1/equipment/MIX-1/state', { body: { state: 'running', at: atRun }, as: 'integration' });
      expect(again.body.changed).toBe(false);
      expect(await rows()).toEqual(before);
      const down = await t.call('POST', '/api/v1/equipment/MIX-1/state', { body: { state: 'down', reason: 'JAM', at: isoAgo(20 * MIN) }, as: 'integration' });
      expect(down.status).toBe(200);
    } finally {
      stop();
    }
    const changes = seen.filter((e) => e.action === 'equipment.state-changed');
    expect(changes.map((e) => [e.entityId, e.data.state, e.data.reason])).toEqual([['MIX-1', 'running', null], ['MIX-1', 'down', 'JAM']]);
    expect(changes[1]?.data.previous).toMatchObject({ state: 'running', reason: null });
    const journal = await t.call('GET', '/api/v1/journal?after=0&limit=1000');
    expect(journal.body.events.filter((e: { action: string }) => e.action === 'equipment.state-changed')).toHaveLength(2);
  });

  it('keeps machine counts out of the journal and journals counts a person enters', async () => {
    const before = await rows();
    const machine = await t.call('POST', '/api/v1/equipment/MIX-1/counts', { body: { total: 100, reject: 2 }, as: 'integration' });
    expect(machine.status).toBe(200);
    expect(machine.body).toMatchObject({ total: 100, reject: 2, source: 'machine' });
    expect(await rows()).toEqual({ ...before, counts: before.counts + 1 });
    const manual = await t.call('POST', '/api/v1/equipment/MIX-1/counts', { body: { total: 7, reject: 1 }, as: 'operator' });
    expect(manual.body.source).toBe('operator');
    expect(await rows()).toEqual({ ...before, counts: before.counts + 2, journal: before.journal + 1 });
    const journal = await t.call('GET', '/api/v1/journal?after=0&limit=1000');
    expect(journal.body.events.filter((e: { action: string }) => e.action === 'equipment.counted').map((e: { data: unknown }) => e.data)).toEqual([
      expect.objectContaining({ total: 7, reject: 1, source: 'operator' }),
    ]);
  });

  it('raises one corrective maintenance order for a breakdown when asked to or when the reason says so', async () => {
    const asked = await t.call('POST', '/api/v1/equipment/PACK-1/state', { body: { state: 'down', reason: 'JAM', raiseMaintenanceOrder: true }, as: 'operator' });
    expect(asked.status).toBe(200);
    expect(asked.body.maintenanceOrders).toEqual([expect.objectContaining({ id: 'MO-PACK-1-1', kind: 'corrective', reason: 'JAM', status: 'open' })]);
    const repeated = await t.call('POST', '/api/v1/equipment/PACK-1/state', { body: { state: 'down', reason: 'BEARING' }, as: 'operator' });
    expect(repeated.body.maintenanceOrders).toEqual([]); // one open repair per equipment
    const byReason = await t.call('POST', '/api/v1/equipment/MIX-1/state', { body: { state: 'down', reason: 'BEARING' }, as: 'operator' });
    expect(byReason.body.maintenanceOrders).toEqual([expect.objectContaining({ id: 'MO-MIX-1-1', kind: 'corrective', reason: 'BEARING' })]);
    const journal = await t.call('GET', '/api/v1/journal?after=0&limit=1000');
    expect(journal.body.events.filter((e: { action: string }) => e.action === 'maintenance-order.created').map((e: { entityId: string }) => e.entityId)).toEqual(['MO-PACK-1-1', 'MO-MIX-1-1']);
  });

  it('requires a reason only for the states the equipment settings list (none by default)', async () => {
    expect((await t.call('GET', '/api/v1/equipment/PACK-1/settings')).body).toMatchObject({ reasonRequiredFor: [] });
    const free = await t.call('POST', '/api/v1/equipment/PACK-1/state', { body: { state: 'planned_stop' }, as: 'integration' });
    expect(free.status, JSON.stringify(free.body)).toBe(200);
    const set = await t.call('PUT', '/api/v1/equipment/PACK-1/settings', { body: { reasonRequiredFor: ['down'] }, as: 'engineer' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ reasonRequiredFor: ['down'], microStopThresholdSec: 0, countSource: 'auto' });
    const r = await t.call('POST', '/api/v1/equipment/PACK-1/state', { body: { state: 'planned_stop' }, as: 'integration' });
    expect(r.status).toBe(200);
    await refused('/api/v1/equipment/PACK-1/state', { state: 'down' }, 'reason');
    await refused('/api/v1/equipment/PACK-1/state', { state: 'down', reason: '  ' }, 'reason');
  });

  it('refuses shifts with end equal to start, breaks outside the shift or bad weekdays, naming each field', async () => {
    const r = await t.call('PUT', '/api/v1/sites/S/shifts/BAD', { body: { start: '06:00', end: '06:00', days: [0, 3, 3], breaks: [] }, as: 'engineer' });
    expect(r.status).toBe(400);
    expect(r.body.violations.map((v: { field: string }) => v.field).sort()).toEqual(['days[0]', 'days[2]', 'end']);
    const outside = await t.call('PUT', '/api/v1/sites/S/shifts/BAD', { body: { start: '06:00', end: '14:00', breaks: [{ start: '15:00', end: '15:30' }, { start: '9:00', end: '09:30' }] }, as: 'engineer' });
    expect(outside.status).toBe(400);
    expect(outside.body.violations.map((v: { field: string }) => v.field)).toEqual(['breaks[0]', 'breaks[1].start']);
    const notSite = await t.call('PUT', '/api/v1/sites/A/shifts/EARLY', { body: { start: '06:00', end: '14:00', breaks: [] }, as: 'engineer' });
    expect(notSite.status).toBe(404);
    const night = await t.call('PUT', '/api/v1/sites/S/shifts/NIGHT', { body: { start: '22:00', end: '06:00', breaks: [{ start: '02:00', end: '02:30' }] }, as: 'supervisor' });
    expect(night.status).toBe(200);
    expect((await t.call('GET', '/api/v1/sites/S/shifts')).body).toMatchObject({ timeZone: 'Europe/Berlin', items: [{ code: 'NIGHT', start: '22:00', end: '06:00' }] });
  });

  it('refuses a downtime reason whose parent is unknown or makes a cycle', async () => {
    const unknown = await t.call('PUT', '/api/v1/downtime-reasons/X', { body: { name: 'X', parentCode: 'NOPE', planned: false }, as: 'engineer' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.violations).toEqual([expect.objectContaining({ field: 'parentCode', details: expect.objectContaining({ reason: 'REFERENCE_NOT_FOUND' }) })]);
    await t.call('PUT', '/api/v1/downtime-reasons/CHILD', { body: { name: 'Child', parentCode: 'JAM', planned: false }, as: 'engineer' });
    const cycle = await t.call('PUT', '/api/v1/downtime-reasons/JAM', { body: { name: 'Jam', parentCode: 'CHILD', planned: false }, as: 'engineer' });
    expect(cycle.status).toBe(400);
    expect(cycle.body.violations).toEqual([expect.objectContaining({ field: 'parentCode', details: expect.objectContaining({ reason: 'REFERENCE_CYCLE' }) })]);
  });

  it('answers a re-sent state with 200 and changed: false, journaling no state change, and keeps it as a boundary a late stop ends at', async () => {
    expect((await t.call('PUT', '/api/v1/equipment/RESEND-1', { body: { name: 'Resending press', parentId: 'WC-MIX' } })).status).toBe(200);
    const post = (body: Record<string, unknown>) => t.call('POST', '/api/v1/equipment/RESEND-1/state', { body, as: 'integration' });
    // The stops as the API answers them: adjacent intervals of the same state and reason joined.
    const stretches = async () => ((await t.call('GET', `/api/v1/equipment/RESEND-1/states?from=${encodeURIComponent(isoAgo(60 * MIN))}&to=${encodeURIComponent(isoAgo(-MIN))}`)).body.intervals as { state: string; reason: string | null; from: string; to: string | null }[])
      .map((i) => [i.state, i.reason, i.from, i.to]);
    const journaled = async () => (await t.call('GET', '/api/v1/journal?entity=equipment&entityId=RESEND-1&limit=1000')).body.events
      .filter((e: { action: string }) => e.action === 'equipment.state-changed').map((e: { data: { state: string; at: string } }) => [e.data.state, e.data.at]);
    const atRun = isoAgo(20 * MIN);
    const atDown = isoAgo(8 * MIN);
    const atLate = isoAgo(15 * MIN);
    expect((await post({ state: 'running', at: atRun })).body.changed).toBe(true);
    expect((await post({ state: 'down', reason: 'JAM', at: atDown })).body.changed).toBe(true);
    const before = { stretches: await stretches(), journaled: await journaled(), orders: (await rows()).orders };
    const statesBefore = (await rows()).states;
    expect(before.stretches).toEqual([['running', null, atRun, atDown], ['down', 'JAM', atDown, null]]);

    const seen: JournalEvent[] = [];
    const stop = t.takt.bus.subscribe((e) => seen.push(e));
    try {
      // After a reconnect the machine sends its state again: later, now, and once more for a moment already past.
      const atRepeat = isoAgo(12 * MIN);
      for (const body of [{ state: 'down', reason: 'JAM', at: isoAgo(5 * MIN) }, { state: 'down', reason: 'JAM' }, { state: 'running', at: atRepeat }]) {
        const r = await post(body);
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        // The stop in force began at atDown, however often it was reported since.
        expect(r.body).toMatchObject({ equipmentId: 'RESEND-1', state: body.state, changed: false, current: { state: 'down', reason: 'JAM', from: atDown, to: null }, maintenanceOrders: [] });
      }
      expect({ stretches: await stretches(), journaled: await journaled(), orders: (await rows()).orders }).toEqual(before);
      // Stored, each re-send is a boundary cutting the interval it repeats: three rows more.
      expect((await rows()).states).toBe(statesBefore + 3);
      // Asking for a repair of the stop in force is a request, not a state change: the order opens.
      const repair = await t.call('POST', '/api/v1/equipment/RESEND-1/state', { body: { state: 'down', reason: 'JAM', raiseMaintenanceOrder: true }, as: 'operator' });
      expect(repair.body).toMatchObject({ changed: false, maintenanceOrders: [{ id: 'MO-RESEND-1-1', kind: 'corrective', reason: 'JAM' }] });
      // A stop reported late, inside the running time, ends at the repeated running report: the order of arrival
      // does not decide how long it lasted.
      const late = await post({ state: 'down', reason: 'MOTOR', at: atLate });
      expect(late.body).toMatchObject({ changed: true, late: true });
      expect(await stretches()).toEqual([['running', null, atRun, atLate], ['down', 'MOTOR', atLate, atRepeat], ['running', null, atRepeat, atDown], ['down', 'JAM', atDown, null]]);
    } finally {
      stop();
    }
    expect(seen.filter((e) => e.action === 'equipment.state-changed').map((e) => e.data.state)).toEqual(['down']);
    expect(await journaled()).toEqual([['running', atRun], ['down', atDown], ['down', atLate]]);
  });

  it('answers the state in force from when it began however many times it was reported again since', async () => {
    expect((await t.call('PUT', '/api/v1/equipment/RESEND-2', { body: { name: 'Chatty press', parentId: 'WC-MIX' } })).status).toBe(200);
    const post = (body: Record<string, unknown>) => t.call('POST', '/api/v1/equipment/RESEND-2/state', { body, as: 'integration' });
    const began = isoAgo(50 * MIN);
    const ran = isoAgo(55 * MIN);
    expect((await post({ state: 'running', at: ran })).body.changed).toBe(true);
    expect((await post({ state: 'down', reason: 'JAM', at: began })).body.changed).toBe(true);
    // More re-sends than one page of the walk back over them.
    for (let m = 45; m > 0; m -= 1) expect((await post({ state: 'down', reason: 'JAM', at: isoAgo(m * MIN) })).body.changed).toBe(false);
    const states = await t.call('GET', `/api/v1/equipment/RESEND-2/states?from=${encodeURIComponent(isoAgo(60 * MIN))}&to=${encodeURIComponent(isoAgo(-MIN))}`);
    expect(states.body.current).toMatchObject({ state: 'down', reason: 'JAM', from: began, to: null });
    expect(states.body.intervals.map((i: { state: string; from: string }) => [i.state, i.from])).toEqual([['running', ran], ['down', began]]);
  });
});
