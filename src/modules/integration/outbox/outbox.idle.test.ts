import { afterAll, beforeAll, expect, it } from 'vitest';
import { EventBus } from '../../../platform/events/event-bus.js';
import type { JournalEvent } from '../../../platform/journal/journal.repository.js';
import { openStore, type Store } from '../../../platform/store/database.js';
import { migrateToLatest } from '../../../platform/store/migrator.js';
import { describeStores, freshStore } from '../../../../test/support/stores.js';
import { eventually } from '../../../../test/support/webhook-receiver.js';
import { OutboxDispatcher } from './outbox.dispatcher.js';
import { resolveOutboxOptions } from './outbox.options.js';
import type { Transport } from './transport.types.js';

const event = (seq: number, entity: string, action: string): JournalEvent =>
  ({ seq, at: 0, actor: 'a', action, entity, entityId: `x${seq}`, data: {}, reason: null, hash: '', prevHash: '' });

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describeStores('outbox dispatcher without subscriptions', (dialect) => {
  let store: Store;
  let release: () => Promise<void> = async () => undefined;
  let queries = 0;
  const bus = new EventBus();
  let dispatcher: OutboxDispatcher;

  beforeAll(async () => {
    const fresh = await freshStore(dialect);
    release = fresh.release;
    store = openStore(fresh.config);
    await migrateToLatest(store);
    const counted: Store = { ...store, db: store.db.withPlugin({ transformQuery: (a) => ((queries += 1), a.node), transformResult: async (a) => a.result }) };
    const idle: Transport = { send: async () => undefined, close: async () => undefined };
    // A poll far away: every round below is one an event caused.
    dispatcher = new OutboxDispatcher(counted, bus, { webhook: idle, folder: idle, mqtt: idle }, resolveOutboxOptions({ pollMs: 3_600_000 }));
    dispatcher.start();
  });
  afterAll(async () => {
    await dispatcher.stop();
    await store.close();
    await release();
  });

  it('reads nothing after a commit while there is no subscription, and looks again when a subscription event comes', async () => {
    // The first round is over once no query came for a while (its answer may cross a socket).
    await eventually(async () => {
      const before = queries;
      await new Promise((r) => setTimeout(r, 100));
      return before > 0 && queries === before;
    }, 'the first round', 10_000);
    const afterFirstRound = queries;
    for (let i = 0; i < 20; i++) bus.publish([event(i + 1, 'lot', 'lot.consumed')]);
    await turns(20);
    expect(queries).toBe(afterFirstRound);
    bus.publish([event(21, 'subscription', 'subscription.created')]);
    await eventually(() => queries > afterFirstRound, 'a round after the subscription event', 10_000);
  });
});
