import { beforeAll, expect, it } from 'vitest';
import type { Store } from '../../../platform/store/database.js';
import { describeStores, useMigratedStore } from '../../../../test/support/stores.js';
import { claimDelivery, dueDeliveries, insertDeliveries, nextDueAt, recordAttempt, releaseLease } from './delivery.repository.js';
import { advanceSubscription, insertSubscription } from './subscription.repository.js';
import { messageIdOf, type Delivery } from './subscription.types.js';

describeStores('delivery claims', (dialect) => {
  const migrated = useMigratedStore(dialect);
  let store: Store;

  beforeAll(async () => {
    store = migrated();
    await insertSubscription(store.db, { id: 'sub-a', kind: 'webhook', target: 'http://x/', events: ['*'], format: 'json', secret: null, lastSeq: 0, createdAt: 0, createdBy: 't', deletedAt: null });
    const d = (seq: number): Delivery => ({
      id: messageIdOf('sub-a', seq), subscriptionId: 'sub-a', seq, eventType: 'e.happened', entityId: 'x', contentType: 'application/json', payload: '{}',
      status: 'pending', attempts: 0, nextAttemptAt: 100, leaseOwner: null, leaseUntil: null, lastError: null, createdAt: 0, updatedAt: 0, deliveredAt: null,
    });
    await insertDeliveries(store.db, [d(1), d(2)]);
    await insertDeliveries(store.db, [d(2), d(3)]);
  });

  it('keeps one delivery per subscription and event, however often it is written', async () => {
    expect((await dueDeliveries(store.db, 1000, 10)).map((d) => d.id)).toEqual(['sub-a-1', 'sub-a-2', 'sub-a-3']);
  });

  it('lets one of two dispatchers claim a delivery, and another only once the lease ran out', async () => {
    const claims = await Promise.all([claimDelivery(store.db, 'sub-a-1', 'node-1', 1000, 2000), claimDelivery(store.db, 'sub-a-1', 'node-2', 1000, 2000)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const holder = claims[0] ? 'node-1' : 'node-2';
    const other = holder === 'node-1' ? 'node-2' : 'node-1';
    expect(await claimDelivery(store.db, 'sub-a-1', other, 1999, 3000)).toBe(false);
    expect((await dueDeliveries(store.db, 1500, 10)).map((d) => d.id)).toEqual(['sub-a-2', 'sub-a-3']);
    expect(await claimDelivery(store.db, 'sub-a-1', other, 2001, 3000)).toBe(true);
    expect(await recordAttempt(store.db, 'sub-a-1', holder, { status: 'delivered', at: 2002 })).toBe(false);
    expect(await recordAttempt(store.db, 'sub-a-1', other, { status: 'delivered', at: 2002 })).toBe(true);
    expect(await claimDelivery(store.db, 'sub-a-1', holder, 5000, 6000)).toBe(false);
  });

  it('does not claim a delivery before it is due, and gives a lease back without counting an attempt', async () => {
    expect(await claimDelivery(store.db, 'sub-a-2', 'node-1', 50, 500)).toBe(false);
    expect(await claimDelivery(store.db, 'sub-a-2', 'node-1', 100, 500)).toBe(true);
    await releaseLease(store.db, 'sub-a-2', 'node-1', 101);
    const [d] = await dueDeliveries(store.db, 102, 1);
    expect(d).toMatchObject({ id: 'sub-a-2', attempts: 0, leaseOwner: null });
  });

  it('tells when the next delivery can be claimed: its due time, or the end of the lease another node holds', async () => {
    expect(await claimDelivery(store.db, 'sub-a-2', 'node-1', 200, 900)).toBe(true);
    expect(await claimDelivery(store.db, 'sub-a-3', 'node-2', 200, 700)).toBe(true);
    expect(await nextDueAt(store.db, 300)).toBe(700);
    await releaseLease(store.db, 'sub-a-3', 'node-2', 301);
    expect(await nextDueAt(store.db, 302)).toBe(100);
  });

  it('moves a subscription position only from where the mover read it', async () => {
    const moves = await Promise.all([advanceSubscription(store.db, 'sub-a', 0, 5), advanceSubscription(store.db, 'sub-a', 0, 7)]);
    expect(moves.filter(Boolean)).toHaveLength(1);
    expect(await advanceSubscription(store.db, 'sub-a', 0, 9)).toBe(false);
  });
});
