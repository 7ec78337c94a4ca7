import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import { readWholeNumberSetting, writeSetting } from '../../../platform/store/settings.repository.js';
import { integrationDb } from '../integration.tables.js';
import type { DeliveryStatus } from './subscription.types.js';

const DELIVERED_KEY = 'outbox_retention_delivered_days';
const DEAD_KEY = 'outbox_retention_dead_days';

/**
 * How long finished deliveries are kept, in days after they finished; 0 keeps them for ever. Pending deliveries (still
 * owed) are never deleted, whatever their age.
 */
export interface OutboxRetention {
  /** Delivered messages (default 7 days). */
  readonly deliveredDays: number;
  /** Messages that never arrived: dead letters, and what a deleted subscription was still owed (default 30 days). */
  readonly deadDays: number;
}

export const DEFAULT_OUTBOX_RETENTION: OutboxRetention = { deliveredDays: 7, deadDays: 30 };

export async function readOutboxRetention(db: Kysely<Database>): Promise<OutboxRetention> {
  return {
    deliveredDays: await readWholeNumberSetting(db, DELIVERED_KEY, DEFAULT_OUTBOX_RETENTION.deliveredDays),
    deadDays: await readWholeNumberSetting(db, DEAD_KEY, DEFAULT_OUTBOX_RETENTION.deadDays),
  };
}

export async function writeOutboxRetention(db: Kysely<Database>, r: OutboxRetention): Promise<void> {
  await writeSetting(db, DELIVERED_KEY, r.deliveredDays);
  await writeSetting(db, DEAD_KEY, r.deadDays);
}

/**
 * Deletes at most `limit` deliveries in a finished status that finished (`updated_at`) before `before`, the
 * earliest first. The scan walks the (status, next_attempt_at) index of the dispatcher, bounded by `before` too: a
 * delivered or dead message was claimed once due, so its due time lies before its end and the bound loses none of
 * them (a cancelled one waits at most until its last retry's due time), and a run that finds nothing reads nothing
 * of the days it keeps.
 */
export async function deleteFinishedDeliveries(db: Kysely<Database>, status: Exclude<DeliveryStatus, 'pending'>, before: number, limit: number): Promise<number> {
  const idb = integrationDb(db);
  const r = await idb
    .deleteFrom('integration_deliveries')
    .where('id', 'in', idb.selectFrom('integration_deliveries').select('id')
      .where('status', '=', status).where('next_attempt_at', '<', before).where('updated_at', '<', before)
      .orderBy('next_attempt_at').limit(limit))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
