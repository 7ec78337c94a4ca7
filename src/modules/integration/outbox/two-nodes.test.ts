import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StoreConfig } from '../../../platform/store/database.js';
import { openIntegrationTakt, type IntegrationTakt } from '../../../../test/support/integration-takt.js';
import { describeStores, freshStore } from '../../../../test/support/stores.js';
import { eventually, WebhookReceiver } from '../../../../test/support/webhook-receiver.js';

const dir = mkdtempSync(join(tmpdir(), 'takt-two-nodes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OUTBOX = { pollMs: 30, baseDelayMs: 20, maxAttempts: 5, timeoutMs: 2000, concurrency: 4 };

describeStores('two Takt nodes on one store', (dialect) => {
  let a: IntegrationTakt;
  let b: IntegrationTakt;
  let release: () => Promise<void> = async () => undefined;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    let config: StoreConfig;
    if (dialect === 'sqlite') config = { dialect: 'sqlite', file: join(dir, 'shared.db') };
    else ({ config, release } = await freshStore('postgres'));
    a = await openIntegrationTakt(config, { schemas: null, outbox: OUTBOX });
    b = await openIntegrationTakt(config, { schemas: null, outbox: OUTBOX });
    await receiver.start();
    // Slow answers keep attempts in flight while the other node's dispatcher looks for work.
    receiver.responder = () => ({ status: 200, delayMs: 40 });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await receiver.stop();
    await release();
  });

  it('deliver each message once between them, including events committed on the other node', async () => {
    const sub = await a.call('POST', '/api/v1/integration/subscriptions', { as: 'integration', body: { kind: 'webhook', target: receiver.url, events: ['material.created'] } });
    expect(sub.status).toBe(201);
    const writes = [];
    for (let i = 0; i < 40; i += 1) {
      const node = i % 2 === 0 ? a : b;
      writes.push(node.call('PUT', `/api/v1/materials/TWO-${i}`, { body: { name: `m${i}`, uom: 'kg', lotControlled: true } }));
    }
    expect((await Promise.all(writes)).map((r) => r.status)).toEqual(Array(40).fill(200));
    await eventually(() => receiver.messageIds().length === 40, 'forty messages', 30_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received).toHaveLength(40);
    const entityIds = receiver.received.map((r) => (JSON.parse(r.body) as { entityId: string }).entityId).sort();
    expect(entityIds).toEqual(Array.from({ length: 40 }, (_, i) => `TWO-${i}`).sort());
    const items = (await b.call('GET', `/api/v1/integration/deliveries?subscriptionId=${sub.body.id}&limit=100`, { as: 'integration' })).body.items;
    expect(items.map((d: { status: string; attempts: number }) => `${d.status}/${d.attempts}`)).toEqual(Array(40).fill('delivered/1'));
  });
});
