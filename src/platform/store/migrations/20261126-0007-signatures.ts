import type { Kysely } from 'kysely';
import type { TaktMigration } from '../migrator.js';
import { T } from './column-types.js';

/**
 * Electronic signatures (21 CFR Part 11): each signature bound to the hash of the record content it signed, and the
 * per-action policies that say which signatures an action needs.
 */
export const signatures: TaktMigration = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('signatures')
      .addColumn('id', T.text, (c) => c.primaryKey())
      .addColumn('at', T.time, (c) => c.notNull())
      .addColumn('action', T.text, (c) => c.notNull())
      .addColumn('entity', T.text, (c) => c.notNull())
      .addColumn('entity_id', T.text, (c) => c.notNull())
      .addColumn('record_hash', T.text, (c) => c.notNull())
      .addColumn('signer', T.text, (c) => c.notNull())
      .addColumn('printed_name', T.text, (c) => c.notNull())
      .addColumn('meaning', T.text, (c) => c.notNull())
      .addColumn('comment', T.text)
      .addColumn('witness_of', T.text)
      .addColumn('session_id', T.text)
      .execute();
    await db.schema.createIndex('signatures_entity_idx').on('signatures').columns(['entity', 'entity_id', 'at']).execute();
    await db.schema.createIndex('signatures_session_idx').on('signatures').columns(['session_id', 'signer']).execute();

    await db.schema
      .createTable('signature_policies')
      .addColumn('action', T.text, (c) => c.primaryKey())
      .addColumn('meanings', T.text, (c) => c.notNull())
      .addColumn('witness', T.flag, (c) => c.notNull())
      .addColumn('updated_at', T.time, (c) => c.notNull())
      .addColumn('updated_by', T.text, (c) => c.notNull())
      .execute();
  },
});
