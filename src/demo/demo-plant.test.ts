import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../test/support/takt.js';
import { loadDemoPlant } from './demo-plant.js';

describeStores('the demo plant', (dialect) => {
  let t: TestTakt;
  let users: Awaited<ReturnType<typeof loadDemoPlant>>['users'];
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    users = (await loadDemoPlant(t.takt)).users;
  });
  afterAll(() => t.close());

  it('creates a believable plant: a site, two areas, six work centers, twelve materials, three approved products', async () => {
    expect((await t.call('GET', '/api/v1/areas')).body.items).toHaveLength(2);
    expect((await t.call('GET', '/api/v1/work-centers')).body.items).toHaveLength(6);
    expect((await t.call('GET', '/api/v1/materials')).body.items.length).toBeGreaterThanOrEqual(12);
    for (const p of ['BLEND-PARA', 'TAB-PARA-500', 'FG-PARA-20']) {
      expect((await t.call('GET', `/api/v1/products/${p}/revisions/1`)).body.status).toBe('approved');
    }
  });

  it('gives the plant a downtime reason tree and a three-shift calendar with breaks, for machines to report against', async () => {
    const reasons = (await t.call('GET', '/api/v1/downtime-reasons')).body.items.map((r: { code: string }) => r.code);
    expect(reasons).toEqual(expect.arrayContaining(['MECH', 'JAM', 'STARVED', 'BREAK', 'CHANGEOVER']));
    const shifts = (await t.call('GET', '/api/v1/sites/WERK-NORD/shifts')).body.items;
    expect(shifts.map((s: { code: string; breaks: unknown[] }) => [s.code, s.breaks.length]).sort()).toEqual([['EARLY', 1], ['LATE', 1], ['NIGHT', 1]]);
  });

  it('gives every role a user who can sign in, and one operator an expired qualification', async () => {
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(['engineer', 'supervisor', 'operator', 'quality', 'integration']));
    for (const u of users) {
      const r = await t.call('POST', '/api/v1/auth/login', { body: { username: u.username, password: u.password }, token: null });
      expect(r.status, u.username).toBe(200);
    }
    const omar = await t.call('GET', '/api/v1/people/omar.operator');
    expect(omar.body.qualifications.find((q: { code: string }) => q.code === 'PRESS-OP').expired).toBe(true);
  });

  it('puts released orders on the dispatch lists and keeps the journal chain intact; a second load changes nothing', async () => {
    const list = await t.call('GET', '/api/v1/work-centers/WC-GRAN/dispatch-list');
    expect(list.body.items[0]).toMatchObject({ workOrderId: 'WO-1001', startable: true });
    const before = (await t.call('GET', '/api/v1/journal/verify')).body;
    expect(before.ok).toBe(true);
    expect((await loadDemoPlant(t.takt)).users).toEqual([]);
    expect((await t.call('GET', '/api/v1/journal/verify')).body.events).toBe(before.events);
  });
});
