import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startIntegrationTakt, type IntegrationTakt } from '../../../../test/support/integration-takt.js';
import { eventually, WebhookReceiver } from '../../../../test/support/webhook-receiver.js';
import { webhookSignature } from './webhook.transport.js';

const OUTBOX = { pollMs: 50, baseDelayMs: 40, maxDelayMs: 200, maxAttempts: 3, timeoutMs: 2000 };

describeStores('webhook delivery', (dialect) => {
  let t: IntegrationTakt & { release(): Promise<void> };
  let receiver: WebhookReceiver;
  let n = 0;

  beforeAll(async () => {
    t = await startIntegrationTakt(dialect, { schemas: null, outbox: OUTBOX });
  });
  afterAll(async () => {
    await t.close();
    await t.release();
  });
  afterEach(async () => {
    // Each test's subscriptions end with it, so that later events do not reach a receiver that is gone.
    for (const s of (await t.call('GET', '/api/v1/integration/subscriptions', { as: 'integration' })).body.items) {
      await t.call('DELETE', `/api/v1/integration/subscriptions/${s.id}`, { as: 'integration' });
    }
    await receiver.stop();
  });

  async function subscribe(events: string[], secret?: string): Promise<{ id: string; secret: string }> {
    const r = await t.call('POST', '/api/v1/integration/subscriptions', { as: 'integration', body: { kind: 'webhook', target: receiver.url, events, ...(secret ? { secret } : {}) } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  }

  const material = async () => {
    const id = `M-${(n += 1)}`;
    expect((await t.call('PUT', `/api/v1/materials/${id}`, { body: { name: id, uom: 'kg', lotControlled: true } })).status).toBe(200);
    return id;
  };

  it('posts each committed event it subscribes to, signed with the secret, with a stable message id in header and body', async () => {
    receiver = await new WebhookReceiver().start();
    const sub = await subscribe(['material.created'], 'the-receivers-shared-secret');
    const ids = [await material(), await material()];
    await t.call('PUT', '/api/v1/sites/S-NOT-WANTED', { body: { name: 'not subscribed' } });
    await eventually(() => receiver.received.length >= 2, 'two webhooks');
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.received).toHaveLength(2);
    for (const [i, r] of receiver.received.entries()) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['x-takt-signature']).toBe(webhookSignature('the-receivers-shared-secret', r.body));
      expect(r.headers['x-takt-event']).toBe('material.created');
      const body = JSON.parse(r.body) as { messageId: string; action: string; entityId: string; seq: number; hash: string };
      expect(body).toMatchObject({ action: 'material.created', entityId: ids[i] });
      expect(r.headers['x-takt-message-id']).toBe(body.messageId);
      expect(body.messageId).toBe(`${sub.id}-${body.seq}`);
    }
    const delivered = (await t.call('GET', `/api/v1/integration/deliveries?subscriptionId=${sub.id}`, { as: 'integration' })).body.items;
    expect(delivered.map((d: { status: string; attempts: number }) => [d.status, d.attempts])).toEqual([['delivered', 1], ['delivered', 1]]);
  });

  it("sends one subscription's messages one after another in journal order, and another subscription's beside them", async () => {
    receiver = await new WebhookReceiver().start();
    const other = await new WebhookReceiver().start();
    try {
      // A slow receiver: sent at the same time, its messages would arrive together and in any order.
      receiver.responder = () => ({ status: 200, delayMs: 120 });
      other.responder = () => ({ status: 200, delayMs: 120 });
      await subscribe(['material.created']);
      const r = await t.call('POST', '/api/v1/integration/subscriptions', { as: 'integration', body: { kind: 'webhook', target: other.url, events: ['material.created'] } });
      expect(r.status).toBe(201);
      const ids: string[] = [];
      for (let i = 0; i < 4; i += 1) ids.push(await material());
      await eventually(() => receiver.received.length >= 4 && other.received.length >= 4, 'four webhooks at each receiver');
      for (const got of [receiver.received, other.received]) {
        const bodies = got.map((x) => JSON.parse(x.body) as { entityId: string; seq: number });
        expect(bodies.map((b) => b.entityId)).toEqual(ids);
        // Each one only after the one before was answered.
        for (let i = 1; i < got.length; i += 1) expect(got[i]!.at - got[i - 1]!.at).toBeGreaterThanOrEqual(110);
      }
      // The two subscriptions' deliveries overlapped: the other receiver had its first before this one had its last.
      expect(other.received[0]!.at).toBeLessThan(receiver.received[3]!.at);
    } finally {
      await other.stop();
    }
  });

  it('retries a failing receiver with growing waits, then keeps the message as a dead letter; redelivery sends it again under the same id', async () => {
    receiver = await new WebhookReceiver().start();
    receiver.responder = () => ({ status: 503 });
    const sub = await subscribe(['material.created']);
    await material();
    const deadOf = `/api/v1/integration/deliveries?status=dead&subscriptionId=${sub.id}`;
    await eventually(async () => (await t.call('GET', deadOf, { as: 'integration' })).body.items.length === 1, 'a dead letter');
    expect(receiver.received).toHaveLength(3);
    const gaps = receiver.received.slice(1).map((r, i) => r.at - (receiver.received[i]?.at ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(35);
    expect(gaps[1]).toBeGreaterThanOrEqual(75);
    expect(new Set(receiver.messageIds()).size).toBe(1);
    const [dead] = (await t.call('GET', deadOf, { as: 'integration' })).body.items;
    expect(dead).toMatchObject({ subscriptionId: sub.id, status: 'dead', attempts: 3, lastError: 'HTTP 503 from ' + new URL(receiver.url).host });
    expect((await t.call('GET', `/api/v1/integration/subscriptions/${sub.id}`, { as: 'integration' })).body.deliveries).toEqual({ dead: 1 });

    receiver.responder = () => ({ status: 204 });
    const again = await t.call('POST', `/api/v1/integration/deliveries/${dead.id}/redeliver`, { as: 'integration', body: { reason: 'ERP back up' } });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ status: 'pending', attempts: 0 });
    await eventually(async () => (await t.call('GET', `/api/v1/integration/deliveries/${dead.id}`, { as: 'integration' })).body.status === 'delivered', 'the redelivery');
    expect(receiver.received).toHaveLength(4);
    expect(receiver.messageIds()).toEqual([dead.id]);
    expect(receiver.received[3]?.body).toBe(receiver.received[0]?.body);
    const journal = await t.call('GET', `/api/v1/journal?entity=delivery&entityId=${dead.id}`);
    expect(journal.body.events[0]).toMatchObject({ action: 'delivery.redelivered', reason: 'ERP back up' });
    expect((await t.call('POST', `/api/v1/integration/deliveries/${dead.id}/redeliver`, { as: 'integration', body: {} })).status).toBe(200);
    await eventually(() => receiver.received.length === 5, 'a delivered message sent again on request');
  });

  it('treats a redirect and a timeout as failed attempts', async () => {
    receiver = await new WebhookReceiver().start();
    receiver.responder = (_r, i) => (i === 0 ? { status: 302 } : { status: 200, delayMs: i === 1 ? 3000 : 0 });
    const sub = await subscribe(['material.created']);
    await material();
    await eventually(() => receiver.received.length >= 3, 'three attempts', 20_000);
    const [d] = (await t.call('GET', `/api/v1/integration/deliveries?subscriptionId=${sub.id}`, { as: 'integration' })).body.items;
    await eventually(async () => (await t.call('GET', `/api/v1/integration/deliveries/${d.id}`, { as: 'integration' })).body.status === 'delivered', 'delivered at the third attempt');
    expect((await t.call('GET', `/api/v1/integration/deliveries/${d.id}`, { as: 'integration' })).body.attempts).toBe(3);
  });

  it('cancels what a deleted subscription still owed', async () => {
    receiver = await new WebhookReceiver().start();
    receiver.responder = () => ({ status: 500 });
    const sub = await subscribe(['material.created']);
    await material();
    await eventually(() => receiver.received.length >= 1, 'a first attempt');
    const r = await t.call('DELETE', `/api/v1/integration/subscriptions/${sub.id}`, { as: 'integration' });
    expect(r.body.cancelledDeliveries).toBe(1);
    const count = receiver.received.length;
    await new Promise((res) => setTimeout(res, 300));
    expect(receiver.received.length).toBe(count);
  });
});

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of the exact body with the secret', () => {
    // RFC 4231 test case 2
    expect(webhookSignature('Jefe', 'what do ya want for nothing?')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});
