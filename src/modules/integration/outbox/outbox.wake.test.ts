import { expect, it } from 'vitest';
import type { RootOperationNode } from 'kysely';
import { EventBus } from '../../../platform/events/event-bus.js';
import type { Store } from '../../../platform/store/database.js';
import { describeStores, useMigratedStore } from '../../../../test/support/stores.js';
import { eventually } from '../../../../test/support/webhook-receiver.js';
import { OutboxDispatcher } from './outbox.dispatcher.js';
import { resolveOutboxOptions } from './outbox.options.js';
import { insertSubscription } from './subscription.repository.js';
import type { Transport } from './transport.types.js';

/** True for the query the idle loop asks before it sleeps: the earliest time a pending delivery is due. */
const asksNextDue = (node: RootOperationNode): boolean =>
  node.kind === 'SelectQueryNode' && JSON.stringify(node).includes('"min"');

describeStores('outbox dispatcher woken while it works out how long to sleep', (dialect) => {
  const migrated = useMigratedStore(dialect);

  /** A dispatcher whose next-due query is held until the test lets it answer; the poll is an hour away. */
  async function heldAtIdle() {
    const store = migrated();
    await insertSubscription(store.db, { id: `sub-${Math.random()}`, kind: 'webhook', target: 'http://receiver.test/', events: ['*'], format: 'json', secret: null, lastSeq: 0, createdAt: 0, createdBy: 't', deletedAt: null });
    let holding = false;
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    let rounds = 0;
    const held: Store = {
      ...store,
      db: store.db.withPlugin({
        transformQuery: (a) => {
          if (asksNextDue(a.node)) holding = true;
          else if (a.node.kind === 'SelectQueryNode') rounds += 1;
          return a.node;
        },
        transformResult: async (a) => {
          if (holding) await answered;
          return a.result;
        },
      }),
    };
    const idle: Transport = { send: async () => undefined, close: async () => undefined };
    const dispatcher = new OutboxDispatcher(held, new EventBus(), { webhook: idle, folder: idle, mqtt: idle }, resolveOutboxOptions({ pollMs: 3_600_000 }));
    dispatcher.start();
    await eventually(() => holding, 'the next-due query', 10_000);
    return { dispatcher, answer, rounds: () => rounds };
  }

  it('stops when asked while the idle loop is reading when the next delivery is due', async () => {
    const { dispatcher, answer } = await heldAtIdle();
    let stopped = false;
    const stopping = dispatcher.stop().then(() => (stopped = true));
    answer();
    await eventually(() => stopped, 'the dispatcher to stop', 10_000);
    await stopping;
    expect(stopped).toBe(true);
  });

  it('runs another round when woken while the idle loop is reading when the next delivery is due', async () => {
    const { dispatcher, answer, rounds } = await heldAtIdle();
    try {
      const before = rounds();
      dispatcher.wake();
      answer();
      await eventually(() => rounds() > before, 'a round after the wake-up', 10_000);
      expect(rounds()).toBeGreaterThan(before);
    } finally {
      await dispatcher.stop();
    }
  });
});
