import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';

describeStores('site shift calendar over the HTTP API', (dialect) => {
  let t: TestTakt;

  const written = async () => {
    const db = t.takt.store.db;
    const n = async (table: 'journal' | 'site_shifts') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { journal: await n('journal'), shifts: await n('site_shifts') };
  };

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    const site = await t.call('PUT', '/api/v1/sites/S', { body: { name: 'Site', timeZone: 'Europe/Berlin' } });
    expect(site.status, JSON.stringify(site.body)).toBeLessThan(300);
  });
  afterAll(() => t.close());

  it('refuses a shift with no weekday with 400 naming days, and writes nothing', async () => {
    const before = await written();
    const r = await t.call('PUT', '/api/v1/sites/S/shifts/EARLY', { body: { start: '06:00', end: '14:00', days: [], breaks: [] }, as: 'engineer' });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.violations).toEqual([expect.objectContaining({ code: 'INVALID_FIELD', field: 'days', message: expect.stringContaining('at least one day') })]);
    expect(await written()).toEqual(before);
    expect((await t.call('GET', '/api/v1/sites/S/shifts')).body.items).toEqual([]);
  });

  it('refuses a weekday listed twice, naming the repeat, together with every other bad field', async () => {
    const before = await written();
    const r = await t.call('PUT', '/api/v1/sites/S/shifts/EARLY', { body: { start: '06:00', end: '14:00', days: [1, 2, 1], breaks: [{ start: '15:00', end: '15:30' }] }, as: 'engineer' });
    expect(r.status).toBe(400);
    expect(r.body.violations.map((v: { field: string }) => v.field)).toEqual(['days[2]', 'breaks[0]']);
    expect(await written()).toEqual(before);
  });

  it('keeps the weekdays it was given and leaves days out for a shift of every day', async () => {
    const weekdays = await t.call('PUT', '/api/v1/sites/S/shifts/EARLY', { body: { start: '06:00', end: '14:00', days: [1, 2, 3, 4, 5], breaks: [] }, as: 'engineer' });
    expect(weekdays.status, JSON.stringify(weekdays.body)).toBe(200);
    const daily = await t.call('PUT', '/api/v1/sites/S/shifts/LATE', { body: { start: '14:00', end: '22:00', breaks: [] }, as: 'engineer' });
    expect(daily.status, JSON.stringify(daily.body)).toBe(200);
    const items = (await t.call('GET', '/api/v1/sites/S/shifts')).body.items;
    expect(items).toEqual([
      expect.objectContaining({ code: 'EARLY', days: [1, 2, 3, 4, 5] }),
      expect.not.objectContaining({ days: expect.anything() }),
    ]);
  });
});
