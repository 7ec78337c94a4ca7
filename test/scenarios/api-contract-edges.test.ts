import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../support/stores.js';
import { startTestTakt, type TestTakt } from '../support/takt.js';
import { buildPlant, receive, releasedOrder } from '../support/plant.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The edges of the API contract (API.md) that clients meet first: what a replay, an empty body, a lower-case scheme or
 * an unknown work center answer, and that times are ISO-8601 everywhere, journal data included.
 */
describeStores('the API contract at its edges', (dialect) => {
  let t: TestTakt;
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
    await receive(t, 'EDGE-SUB', 'SUB', 100);
  });
  afterAll(() => t.close());

  it('answers a replay with the same Idempotency-Key and body exactly as the first request was answered', async () => {
    const headers = { 'idempotency-key': 'edge-wo-1' };
    const body = { id: 'EDGE-WO-1', materialId: 'FIN', quantity: 5, dueAt: '2026-12-24T10:00:00Z' };
    const first = await t.call('POST', '/api/v1/work-orders', { body, headers, as: 'supervisor' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ id: 'EDGE-WO-1', status: 'created', dueAt: '2026-12-24T10:00:00.000Z' });
    const again = await t.call('POST', '/api/v1/work-orders', { body, headers, as: 'supervisor' });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(again.body).toEqual(first.body);

    const release = { 'idempotency-key': 'edge-wo-1-release' };
    const released = await t.call('POST', '/api/v1/work-orders/EDGE-WO-1/release', { body: {}, headers: release, as: 'supervisor' });
    expect(released.body.releasedAt).toMatch(ISO);
    expect((await t.call('POST', '/api/v1/work-orders/EDGE-WO-1/release', { body: {}, headers: release, as: 'supervisor' })).body).toEqual(released.body);
  });

  it('takes an empty body sent as application/json as no body, and refuses text/plain with 415', async () => {
    const ops = await releasedOrder(t, 'EDGE-WO-2', 'SUB', 1);
    const op = ops[10] as string;
    const empty = (url: string) => t.takt.app.inject({
      method: 'POST', url, payload: '', headers: { authorization: `Bearer ${t.tokens.operator}`, 'content-type': 'application/json' },
    });
    expect((await t.call('POST', `/api/v1/operations/${op}/start`, { body: { equipmentId: 'MIX-1' }, as: 'operator' })).status).toBe(200);
    const dry = await empty(`/api/v1/operations/${op}/complete?dryRun=true`);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toHaveProperty('allowed');
    const done = await empty(`/api/v1/operations/${op}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed' });
    const missing = await empty(`/api/v1/operations/${op}/consume`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().violations.map((v: { field: string }) => v.field).sort()).toEqual(['lotId', 'quantity']);

    const plain = await t.takt.app.inject({
      method: 'POST', url: '/api/v1/lots', payload: JSON.stringify({ id: 'EDGE-L', materialId: 'RAW', quantity: 1 }),
      headers: { authorization: `Bearer ${t.tokens.admin}`, 'content-type': 'text/plain' },
    });
    expect(plain.statusCode).toBe(415);
    expect((await t.call('GET', '/api/v1/lots/EDGE-L')).status).toBe(404);
  });

  it('takes the bearer scheme in any case, and names the roles a refused route needs', async () => {
    const lower = await t.takt.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `bearer ${t.tokens.operator}` } });
    expect(lower.statusCode).toBe(200);
    const adminOnly = await t.call('PUT', '/api/v1/compliance/account-policy', { body: { passwordMaxAgeDays: 90 }, as: 'operator' });
    expect(adminOnly.status).toBe(403);
    expect(adminOnly.body.detail).toBe('this needs the role admin');
  });

  it('answers 404 naming an unknown work center or product, and 400 naming the path for a segment over 100 characters', async () => {
    for (const url of ['/api/v1/work-centers/NOPE/dispatch-list', '/api/v1/work-centers/MIX-1/dispatch-list', '/api/v1/products/NOPE/revisions']) {
      const r = await t.call('GET', url);
      expect(r.status, url).toBe(404);
      expect(r.body.violations[0].code).toBe('NOT_FOUND');
    }
    expect((await t.call('GET', '/api/v1/work-centers/WC-MIX/dispatch-list')).status).toBe(200);
    const long = await t.call('GET', `/api/v1/lots/${'x'.repeat(101)}`);
    expect(long.status).toBe(400);
    expect(long.body.violations).toEqual([expect.objectContaining({ code: 'INVALID_FIELD', field: 'path' })]);
    expect((await t.call('GET', `/api/v1/lots/${'x'.repeat(100)}`)).status).toBe(404);
  });

  it('refuses quantities beyond a million million or below a billionth, naming the field, before any sum can overflow', async () => {
    for (const quantity of [1e308, 1e13, 5e-324]) {
      const r = await t.call('POST', '/api/v1/lots', { body: { id: 'EDGE-HUGE', materialId: 'RAW', quantity } });
      expect(r.status, String(quantity)).toBe(400);
      expect(r.body.violations).toEqual([expect.objectContaining({ code: 'INVALID_FIELD', field: 'quantity' })]);
    }
    expect((await t.call('POST', '/api/v1/lots', { body: { id: 'EDGE-BIG', materialId: 'RAW', quantity: 1e12 } })).status).toBe(201);
  });

  it('shows every time as ISO-8601: a person\'s password change, and the times inside journal events', async () => {
    const person = await t.call('GET', '/api/v1/people/t-operator');
    expect(person.body.passwordChangedAt).toMatch(ISO);
    expect((await t.call('GET', '/api/v1/people')).body.items.every((p: { passwordChangedAt: string | null }) => p.passwordChangedAt === null || ISO.test(p.passwordChangedAt))).toBe(true);
    const journal = await t.call('GET', '/api/v1/journal?limit=10000');
    expect(journal.status).toBe(200);
    const events = journal.body.events as { action: string; entityId: string; data: Record<string, unknown> }[];
    const received = events.find((e) => e.action === 'lot.received' && e.entityId === 'EDGE-SUB');
    expect(received?.data.expiresAt).toMatch(ISO);
    const created = events.find((e) => e.action === 'work-order.created' && e.entityId === 'EDGE-WO-1');
    expect(created?.data.dueAt).toBe('2026-12-24T10:00:00.000Z');
    const granted = events.find((e) => e.action === 'qualification.granted');
    expect((granted?.data.changes as { validUntil: { after: unknown } }).validUntil.after).toMatch(ISO);
    const epochLike = JSON.stringify(events.map((e) => e.data)).match(/"\w+(At|Until)":1\d{12}/g);
    expect(epochLike).toBeNull();
  });
});
