import type { Kysely } from 'kysely';
import type { TaktMigration } from '../migrator.js';
import { T } from './column-types.js';

/**
 * The rules a batch record's sign-off was made under: which journal events make up the record. A released record is
 * rebuilt, and its hash checked, under the rules it was signed under, so records released before a rule was added
 * (1: before andon calls and holds on consumed lots were part of the record) still verify.
 */
export const recordRules: TaktMigration = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('record_signoffs').addColumn('rules', T.int, (c) => c.notNull().defaultTo(1)).execute();
  },
});
