import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import { integrationDb, type IntegrationSubscriptionsTable } from '../integration.tables.js';
import type { DeliveryFormat, Subscription, SubscriptionKind } from './subscription.types.js';

function toSubscription(r: IntegrationSubscriptionsTable): Subscription {
  return {
    id: r.id, kind: r.kind as SubscriptionKind, target: r.target, events: JSON.parse(r.events) as string[], format: r.format as DeliveryFormat,
    secret: r.secret, lastSeq: r.last_seq, createdAt: r.created_at, createdBy: r.created_by, deletedAt: r.deleted_at,
  };
}

export async function insertSubscription(db: Kysely<Database>, s: Subscription): Promise<void> {
  await integrationDb(db)
    .insertInto('integration_subscriptions')
    .values({
      id: s.id, kind: s.kind, target: s.target, events: JSON.stringify(s.events), format: s.format, secret: s.secret,
      last_seq: s.lastSeq, created_at: s.createdAt, created_by: s.createdBy, deleted_at: s.deletedAt,
    })
    .execute();
}

export async function findSubscription(db: Kysely<Database>, id: string): Promise<Subscription | undefined> {
  const r = await integrationDb(db).selectFrom('integration_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toSubscription(r) : undefined;
}

/** Subscriptions not deleted, oldest first. */
export async function activeSubscriptions(db: Kysely<Database>): Promise<Subscription[]> {
  const rows = await integrationDb(db).selectFrom('integration_subscriptions').selectAll().where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute();
  return rows.map(toSubscription);
}

/** Marks a subscription deleted, guarded on it not being deleted yet; false when it was. */
export async function markSubscriptionDeleted(db: Kysely<Database>, id: string, at: number): Promise<boolean> {
  const r = await integrationDb(db).updateTable('integration_subscriptions').set({ deleted_at: at }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Moves the subscription's journal position from `from` to `to`, only if it still is at `from`: of two nodes that
 * read the same events, one moves it and the other learns it lost (and writes nothing).
 */
export async function advanceSubscription(db: Kysely<Database>, id: string, from: number, to: number): Promise<boolean> {
  const r = await integrationDb(db).updateTable('integration_subscriptions').set({ last_seq: to }).where('id', '=', id).where('last_seq', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The seq of the last committed journal event (0 on an empty journal): where a new subscription starts. */
export async function journalHeadSeq(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('journal_head').select('seq').where('id', '=', 1).executeTakeFirst();
  return Number(r?.seq ?? 0);
}
