import { expect, it } from 'vitest';
import { EventBus } from '../../../platform/events/event-bus.js';
import { appendEventGroups, ensureJournalHead } from '../../../platform/journal/journal.repository.js';
import type { Store } from '../../../platform/store/database.js';
import { describeStores, useMigratedStore } from '../../../../test/support/stores.js';
import { eventually } from '../../../../test/support/webhook-receiver.js';
import { integrationDb } from '../integration.tables.js';
import { OutboxDispatcher } from './outbox.dispatcher.js';
import { resolveOutboxOptions } from './outbox.options.js';
import { insertSubscription } from './subscription.repository.js';
import type { Transport } from './transport.types.js';

describeStores('outbox and durability', (dialect) => {
  const migrated = useMigratedStore(dialect);

  it('sends nothing to another system before the events it read are on disk', async () => {
    const store = migrated();
    await insertSubscription(store.db, { id: 'sub-d', kind: 'webhook', target: 'http://receiver.test/', events: ['*'], format: 'json', secret: null, lastSeq: 0, createdAt: 0, createdBy: 't', deletedAt: null });
    await ensureJournalHead(store.db);
    await store.db.transaction().execute((tx) => appendEventGroups(tx, [{ drafts: [{ action: 'lot.held', entity: 'lot', entityId: 'L-1', data: {} }], actor: 'tester', at: 1 }], store.dialect));
    // A store whose log flush is still under way until the test lets it finish.
    let flushed!: () => void;
    const flush = new Promise<void>((resolve) => (flushed = resolve));
    const flushing: Store = { ...store, durable: () => flush };
    const sent: string[] = [];
    const webhook: Transport = { send: async (m) => void sent.push(m.eventType), close: async () => undefined };
    const dispatcher = new OutboxDispatcher(flushing, new EventBus(), { webhook, folder: webhook, mqtt: webhook }, resolveOutboxOptions({ pollMs: 3_600_000 }));
    dispatcher.start();
    try {
      // The round has read the event and made its delivery, and waits for the flush.
      await eventually(async () => (await integrationDb(store.db).selectFrom('integration_deliveries').select('id').execute()).length === 1, 'the delivery', 10_000);
      for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
      expect(sent).toEqual([]);
      flushed();
      await eventually(() => sent.length === 1, 'the send after the flush', 10_000);
      expect(sent).toEqual(['lot.held']);
    } finally {
      flushed();
      await dispatcher.stop();
    }
  });
});
