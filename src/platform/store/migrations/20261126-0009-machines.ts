import type { Kysely } from 'kysely';
import type { TaktMigration } from '../migrator.js';
import { serialKey, serialType, T } from './column-types.js';

/**
 * Machine data: mappings of machine sources (a Sparkplug edge node or device, an OPC UA server) to equipment and of
 * their metrics to roles; one series per source metric ever seen (mapped or not, so an engineer can map it later);
 * the process history, one narrow row per value, keyed by series and time (the only index, so batches insert fast).
 */
export const machines: TaktMigration = (dialect) => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('machine_mappings')
      .addColumn('id', T.text, (c) => c.primaryKey())
      .addColumn('protocol', T.text, (c) => c.notNull())
      .addColumn('node', T.text, (c) => c.notNull())
      // '' when the mapping is for the node itself, so the unique constraint holds on both dialects.
      .addColumn('device', T.text, (c) => c.notNull())
      .addColumn('equipment_id', T.text, (c) => c.notNull())
      // JSON text: the metric roles, read in the application (no JSON operators in queries).
      .addColumn('metrics', T.text, (c) => c.notNull())
      .addColumn('updated_at', T.time, (c) => c.notNull())
      .addColumn('updated_by', T.text, (c) => c.notNull())
      .addUniqueConstraint('machine_mappings_source_uq', ['protocol', 'node', 'device'])
      .execute();

    await db.schema
      .createTable('machine_series')
      .addColumn('id', serialType(dialect), serialKey(dialect))
      .addColumn('protocol', T.text, (c) => c.notNull())
      .addColumn('node', T.text, (c) => c.notNull())
      .addColumn('device', T.text, (c) => c.notNull())
      .addColumn('metric', T.text, (c) => c.notNull())
      // The equipment its source is mapped to now; null while the source is unmapped.
      .addColumn('equipment_id', T.text)
      .addColumn('first_seen_at', T.time, (c) => c.notNull())
      .addUniqueConstraint('machine_series_metric_uq', ['protocol', 'node', 'device', 'metric'])
      .execute();
    await db.schema.createIndex('machine_series_equipment_idx').on('machine_series').columns(['equipment_id', 'metric']).execute();

    await db.schema
      .createTable('process_history')
      .addColumn('series_id', 'bigint', (c) => c.notNull())
      .addColumn('ts', T.time, (c) => c.notNull())
      // Numbers, booleans (1/0) and integers below 2^53; strings go to text_value; both null for a null value.
      .addColumn('value', T.qty)
      .addColumn('text_value', T.text)
      // Bit flags: 1 stale (source dead), 2 historical (sent late by the machine), 4 null (is_null).
      .addColumn('flags', T.int, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('process_history_series_ts_idx').on('process_history').columns(['series_id', 'ts']).execute();
  },
});
