import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';

describeStores('equipment hierarchy', (dialect) => {
  let t: TestTakt;
  beforeAll(async () => {
    t = await startTestTakt(dialect);
  });
  afterAll(() => t.close());

  it('builds site → area → work center → equipment and reads it back', async () => {
    expect((await t.call('PUT', '/api/v1/sites/S1', { body: { name: 'Plant', timeZone: 'Europe/Berlin' } })).status).toBe(200);
    expect((await t.call('PUT', '/api/v1/areas/A1', { body: { name: 'Assembly', parentId: 'S1' } })).status).toBe(200);
    expect((await t.call('PUT', '/api/v1/work-centers/WC1', { body: { name: 'Line 1', parentId: 'A1' } })).status).toBe(200);
    const eq = await t.call('PUT', '/api/v1/equipment/EQ1', { body: { name: 'Press', parentId: 'WC1', idealCycleTimeSec: 2.5 } });
    expect(eq.status).toBe(200);
    expect(eq.body).toMatchObject({ id: 'EQ1', level: 'equipment', workCenterId: 'WC1', siteId: 'S1', idealCycleTimeSec: 2.5 });
    const read = await t.call('GET', '/api/v1/equipment/EQ1', { as: 'operator' });
    expect(read.body.workCenterId).toBe('WC1');
  });

  it('takes the nodes under a moved node along: their site, and a unit\'s work center, each change journaled', async () => {
    const put = (path: string, body: unknown) => t.call('PUT', `/api/v1/${path}`, { body });
    await put('sites/MV-S1', { name: 'Plant 1' });
    await put('sites/MV-S2', { name: 'Plant 2', timeZone: 'America/Chicago' });
    await put('areas/MV-A', { name: 'Area', parentId: 'MV-S1' });
    await put('work-centers/MV-WC1', { name: 'Line 1', parentId: 'MV-A' });
    await put('work-centers/MV-WC2', { name: 'Line 2', parentId: 'MV-A' });
    await put('equipment/MV-M', { name: 'Machine', parentId: 'MV-WC1' });
    await put('equipment/MV-M-HEAD', { name: 'Its head', parentId: 'MV-M' });
    const read = async (path: string) => (await t.call('GET', `/api/v1/${path}`)).body as { siteId: string; workCenterId: string };

    expect((await put('equipment/MV-M', { name: 'Machine', parentId: 'MV-WC2' })).status).toBe(200);
    expect(await read('equipment/MV-M-HEAD')).toMatchObject({ workCenterId: 'MV-WC2', siteId: 'MV-S1' });

    expect((await put('areas/MV-A', { name: 'Area', parentId: 'MV-S2' })).status).toBe(200);
    expect(await read('work-centers/MV-WC1')).toMatchObject({ siteId: 'MV-S2', workCenterId: 'MV-WC1' });
    expect(await read('equipment/MV-M')).toMatchObject({ siteId: 'MV-S2', workCenterId: 'MV-WC2' });
    expect(await read('equipment/MV-M-HEAD')).toMatchObject({ siteId: 'MV-S2', workCenterId: 'MV-WC2' });

    const events = (await t.call('GET', '/api/v1/journal?limit=5000')).body.events as { action: string; entityId: string; data: { movedWith?: string } }[];
    expect(events.filter((e) => e.data.movedWith === 'MV-A').map((e) => e.entityId).sort()).toEqual(['MV-M', 'MV-M-HEAD', 'MV-WC1', 'MV-WC2']);
    expect(events.find((e) => e.data.movedWith === 'MV-M')).toMatchObject({ action: 'equipment.updated', entityId: 'MV-M-HEAD' });
  });

  it('names workCenterId when equipment placed by it alone is misplaced, and keeps a time zone by its canonical name', async () => {
    const unknown = await t.call('PUT', '/api/v1/equipment/EQ-WC', { body: { name: 'x', workCenterId: 'NOWC' } });
    expect(unknown.body.violations).toEqual([expect.objectContaining({ code: 'INVALID_FIELD', field: 'workCenterId', message: "work center 'NOWC' does not exist" })]);
    const area = await t.call('PUT', '/api/v1/equipment/EQ-WC', { body: { name: 'x', workCenterId: 'A1' } });
    expect(area.body.violations).toEqual([expect.objectContaining({ field: 'workCenterId', message: "'A1' is an area; equipment belongs to a work center or equipment" })]);
    const site = await t.call('PUT', '/api/v1/sites/S-TZ', { body: { name: 'Lower case zone', timeZone: 'europe/berlin' } });
    expect(site.body.timeZone).toBe('Europe/Berlin');
  });

  it('refuses an unknown parent naming the field, and writes nothing', async () => {
    const before = await t.call('GET', '/api/v1/journal?limit=5000');
    const r = await t.call('PUT', '/api/v1/work-centers/WC9', { body: { name: 'Ghost', parentId: 'NOPE' } });
    expect(r.status).toBe(400);
    expect(r.body.violations).toEqual([expect.objectContaining({ code: 'INVALID_FIELD', field: 'parentId' })]);
    expect((await t.call('GET', '/api/v1/work-centers/WC9')).status).toBe(404);
    const after = await t.call('GET', '/api/v1/journal?limit=5000');
    expect(after.body.events.length).toBe(before.body.events.length);
  });

  it('refuses a parent of the wrong level and a cycle among equipment', async () => {
    const wrong = await t.call('PUT', '/api/v1/areas/A2', { body: { name: 'x', parentId: 'A1' } });
    expect(wrong.status).toBe(400);
    await t.call('PUT', '/api/v1/equipment/EQ2', { body: { name: 'Unit', parentId: 'EQ1' } });
    const cycle = await t.call('PUT', '/api/v1/equipment/EQ1', { body: { name: 'Press', parentId: 'EQ2' } });
    expect(cycle.status).toBe(400);
    expect(cycle.body.violations[0]).toMatchObject({ field: 'parentId', details: { reason: 'REFERENCE_CYCLE' } });
  });

  it('names unknown fields, over-long strings and malformed JSON', async () => {
    const unknown = await t.call('PUT', '/api/v1/sites/S2', { body: { name: 'x', colour: 'red' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.violations[0]).toMatchObject({ code: 'INVALID_FIELD', field: 'colour' });
    const long = await t.call('PUT', '/api/v1/sites/S2', { body: { name: 'x'.repeat(201) } });
    expect(long.body.violations[0]).toMatchObject({ code: 'INVALID_FIELD', field: 'name' });
    const bad = await t.call('PUT', '/api/v1/sites/S2', { body: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const tz = await t.call('PUT', '/api/v1/sites/S2', { body: { name: 'x', timeZone: 'Mars/Olympus' } });
    expect(tz.body.violations[0]).toMatchObject({ field: 'timeZone' });
  });

  it('refuses a NUL character in any string, naming the field (PostgreSQL text cannot hold it)', async () => {
    const r = await t.call('PUT', '/api/v1/sites/S5', { body: { name: 'bad\u0000name' } });
    expect(r.status).toBe(400);
    expect(r.body.violations).toEqual([expect.objectContaining({ code: 'INVALID_FIELD', field: 'name' })]);
    expect((await t.call('GET', '/api/v1/sites/S5')).status).toBe(404);
  });

  it('answers a dry run without writing', async () => {
    const r = await t.call('PUT', '/api/v1/sites/S3?dryRun=true', { body: { name: 'Dry' } });
    expect(r.body).toEqual({ allowed: true, violations: [] });
    expect((await t.call('GET', '/api/v1/sites/S3')).status).toBe(404);
  });

  it('returns the first answer again for the same Idempotency-Key and body', async () => {
    const headers = { 'idempotency-key': 'k-1' };
    const first = await t.call('PUT', '/api/v1/sites/S4', { body: { name: 'Once' }, headers });
    const journal1 = await t.call('GET', '/api/v1/journal?limit=5000');
    const second = await t.call('PUT', '/api/v1/sites/S4', { body: { name: 'Once' }, headers });
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replay']).toBe('true');
    expect((await t.call('GET', '/api/v1/journal?limit=5000')).body.events.length).toBe(journal1.body.events.length);
    const other = await t.call('PUT', '/api/v1/sites/S4', { body: { name: 'Twice' }, headers });
    expect(other.status).toBe(422);
  });
});
