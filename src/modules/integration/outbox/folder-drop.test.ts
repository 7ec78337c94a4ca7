import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startIntegrationTakt, type IntegrationTakt } from '../../../../test/support/integration-takt.js';
import { eventually } from '../../../../test/support/webhook-receiver.js';

const root = mkdtempSync(join(tmpdir(), 'takt-folder-drop-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeStores('folder drop', (dialect) => {
  let t: IntegrationTakt & { release(): Promise<void> };
  const base = join(root, dialect, 'outbox');

  beforeAll(async () => {
    mkdirSync(base, { recursive: true });
    t = await startIntegrationTakt(dialect, { schemas: null, folderBase: base, outbox: { pollMs: 30, baseDelayMs: 20, maxAttempts: 2 } });
  });
  afterAll(async () => {
    await t.close();
    await t.release();
  });

  it('writes each message as a whole file named by its message id: a reader polling the folder never sees a part', async () => {
    const sub = await t.call('POST', '/api/v1/integration/subscriptions', { as: 'integration', body: { kind: 'folder', target: 'erp/in', events: ['material.created'] } });
    expect(sub.status, JSON.stringify(sub.body)).toBe(201);
    const folder = join(base, 'erp', 'in');
    const seen = new Map<string, number>();
    let partial = 0;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        if (existsSync(folder)) {
          for (const name of readdirSync(folder)) {
            if (name.startsWith('.')) continue;
            try {
              JSON.parse(readFileSync(join(folder, name), 'utf8'));
              seen.set(name, (seen.get(name) ?? 0) + 1);
            } catch {
              partial += 1;
            }
          }
        }
        await new Promise((r) => setImmediate(r));
      }
    })();
    for (let i = 0; i < 30; i += 1) {
      await t.call('PUT', `/api/v1/materials/FD-${i}`, { body: { name: `${'x'.repeat(190)}${i}`, uom: 'kg', lotControlled: true } });
    }
    await eventually(() => existsSync(folder) && readdirSync(folder).filter((n) => !n.startsWith('.')).length === 30, 'thirty files');
    watching = false;
    await watcher;
    expect(partial).toBe(0);
    const files = readdirSync(folder);
    expect(files.filter((n) => n.startsWith('.'))).toEqual([]);
    for (const name of files) {
      const body = JSON.parse(readFileSync(join(folder, name), 'utf8')) as { messageId: string; action: string };
      expect(name).toBe(`${body.messageId}.json`);
      expect(body.messageId.startsWith(`${sub.body.id}-`)).toBe(true);
    }
    await t.call('DELETE', `/api/v1/integration/subscriptions/${sub.body.id}`, { as: 'integration' });
  });

  it('writes nothing outside the outbox folder, even when its folder is swapped for a link leading out', async () => {
    const outside = join(root, dialect, 'outside');
    mkdirSync(outside, { recursive: true });
    const sub = await t.call('POST', '/api/v1/integration/subscriptions', { as: 'integration', body: { kind: 'folder', target: 'swapped', events: ['material.created'] } });
    expect(sub.status).toBe(201);
    symlinkSync(outside, join(base, 'swapped'));
    await t.call('PUT', '/api/v1/materials/FD-OUT', { body: { name: 'out', uom: 'kg', lotControlled: true } });
    const dead = `/api/v1/integration/deliveries?status=dead&subscriptionId=${sub.body.id}`;
    await eventually(async () => (await t.call('GET', dead, { as: 'integration' })).body.items.length === 1, 'a dead letter');
    expect((await t.call('GET', dead, { as: 'integration' })).body.items[0].lastError).toMatch(/leads outside the outbox folder/);
    expect(readdirSync(outside)).toEqual([]);
  });
});
