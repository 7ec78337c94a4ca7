import { readJournal } from '../../../platform/journal/journal.repository.js';
import type { Store } from '../../../platform/store/database.js';
import { buildPayload } from './delivery-payload.builder.js';
import { insertDeliveries } from './delivery.repository.js';
import { advanceSubscription } from './subscription.repository.js';
import { messageIdOf, wants, type Delivery, type Subscription } from './subscription.types.js';

class PositionTaken extends Error {}

/**
 * Turns the journal events past a subscription's position into its pending deliveries, one page at a time: the
 * deliveries and the new position commit together, and the position moves only if no other node moved it first
 * (guarded UPDATE), so each event becomes one delivery per subscription whatever the number of nodes. Returns the
 * subscription as it now stands and how many deliveries were added (−1 when another node took the page).
 */
export async function materializePage(
  store: Store,
  subscription: Subscription,
  options: { readonly pageSize: number; readonly now: number },
): Promise<{ subscription: Subscription; added: number; more: boolean }> {
  const events = await readJournal(store.db, { after: subscription.lastSeq, limit: options.pageSize });
  const last = events.at(-1);
  if (!last) return { subscription, added: 0, more: false };
  const deliveries: Delivery[] = [];
  for (const event of events) {
    if (!wants(subscription, event.action)) continue;
    const id = messageIdOf(subscription.id, event.seq);
    const payload = await buildPayload(store.db, event, subscription.format, id);
    if (payload === null) continue;
    deliveries.push({
      id, subscriptionId: subscription.id, seq: event.seq, eventType: event.action, entityId: event.entityId, contentType: payload.contentType,
      payload: payload.body, status: 'pending', attempts: 0, nextAttemptAt: options.now, leaseOwner: null, leaseUntil: null, lastError: null,
      createdAt: options.now, updatedAt: options.now, deliveredAt: null,
    });
  }
  try {
    await store.db.transaction().execute(async (tx) => {
      if (!(await advanceSubscription(tx, subscription.id, subscription.lastSeq, last.seq))) throw new PositionTaken();
      await insertDeliveries(tx, deliveries);
    });
  } catch (error) {
    if (error instanceof PositionTaken) return { subscription, added: -1, more: false };
    throw error;
  }
  return { subscription: { ...subscription, lastSeq: last.seq }, added: deliveries.length, more: events.length === options.pageSize };
}
