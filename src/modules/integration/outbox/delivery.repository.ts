import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import { integrationDb, type IntegrationDeliveriesTable } from '../integration.tables.js';
import type { Delivery, DeliveryStatus, SubscriptionKind } from './subscription.types.js';

// Sixteen columns a row: 200 rows stay far below both dialects' bound-parameter limits.
const ROWS_PER_INSERT = 200;

function toDelivery(r: IntegrationDeliveriesTable): Delivery {
  return {
    id: r.id, subscriptionId: r.subscription_id, seq: r.seq, eventType: r.event_type, entityId: r.entity_id, contentType: r.content_type,
    payload: r.payload, status: r.status as DeliveryStatus, attempts: r.attempts, nextAttemptAt: r.next_attempt_at, leaseOwner: r.lease_owner,
    leaseUntil: r.lease_until, lastError: r.last_error, createdAt: r.created_at, updatedAt: r.updated_at, deliveredAt: r.delivered_at,
  };
}

/** New pending deliveries; one that exists already (same subscription and event) is left as it is. */
export async function insertDeliveries(db: Kysely<Database>, deliveries: readonly Delivery[]): Promise<void> {
  const rows = deliveries.map((d) => ({
    id: d.id, subscription_id: d.subscriptionId, seq: d.seq, event_type: d.eventType, entity_id: d.entityId, content_type: d.contentType,
    payload: d.payload, status: d.status, attempts: d.attempts, next_attempt_at: d.nextAttemptAt, lease_owner: null, lease_until: null,
    last_error: null, created_at: d.createdAt, updated_at: d.updatedAt, delivered_at: null,
  }));
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await integrationDb(db).insertInto('integration_deliveries').values(rows.slice(i, i + ROWS_PER_INSERT)).onConflict((oc) => oc.doNothing()).execute();
  }
}

export async function findDelivery(db: Kysely<Database>, id: string): Promise<Delivery | undefined> {
  const r = await integrationDb(db).selectFrom('integration_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toDelivery(r) : undefined;
}

export interface DeliveryFilter {
  readonly status?: DeliveryStatus;
  readonly subscriptionId?: string;
  readonly limit?: number;
}

/** Deliveries, newest event first. */
export async function listDeliveries(db: Kysely<Database>, f: DeliveryFilter): Promise<Delivery[]> {
  let q = integrationDb(db).selectFrom('integration_deliveries').selectAll();
  if (f.status) q = q.where('status', '=', f.status);
  if (f.subscriptionId) q = q.where('subscription_id', '=', f.subscriptionId);
  return (await q.orderBy('seq', 'desc').orderBy('id').limit(f.limit ?? 100).execute()).map(toDelivery);
}

/** A delivery due now, with where it goes. */
export interface DueDelivery extends Delivery {
  readonly kind: SubscriptionKind;
  readonly target: string;
  readonly secret: string | null;
}

/** Pending deliveries due at `now` whose lease (if any) has run out, of subscriptions not deleted; oldest first. */
export async function dueDeliveries(db: Kysely<Database>, now: number, limit: number): Promise<DueDelivery[]> {
  const rows = await integrationDb(db)
    .selectFrom('integration_deliveries as d')
    .innerJoin('integration_subscriptions as s', 's.id', 'd.subscription_id')
    .selectAll('d')
    .select(['s.kind', 's.target', 's.secret'])
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('d.lease_until', 'is', null), eb('d.lease_until', '<', now)]))
    .where('s.deleted_at', 'is', null)
    .orderBy('d.next_attempt_at')
    .orderBy('d.seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...toDelivery(r), kind: r.kind as SubscriptionKind, target: r.target, secret: r.secret }));
}

/**
 * The earliest time a pending delivery can be claimed (null when none is pending): its due time, or the end of the
 * lease another dispatcher holds on it.
 */
export async function nextDueAt(db: Kysely<Database>, now: number): Promise<number | null> {
  const idb = integrationDb(db);
  const free = await idb
    .selectFrom('integration_deliveries')
    .select((eb) => eb.fn.min('next_attempt_at').as('at'))
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .executeTakeFirst();
  const leased = await idb
    .selectFrom('integration_deliveries')
    .select((eb) => eb.fn.min('lease_until').as('at'))
    .where('status', '=', 'pending')
    .where('lease_until', '>=', now)
    .executeTakeFirst();
  const times = [free?.at, leased?.at].filter((t): t is number => t !== null && t !== undefined).map(Number);
  return times.length === 0 ? null : Math.min(...times);
}

/**
 * Takes a delivery for one attempt: a guarded UPDATE that succeeds only while it is pending, due and not leased by a
 * live lease. Of several dispatchers (nodes) exactly one gets it; the lease runs out by itself if its holder dies.
 */
export async function claimDelivery(db: Kysely<Database>, id: string, owner: string, now: number, leaseUntil: number): Promise<boolean> {
  const r = await integrationDb(db)
    .updateTable('integration_deliveries')
    .set({ lease_owner: owner, lease_until: leaseUntil, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export type AttemptOutcome =
  | { readonly status: 'delivered'; readonly at: number }
  | { readonly status: 'pending'; readonly at: number; readonly nextAttemptAt: number; readonly error: string }
  | { readonly status: 'dead'; readonly at: number; readonly error: string };

/** Records an attempt's outcome and lets the lease go; only the lease holder can (false when it had lost the lease). */
export async function recordAttempt(db: Kysely<Database>, id: string, owner: string, outcome: AttemptOutcome): Promise<boolean> {
  const r = await integrationDb(db)
    .updateTable('integration_deliveries')
    .set((eb) => ({
      status: outcome.status,
      attempts: eb('attempts', '+', 1),
      lease_owner: null,
      lease_until: null,
      updated_at: outcome.at,
      ...(outcome.status === 'delivered' ? { delivered_at: outcome.at, last_error: null } : { last_error: outcome.error.slice(0, 2000) }),
      ...(outcome.status === 'pending' ? { next_attempt_at: outcome.nextAttemptAt } : {}),
    }))
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Gives a lease back without counting an attempt (the dispatcher stops): another node or the next start takes it at once. */
export async function releaseLease(db: Kysely<Database>, id: string, owner: string, now: number): Promise<void> {
  await integrationDb(db).updateTable('integration_deliveries').set({ lease_owner: null, lease_until: null, updated_at: now }).where('id', '=', id).where('lease_owner', '=', owner).execute();
}

/** Queues a dead or delivered message again with a fresh count of attempts; false when it is in neither state. */
export async function requeueDelivery(db: Kysely<Database>, id: string, from: DeliveryStatus, now: number): Promise<boolean> {
  const r = await integrationDb(db)
    .updateTable('integration_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, lease_owner: null, lease_until: null, last_error: null, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Cancels what a deleted subscription still owed. */
export async function cancelPendingDeliveries(db: Kysely<Database>, subscriptionId: string, now: number): Promise<number> {
  const r = await integrationDb(db)
    .updateTable('integration_deliveries')
    .set({ status: 'cancelled', lease_owner: null, lease_until: null, updated_at: now })
    .where('subscription_id', '=', subscriptionId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** How many deliveries of a subscription are in each status. */
export async function deliveryCounts(db: Kysely<Database>, subscriptionId: string): Promise<Record<string, number>> {
  const rows = await integrationDb(db)
    .selectFrom('integration_deliveries')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('subscription_id', '=', subscriptionId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** How many deliveries of every subscription are in each status (the outbox backlog is the `pending` count). */
export async function deliveryBacklog(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await integrationDb(db)
    .selectFrom('integration_deliveries')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
