import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NASTY_STRINGS } from '../fuzz/support/json-schema.arbitrary.js';
import { startIntegrationTakt, type IntegrationTakt } from '../support/integration-takt.js';
import { describeStores } from '../support/stores.js';

const INJECTIONS = NASTY_STRINGS.filter((s) => s.trim() !== '');

/**
 * SQL injection text in the free-text fields is data: stored and answered back exactly as sent, on both stores, and
 * the tables it names are still there. Path traversal in folder-drop targets is refused by field.
 */
describeStores('injection and traversal', (dialect) => {
  let t: IntegrationTakt & { release(): Promise<void> };
  // The outbox folder inside a folder of its own: nothing but the outbox may appear beside it.
  const parent = mkdtempSync(join(tmpdir(), 'takt-outbox-'));
  const outbox = join(parent, 'outbox');
  mkdirSync(outbox);

  beforeAll(async () => {
    t = await startIntegrationTakt(dialect, { schemas: null, folderBase: outbox, mqttUrl: null, outbox: { pollMs: 60_000 } });
    await t.call('PUT', '/api/v1/sites/S', { body: { name: 'Site' } });
    await t.call('PUT', '/api/v1/materials/RAW', { body: { name: 'Raw', uom: 'kg', lotControlled: true } });
  });
  afterAll(async () => {
    await t.close();
    await t.release();
    rmSync(parent, { recursive: true, force: true });
  });

  it('stores SQL injection strings literally in every free-text field and answers them back unchanged', async () => {
    for (const [i, text] of INJECTIONS.entries()) {
      const name = text.slice(0, 200);
      expect((await t.call('PUT', `/api/v1/areas/AR-${i}`, { body: { name, parentId: 'S' } })).status, text).toBe(200);
      expect((await t.call('GET', `/api/v1/areas/AR-${i}`)).body.name, text).toBe(name);
      expect((await t.call('PUT', `/api/v1/materials/M-${i}`, { body: { name, uom: 'kg', lotControlled: true } })).status, text).toBe(200);
      expect((await t.call('GET', `/api/v1/materials/M-${i}`)).body.name, text).toBe(name);
      const lot = await t.call('POST', '/api/v1/lots', { body: { id: `L-${i}`, materialId: 'RAW', quantity: 5, supplierLot: text.slice(0, 100), status: 'released' } });
      expect(lot.status, `${text}: ${JSON.stringify(lot.body)}`).toBe(201);
      expect((await t.call('GET', `/api/v1/lots/L-${i}`)).body.supplierLot, text).toBe(text.slice(0, 100));
      expect((await t.call('POST', `/api/v1/lots/L-${i}/hold`, { body: { reason: text.slice(0, 200) } })).status, text).toBe(200);
    }
    const held = await t.call('GET', `/api/v1/journal?limit=1000`);
    const reasons = (held.body.events as { action: string; reason?: string }[]).filter((e) => e.action === 'lot.held').map((e) => e.reason);
    expect(reasons).toEqual(INJECTIONS.map((s) => s.slice(0, 200)));
    // The tables the strings name are all still there with every row.
    expect((await t.call('GET', '/api/v1/lots?limit=5000')).body.items).toHaveLength(INJECTIONS.length);
    expect((await t.call('GET', '/api/v1/journal/verify')).body).toMatchObject({ ok: true });
  });

  it('refuses folder-drop targets outside the outbox folder, however spelled, by field', async () => {
    for (const target of ['../outside', '../../etc', '/etc', 'a/../../b', '..', `${outbox}/../x`, '..\\..\\windows', 'ok/../../..']) {
      const r = await t.call('POST', '/api/v1/integration/subscriptions', { body: { kind: 'folder', target, events: ['*'] } });
      if (r.status === 201 || r.status === 200) {
        // A backslash is an ordinary character on POSIX: the folder is created inside the outbox, never outside.
        expect(r.body.target.startsWith(outbox), target).toBe(true);
        continue;
      }
      expect(r.status, target).toBe(400);
      expect(r.body.violations[0].field, target).toBe('target');
    }
    expect(readdirSync(parent)).toEqual(['outbox']);
  });
});
