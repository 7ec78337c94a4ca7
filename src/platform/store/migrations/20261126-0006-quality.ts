import type { Kysely } from 'kysely';
import type { TaktMigration } from '../migrator.js';
import { serialKey, serialType, T } from './column-types.js';

/**
 * Quality: inspection results (one row per measured or judged unit, the fields queried promoted to columns),
 * nonconformances with their disposition, and control limits frozen per characteristic and chart.
 */
export const quality: TaktMigration = (dialect) => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('inspection_results')
      .addColumn('id', serialType(dialect), serialKey(dialect))
      .addColumn('inspection_id', T.text, (c) => c.notNull())
      .addColumn('position', T.int, (c) => c.notNull())
      .addColumn('characteristic_code', T.text, (c) => c.notNull())
      .addColumn('operation_id', T.text, (c) => c.notNull())
      .addColumn('work_order_id', T.text, (c) => c.notNull())
      .addColumn('lot_id', T.text)
      .addColumn('value', T.qty)
      .addColumn('in_spec', T.flag, (c) => c.notNull())
      .addColumn('lsl', T.qty)
      .addColumn('usl', T.qty)
      .addColumn('at', T.time, (c) => c.notNull())
      .addColumn('actor', T.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('inspection_results_char_idx').on('inspection_results').columns(['characteristic_code', 'at', 'id']).execute();
    await db.schema.createIndex('inspection_results_op_idx').on('inspection_results').columns(['operation_id', 'characteristic_code']).execute();

    await db.schema
      .createTable('nonconformances')
      .addColumn('id', serialType(dialect), serialKey(dialect))
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('inspection_id', T.text, (c) => c.notNull())
      .addColumn('characteristic_code', T.text, (c) => c.notNull())
      .addColumn('operation_id', T.text, (c) => c.notNull())
      .addColumn('work_order_id', T.text, (c) => c.notNull())
      .addColumn('lot_id', T.text)
      .addColumn('order_held', T.flag, (c) => c.notNull())
      .addColumn('lot_held', T.flag, (c) => c.notNull())
      .addColumn('description', T.text, (c) => c.notNull())
      .addColumn('findings', T.text, (c) => c.notNull())
      .addColumn('opened_at', T.time, (c) => c.notNull())
      .addColumn('opened_by', T.text, (c) => c.notNull())
      .addColumn('decision', T.text)
      .addColumn('decision_reason', T.text)
      .addColumn('decided_at', T.time)
      .addColumn('decided_by', T.text)
      .addColumn('version', T.int, (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('nonconformances_status_idx').on('nonconformances').columns(['status', 'opened_at']).execute();
    await db.schema.createIndex('nonconformances_order_idx').on('nonconformances').columns(['work_order_id', 'status']).execute();
    await db.schema.createIndex('nonconformances_lot_idx').on('nonconformances').columns(['lot_id', 'status']).execute();

    await db.schema
      .createTable('control_limits')
      .addColumn('characteristic_code', T.text, (c) => c.notNull())
      .addColumn('chart', T.text, (c) => c.notNull())
      .addColumn('center', T.qty, (c) => c.notNull())
      .addColumn('sigma', T.qty, (c) => c.notNull())
      .addColumn('rules', T.text, (c) => c.notNull())
      .addColumn('source', T.text, (c) => c.notNull())
      .addColumn('baseline_from', T.time)
      .addColumn('baseline_to', T.time)
      .addColumn('set_at', T.time, (c) => c.notNull())
      .addColumn('set_by', T.text, (c) => c.notNull())
      .addPrimaryKeyConstraint('control_limits_pk', ['characteristic_code', 'chart'])
      .execute();
  },
});
