import type { Kysely } from 'kysely';
import type { TaktMigration } from '../migrator.js';
import { T } from './column-types.js';

/**
 * ERP integration: the B2MML messages imported (their first answer, so a message sent again changes nothing), the
 * ERP's ids of what an import created (echoed in the performance messages), and the outbox: subscriptions with the
 * journal position each has taken events up to, and one delivery row per message owed to a subscriber.
 * The journal itself is the outbox's durable source: an event and the command that caused it commit together.
 */
export const integration: TaktMigration = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('b2mml_messages')
      .addColumn('message_id', T.text, (c) => c.primaryKey())
      .addColumn('kind', T.text, (c) => c.notNull())
      .addColumn('version', T.text, (c) => c.notNull())
      .addColumn('status', T.int, (c) => c.notNull())
      .addColumn('response', T.text, (c) => c.notNull())
      .addColumn('commands', T.int, (c) => c.notNull())
      .addColumn('actor', T.text, (c) => c.notNull())
      .addColumn('received_at', T.time, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('integration_order_links')
      .addColumn('work_order_id', T.text, (c) => c.primaryKey())
      .addColumn('message_id', T.text, (c) => c.notNull())
      .addColumn('version', T.text, (c) => c.notNull())
      .addColumn('schedule_id', T.text)
      .addColumn('sender_logical_id', T.text)
      .addColumn('segments', T.text, (c) => c.notNull())
      .addColumn('created_at', T.time, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('integration_subscriptions')
      .addColumn('id', T.text, (c) => c.primaryKey())
      .addColumn('kind', T.text, (c) => c.notNull())
      .addColumn('target', T.text, (c) => c.notNull())
      .addColumn('events', T.text, (c) => c.notNull())
      .addColumn('format', T.text, (c) => c.notNull())
      .addColumn('secret', T.text)
      // The journal seq up to which events were turned into deliveries; moved only by a guarded UPDATE.
      .addColumn('last_seq', 'bigint', (c) => c.notNull())
      .addColumn('created_at', T.time, (c) => c.notNull())
      .addColumn('created_by', T.text, (c) => c.notNull())
      .addColumn('deleted_at', T.time)
      .execute();

    await db.schema
      .createTable('integration_deliveries')
      // The message id: `<subscription>-<journal seq>`, the same on every attempt, after a restart and on every node.
      .addColumn('id', T.text, (c) => c.primaryKey())
      .addColumn('subscription_id', T.text, (c) => c.notNull().references('integration_subscriptions.id'))
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('event_type', T.text, (c) => c.notNull())
      .addColumn('entity_id', T.text, (c) => c.notNull())
      .addColumn('content_type', T.text, (c) => c.notNull())
      .addColumn('payload', T.text, (c) => c.notNull())
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('attempts', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', T.time, (c) => c.notNull())
      .addColumn('lease_owner', T.text)
      .addColumn('lease_until', T.time)
      .addColumn('last_error', T.text)
      .addColumn('created_at', T.time, (c) => c.notNull())
      .addColumn('updated_at', T.time, (c) => c.notNull())
      .addColumn('delivered_at', T.time)
      .addUniqueConstraint('integration_deliveries_event_uq', ['subscription_id', 'seq'])
      .execute();
    await db.schema.createIndex('integration_deliveries_due_idx').on('integration_deliveries').columns(['status', 'next_attempt_at']).execute();
  },
});
