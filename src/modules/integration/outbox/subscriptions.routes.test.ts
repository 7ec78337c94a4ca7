import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startIntegrationTakt, type IntegrationTakt } from '../../../../test/support/integration-takt.js';

const base = mkdtempSync(join(tmpdir(), 'takt-subscriptions-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describeStores('/integration/subscriptions', (dialect) => {
  let t: IntegrationTakt & { release(): Promise<void> };
  const subscribe = (body: Record<string, unknown>, as: 'integration' | 'supervisor' = 'integration') =>
    t.call('POST', '/api/v1/integration/subscriptions', { as, body });

  beforeAll(async () => {
    t = await startIntegrationTakt(dialect, { schemas: null, folderBase: base, mqttUrl: null, outbox: { pollMs: 60_000 } });
  });
  afterAll(async () => {
    await t.close();
    await t.release();
  });

  it('creates a webhook subscription, answering its generated secret once and never again', async () => {
    const r = await subscribe({ kind: 'webhook', target: 'https://erp.example.com/takt', events: ['work-order.completed', 'lot.produced'] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ id: expect.stringMatching(/^sub-[0-9a-f]{12}$/), kind: 'webhook', format: 'json', signed: true, secret: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const listed = (await t.call('GET', '/api/v1/integration/subscriptions', { as: 'integration' })).body.items;
    expect(listed).toEqual([expect.objectContaining({ id: r.body.id, events: ['work-order.completed', 'lot.produced'] })]);
    expect(JSON.stringify(listed)).not.toContain(r.body.secret);
    const one = await t.call('GET', `/api/v1/integration/subscriptions/${r.body.id}`, { as: 'integration' });
    expect(one.body).toMatchObject({ id: r.body.id, deliveries: {} });
    expect(one.body.secret).toBeUndefined();
    const journal = await t.call('GET', `/api/v1/journal?entity=subscription&entityId=${r.body.id}`);
    expect(journal.body.events[0]).toMatchObject({ action: 'subscription.created', data: { kind: 'webhook', signed: true } });
    expect(JSON.stringify(journal.body)).not.toContain(r.body.secret);
  });

  it('keeps a secret given, and takes folder and mqtt targets', async () => {
    expect((await subscribe({ kind: 'webhook', target: 'http://127.0.0.1:9/x', events: ['*'], secret: 'a-shared-secret-of-some-length' })).body.secret).toBe('a-shared-secret-of-some-length');
    const folder = await subscribe({ kind: 'folder', target: 'erp/outbound', events: ['work-order.completed'], format: 'b2mml-v0600' });
    expect(folder.status).toBe(201);
    expect(folder.body).toMatchObject({ target: join(base, 'erp', 'outbound'), format: 'b2mml-v0600', signed: false, secret: null });
    const mqtt = await subscribe({ kind: 'mqtt', target: 'mqtt://user:pw@broker.local:1883/plant/takt', events: ['*'] });
    expect(mqtt.body.target).toBe('mqtt://user:***@broker.local:1883/plant/takt');
  });

  describe('refuses, naming the field (400)', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['a webhook target that is no http(s) URL', { kind: 'webhook', target: 'file:///etc/passwd', events: ['*'] }, 'target'],
      ['a folder outside the outbox folder', { kind: 'folder', target: '../../etc', events: ['*'] }, 'target'],
      ['an absolute folder elsewhere', { kind: 'folder', target: '/tmp', events: ['*'] }, 'target'],
      ['a bare MQTT topic without a broker configured', { kind: 'mqtt', target: 'plant/events', events: ['*'] }, 'target'],
      ['an MQTT topic with wildcards', { kind: 'mqtt', target: 'mqtt://b:1883/plant/+', events: ['*'] }, 'target'],
      ['a secret for a folder', { kind: 'folder', target: 'x', events: ['*'], secret: 'sixteen-chars-or-more' }, 'secret'],
      ['a B2MML format for other events', { kind: 'folder', target: 'x', events: ['lot.consumed'], format: 'b2mml-v0701' }, 'events'],
      ['an event type that is none', { kind: 'webhook', target: 'https://e.x/h', events: ['DROP TABLE'] }, 'events[0]'],
      ['no events', { kind: 'webhook', target: 'https://e.x/h', events: [] }, 'events'],
      ['an unknown format', { kind: 'webhook', target: 'https://e.x/h', events: ['*'], format: 'csv' }, 'format'],
      ['a webhook to the cloud metadata address', { kind: 'webhook', target: 'http://169.254.169.254/latest/meta-data/', events: ['*'] }, 'target'],
    ];
    it.each(cases)('%s', async (_what, body, field) => {
      const r = await subscribe(body);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.violations).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'INVALID_FIELD', field })]));
    });
  });

  it('lets only the integration role (and admin) manage subscriptions', async () => {
    expect((await subscribe({ kind: 'webhook', target: 'https://e.x/h', events: ['*'] }, 'supervisor')).status).toBe(403);
    expect((await t.call('GET', '/api/v1/integration/deliveries', { as: 'operator' })).status).toBe(403);
  });

  it('deletes a subscription: gone from the list, 404 the second time', async () => {
    const created = (await subscribe({ kind: 'webhook', target: 'https://e.x/gone', events: ['*'] })).body;
    const deleted = await t.call('DELETE', `/api/v1/integration/subscriptions/${created.id}`, { as: 'integration' });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: created.id, deletedAt: expect.any(String) });
    const ids = (await t.call('GET', '/api/v1/integration/subscriptions', { as: 'integration' })).body.items.map((s: { id: string }) => s.id);
    expect(ids).not.toContain(created.id);
    expect((await t.call('DELETE', `/api/v1/integration/subscriptions/${created.id}`, { as: 'integration' })).status).toBe(404);
  });

  it('answers 404 for a delivery that does not exist, to reading it and to redelivering it', async () => {
    expect((await t.call('GET', '/api/v1/integration/deliveries/sub-000000000000-1', { as: 'integration' })).status).toBe(404);
    expect((await t.call('POST', '/api/v1/integration/deliveries/sub-000000000000-1/redeliver', { as: 'integration', body: {} })).status).toBe(404);
  });
});

describeStores('/integration/subscriptions with a webhook allow-list', (dialect) => {
  let t: IntegrationTakt & { release(): Promise<void> };
  beforeAll(async () => {
    t = await startIntegrationTakt(dialect, { schemas: null, folderBase: null, mqttUrl: null, webhookHosts: ['erp.example.com', '*.plant.example'], outbox: { pollMs: 60_000 } });
  });
  afterAll(async () => {
    await t.close();
    await t.release();
  });

  it('takes a listed host and refuses any other with 400 on target, writing nothing', async () => {
    const subscribe = (target: string) => t.call('POST', '/api/v1/integration/subscriptions', { as: 'integration', body: { kind: 'webhook', target, events: ['*'] } });
    expect((await subscribe('https://erp.example.com/takt')).status).toBe(201);
    expect((await subscribe('https://mes.plant.example/takt')).status).toBe(201);
    const refused = await subscribe('http://127.0.0.1:5432/');
    expect(refused.status).toBe(400);
    expect(refused.body.violations).toEqual([expect.objectContaining({ code: 'INVALID_FIELD', field: 'target', message: expect.stringContaining('allow-list') })]);
    expect((await t.call('GET', '/api/v1/integration/subscriptions', { as: 'integration' })).body.items).toHaveLength(2);
  });
});
