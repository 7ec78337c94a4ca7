import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { materialsMessage } from '../../src/modules/integration/inbound/b2mml-message.test-messages.js';
import { importB2mmlFile } from '../../src/modules/integration/index.js';
import type { StoreConfig } from '../../src/platform/store/database.js';
import { openIntegrationTakt, type IntegrationTakt } from '../support/integration-takt.js';
import { describeStores, freshStore } from '../support/stores.js';
import { eventually, WebhookReceiver } from '../support/webhook-receiver.js';

const dir = mkdtempSync(join(tmpdir(), 'takt-outbox-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OPTIONS = { schemas: null, outbox: { pollMs: 30, baseDelayMs: 30, maxDelayMs: 100, maxAttempts: 1000, timeoutMs: 5000 } };

/** What a receiver that makes the effect once does: it counts each message id once, however often it arrives. */
function effects(receiver: WebhookReceiver): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of receiver.received) out.set(String(r.headers['x-takt-message-id']), (out.get(String(r.headers['x-takt-message-id'])) ?? 0) + 1);
  return out;
}

describeStores('the outbox across a restart', (dialect) => {
  let config: StoreConfig;
  let release: () => Promise<void> = async () => undefined;
  let t: IntegrationTakt;
  const receiver = new WebhookReceiver();
  const deliveries = async (subscriptionId: string) =>
    (await t.call('GET', `/api/v1/integration/deliveries?subscriptionId=${subscriptionId}&limit=100`, { as: 'integration' })).body.items as { id: string; status: string; attempts: number }[];

  beforeAll(async () => {
    if (dialect === 'sqlite') config = { dialect: 'sqlite', file: join(dir, `${dialect}.db`) };
    else ({ config, release } = await freshStore('postgres'));
    await receiver.start();
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
    await release();
  });

  it('loses nothing when Takt stops while the receiver is down, nor what is committed while it is stopped: after the restart each message arrives, once per id', async () => {
    t = await openIntegrationTakt(config, OPTIONS);
    const sub = (await t.call('POST', '/api/v1/integration/subscriptions', { as: 'integration', body: { kind: 'webhook', target: receiver.url, events: ['material.created'] } })).body;
    await receiver.stop();
    for (let i = 0; i < 5; i += 1) await t.call('PUT', `/api/v1/materials/RS-${i}`, { body: { name: `m${i}`, uom: 'kg', lotControlled: true } });
    await eventually(async () => (await deliveries(sub.id)).filter((d) => d.attempts >= 2).length === 5, 'five failed attempts each');
    expect((await deliveries(sub.id)).map((d) => d.status)).toEqual(Array(5).fill('pending'));
    await t.close();
    // Committed while no dispatcher runs (an import from the command line): the journal holds it for the next start.
    const file = join(dir, `${dialect}-materials.xml`);
    writeFileSync(file, materialsMessage(`RS-BOD-${dialect}`, [{ id: 'RS-OFFLINE', name: 'imported offline', uom: 'kg' }]));
    expect((await importB2mmlFile(config, file, { schemas: null })).exitCode).toBe(0);

    await receiver.start();
    t = await openIntegrationTakt(config, OPTIONS);
    await eventually(() => effects(receiver).size === 6, 'six messages after the restart');
    await new Promise((r) => setTimeout(r, 300));
    const ids = (await deliveries(sub.id)).map((d) => d.id).sort();
    expect([...effects(receiver).keys()].sort()).toEqual(ids);
    expect([...effects(receiver).values()]).toEqual(Array(6).fill(1));
    expect((await deliveries(sub.id)).map((d) => d.status)).toEqual(Array(6).fill('delivered'));
    expect(receiver.received.map((r) => (JSON.parse(r.body) as { entityId: string }).entityId)).toContain('RS-OFFLINE');
    await t.call('DELETE', `/api/v1/integration/subscriptions/${sub.id}`, { as: 'integration' });
  });

  it('sends a message again after a stop cut its attempt short, under the same id, so the receiver takes it once', async () => {
    receiver.received.length = 0;
    // The receiver takes the request but answers only after Takt has stopped waiting.
    receiver.responder = (_r, i) => ({ status: 200, delayMs: i === 0 ? 2000 : 0 });
    const sub = (await t.call('POST', '/api/v1/integration/subscriptions', { as: 'integration', body: { kind: 'webhook', target: receiver.url, events: ['material.created'] } })).body;
    await t.call('PUT', '/api/v1/materials/RS-INFLIGHT', { body: { name: 'in flight', uom: 'kg', lotControlled: true } });
    await eventually(() => receiver.received.length === 1, 'the first attempt to arrive');
    await t.close();

    t = await openIntegrationTakt(config, OPTIONS);
    await eventually(async () => (await deliveries(sub.id))[0]?.status === 'delivered', 'the message delivered after the restart');
    const [d] = await deliveries(sub.id);
    expect(d?.attempts).toBe(1);
    expect(receiver.received.length).toBe(2);
    expect([...effects(receiver).entries()]).toEqual([[d?.id, 2]]);
    expect(receiver.received[1]?.body).toBe(receiver.received[0]?.body);
  });
});
