import type { Kysely } from 'kysely';
import type { TaktMigration } from '../migrator.js';
import { serialKey, serialType, T } from './column-types.js';

/** Work orders and their operations, lots, consumptions, productions, reports and genealogy edges. */
export const execution: TaktMigration = (dialect) => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('work_orders')
      .addColumn('id', T.text, (c) => c.primaryKey())
      .addColumn('material_id', T.text, (c) => c.notNull().references('materials.id'))
      .addColumn('revision', T.int, (c) => c.notNull())
      .addColumn('quantity', T.qty, (c) => c.notNull())
      .addColumn('tolerance', T.qty, (c) => c.notNull().defaultTo(0))
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('priority', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('due_at', T.time)
      .addColumn('good', T.qty, (c) => c.notNull().defaultTo(0))
      .addColumn('scrap', T.qty, (c) => c.notNull().defaultTo(0))
      .addColumn('hold_reason', T.text)
      .addColumn('created_at', T.time, (c) => c.notNull())
      .addColumn('released_at', T.time)
      .addColumn('completed_at', T.time)
      .addColumn('version', T.int, (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('work_orders_status_idx').on('work_orders').columns(['status', 'due_at']).execute();

    await db.schema
      .createTable('operations')
      .addColumn('id', T.text, (c) => c.primaryKey())
      .addColumn('work_order_id', T.text, (c) => c.notNull().references('work_orders.id'))
      .addColumn('seq', T.int, (c) => c.notNull())
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('work_center_id', T.text, (c) => c.notNull())
      .addColumn('qualification', T.text)
      .addColumn('ideal_cycle_time_sec', T.qty)
      .addColumn('overlap', T.flag, (c) => c.notNull().defaultTo(0))
      .addColumn('critical', T.flag, (c) => c.notNull().defaultTo(0))
      .addColumn('instruction', T.text)
      .addColumn('inspections', T.text, (c) => c.notNull().defaultTo('[]'))
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('equipment_id', T.text)
      .addColumn('good', T.qty, (c) => c.notNull().defaultTo(0))
      .addColumn('scrap', T.qty, (c) => c.notNull().defaultTo(0))
      .addColumn('started_at', T.time)
      .addColumn('started_by', T.text)
      .addColumn('completed_at', T.time)
      .addColumn('completed_by', T.text)
      .addColumn('version', T.int, (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('operations_order_idx').on('operations').columns(['work_order_id', 'seq']).execute();
    await db.schema.createIndex('operations_wc_idx').on('operations').columns(['work_center_id', 'status']).execute();

    await db.schema
      .createTable('order_bom_lines')
      .addColumn('work_order_id', T.text, (c) => c.notNull().references('work_orders.id'))
      .addColumn('line', T.int, (c) => c.notNull())
      .addColumn('material_id', T.text, (c) => c.notNull())
      .addColumn('quantity', T.qty, (c) => c.notNull())
      .addColumn('uom', T.text, (c) => c.notNull())
      .addColumn('operation_seq', T.int, (c) => c.notNull())
      .addColumn('tolerance', T.qty, (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('order_bom_lines_pk', ['work_order_id', 'line'])
      .execute();

    await db.schema
      .createTable('lots')
      .addColumn('id', T.text, (c) => c.primaryKey())
      .addColumn('material_id', T.text, (c) => c.notNull().references('materials.id'))
      .addColumn('quantity', T.qty, (c) => c.notNull())
      .addColumn('initial_quantity', T.qty, (c) => c.notNull())
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('expires_at', T.time)
      .addColumn('supplier_lot', T.text)
      .addColumn('work_order_id', T.text)
      .addColumn('created_at', T.time, (c) => c.notNull())
      .addColumn('version', T.int, (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('lots_order_idx').on('lots').column('work_order_id').execute();

    for (const table of ['consumptions', 'productions'] as const) {
      let t = db.schema
        .createTable(table)
        .addColumn('id', serialType(dialect), serialKey(dialect))
        .addColumn('operation_id', T.text, (c) => c.notNull())
        .addColumn('work_order_id', T.text, (c) => c.notNull())
        .addColumn('lot_id', T.text, (c) => c.notNull());
      if (table === 'consumptions') t = t.addColumn('material_id', T.text, (c) => c.notNull());
      await t
        .addColumn('quantity', T.qty, (c) => c.notNull())
        .addColumn('at', T.time, (c) => c.notNull())
        .addColumn('actor', T.text, (c) => c.notNull())
        .execute();
      await db.schema.createIndex(`${table}_order_idx`).on(table).columns(['work_order_id', 'lot_id']).execute();
      await db.schema.createIndex(`${table}_op_idx`).on(table).column('operation_id').execute();
    }

    await db.schema
      .createTable('operation_reports')
      .addColumn('id', serialType(dialect), serialKey(dialect))
      .addColumn('operation_id', T.text, (c) => c.notNull())
      .addColumn('good', T.qty, (c) => c.notNull())
      .addColumn('scrap', T.qty, (c) => c.notNull())
      .addColumn('scrap_reason', T.text)
      .addColumn('at', T.time, (c) => c.notNull())
      .addColumn('actor', T.text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('genealogy_edges')
      .addColumn('from_lot', T.text, (c) => c.notNull())
      .addColumn('to_lot', T.text, (c) => c.notNull())
      .addColumn('work_order_id', T.text, (c) => c.notNull())
      .addColumn('quantity', T.qty, (c) => c.notNull())
      .addColumn('kind', T.text, (c) => c.notNull())
      .addColumn('at', T.time, (c) => c.notNull())
      .addPrimaryKeyConstraint('genealogy_edges_pk', ['from_lot', 'to_lot', 'work_order_id'])
      .execute();
    await db.schema.createIndex('genealogy_to_idx').on('genealogy_edges').columns(['to_lot', 'from_lot']).execute();
  },
});
