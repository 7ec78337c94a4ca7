import type { Kysely } from 'kysely';
import type { TaktMigration } from '../migrator.js';

/**
 * A forward trace (a recall) names the work orders that consumed any affected lot (`consumptions.lot_id in (...)`);
 * consumptions had no index by lot, so each such trace read the whole table, which grows with every consumption
 * (as large as the genealogy itself). With (lot_id, work_order_id) the lookup is index-only.
 */
export const traceIndexes: TaktMigration = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('consumptions_lot_idx').on('consumptions').columns(['lot_id', 'work_order_id']).execute();
  },
});
