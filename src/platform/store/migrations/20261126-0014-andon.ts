import { sql, type Kysely } from 'kysely';
import type { TaktMigration } from '../migrator.js';
import { serialKey, serialType, T } from './column-types.js';

/**
 * Andon calls: help called to a work center (material, quality, maintenance, supervisor, safety), acknowledged and
 * resolved by a responder, with the response times kept on the call.
 */
export const andon: TaktMigration = (dialect) => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('andon_calls')
      .addColumn('id', serialType(dialect), serialKey(dialect))
      .addColumn('work_center_id', T.text, (c) => c.notNull())
      .addColumn('kind', T.text, (c) => c.notNull())
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('equipment_id', T.text)
      .addColumn('operation_id', T.text)
      .addColumn('work_order_id', T.text)
      .addColumn('note', T.text)
      .addColumn('raised_at', T.time, (c) => c.notNull())
      .addColumn('raised_by', T.text, (c) => c.notNull())
      .addColumn('acknowledged_at', T.time)
      .addColumn('acknowledged_by', T.text)
      .addColumn('resolved_at', T.time)
      .addColumn('resolved_by', T.text)
      .addColumn('resolution', T.text)
      .addColumn('cancelled_at', T.time)
      .addColumn('cancelled_by', T.text)
      .addColumn('cancel_reason', T.text)
      // Kept on the call when it is acknowledged and resolved, both counted from the raise, in milliseconds.
      .addColumn('time_to_acknowledge_ms', T.time)
      .addColumn('time_to_resolve_ms', T.time)
      // Null while the call is active (open or acknowledged); set when it is resolved or cancelled.
      .addColumn('closed_at', T.time)
      .execute();
    // One active call per work center and kind: the second raise loses here even under a race.
    await db.schema.createIndex('andon_active_uq').on('andon_calls').columns(['work_center_id', 'kind']).unique().where(sql.ref('closed_at'), 'is', null).execute();
    await db.schema.createIndex('andon_raised_idx').on('andon_calls').columns(['raised_at', 'id']).execute();
    await db.schema.createIndex('andon_wc_idx').on('andon_calls').columns(['work_center_id', 'raised_at']).execute();
  },
});
