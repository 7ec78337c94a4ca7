import type { Kysely } from 'kysely';
import type { TaktMigration } from '../migrator.js';
import { T } from './column-types.js';

/**
 * Leases: a task that must run on one node of several (machine connectivity) is run by the node holding its lease,
 * renewed while it runs; a lease not renewed in time may be taken by another node.
 */
export const leases: TaktMigration = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('leases')
      .addColumn('name', T.text, (c) => c.primaryKey())
      .addColumn('owner', T.text, (c) => c.notNull())
      .addColumn('until', T.time, (c) => c.notNull())
      .execute();
  },
});
