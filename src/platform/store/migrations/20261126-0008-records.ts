import { sql, type Kysely } from 'kysely';
import type { TaktMigration } from '../migrator.js';
import { serialKey, serialType, T } from './column-types.js';

/**
 * Labour bookings (who was clocked on which operation, from when to when, and who clocked them) and the reviews
 * and releases of batch records (the journal range and content hash each one covers, so a released record stays
 * locked and provable).
 */
export const records: TaktMigration = (dialect) => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('labour_bookings')
      .addColumn('id', serialType(dialect), serialKey(dialect))
      .addColumn('operation_id', T.text, (c) => c.notNull())
      .addColumn('work_order_id', T.text, (c) => c.notNull())
      .addColumn('person_id', T.text, (c) => c.notNull())
      .addColumn('on_at', T.time, (c) => c.notNull())
      .addColumn('on_by', T.text, (c) => c.notNull())
      .addColumn('off_at', T.time)
      .addColumn('off_by', T.text)
      .execute();
    await db.schema.createIndex('labour_person_idx').on('labour_bookings').columns(['person_id', 'on_at']).execute();
    await db.schema.createIndex('labour_operation_idx').on('labour_bookings').columns(['operation_id', 'person_id']).execute();
    await db.schema.createIndex('labour_order_idx').on('labour_bookings').column('work_order_id').execute();
    // A person is on an operation at most once at a time: the second clock-on loses here even under a race.
    await db.schema.createIndex('labour_open_uq').on('labour_bookings').columns(['person_id', 'operation_id']).unique().where(sql.ref('off_at'), 'is', null).execute();
    await db.schema.createIndex('labour_open_idx').on('labour_bookings').columns(['off_at', 'operation_id']).execute();

    await db.schema
      .createTable('record_signoffs')
      .addColumn('id', serialType(dialect), serialKey(dialect))
      .addColumn('work_order_id', T.text, (c) => c.notNull())
      .addColumn('kind', T.text, (c) => c.notNull())
      .addColumn('first_seq', T.int, (c) => c.notNull())
      .addColumn('last_seq', T.int, (c) => c.notNull())
      .addColumn('last_hash', T.text, (c) => c.notNull())
      .addColumn('content_hash', T.text, (c) => c.notNull())
      .addColumn('at', T.time, (c) => c.notNull())
      .addColumn('actor', T.text, (c) => c.notNull())
      .addColumn('signature', T.text)
      .execute();
    await db.schema.createIndex('record_signoffs_order_idx').on('record_signoffs').columns(['work_order_id', 'kind']).execute();
    // One release per order: a second release would be an edit of a locked record.
    await db.schema.createIndex('record_release_uq').on('record_signoffs').column('work_order_id').unique().where(sql.ref('kind'), '=', 'release').execute();
  },
});
