import type { Kysely } from 'kysely';
import type { TaktMigration } from '../migrator.js';
import { T } from './column-types.js';

/**
 * Equipment performance and serviceability: the state history (one row per reported interval), counts, per-equipment
 * settings, cached day accounts, the downtime reason tree, shift calendars per site, maintenance plans and orders,
 * calibrations.
 */
export const equipment: TaktMigration = () => ({
  async up(db: Kysely<unknown>) {
    // One row per reported state interval; intervals of one equipment never overlap and only the last is open.
    await db.schema
      .createTable('equipment_states')
      .addColumn('equipment_id', T.text, (c) => c.notNull())
      .addColumn('from_at', T.time, (c) => c.notNull())
      .addColumn('to_at', T.time)
      .addColumn('state', T.text, (c) => c.notNull())
      .addColumn('reason', T.text)
      .addColumn('recorded_at', T.time, (c) => c.notNull())
      .addColumn('recorded_by', T.text, (c) => c.notNull())
      .addPrimaryKeyConstraint('equipment_states_pk', ['equipment_id', 'from_at'])
      .execute();

    await db.schema
      .createTable('equipment_counts')
      .addColumn('equipment_id', T.text, (c) => c.notNull())
      .addColumn('at', T.time, (c) => c.notNull())
      .addColumn('total', T.qty, (c) => c.notNull())
      .addColumn('reject', T.qty, (c) => c.notNull())
      .addColumn('rework', T.qty, (c) => c.notNull().defaultTo(0))
      .addColumn('source', T.text, (c) => c.notNull())
      .addColumn('recorded_by', T.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('equipment_counts_at_idx').on('equipment_counts').columns(['equipment_id', 'at']).execute();

    // Also the per-equipment row lock that orders concurrent state writes (see lockEquipment).
    await db.schema
      .createTable('equipment_settings')
      .addColumn('equipment_id', T.text, (c) => c.primaryKey())
      .addColumn('micro_stop_threshold_sec', T.qty, (c) => c.notNull().defaultTo(0))
      .addColumn('count_source', T.text, (c) => c.notNull().defaultTo('auto'))
      .addColumn('reason_required_for', T.text, (c) => c.notNull().defaultTo('down,planned_stop'))
      .addColumn('history_revision', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('version', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', T.time, (c) => c.notNull())
      .execute();

    // Derived and disposable: the performance account of one equipment over one closed site-local day (time part,
    // and the count part per source: m_ machine, o_ operator), valid while the inputs' fingerprint and the
    // equipment's history revision are those it was computed with. Numeric columns, so the store sums them.
    let days = db.schema
      .createTable('equipment_day_accounts')
      .addColumn('equipment_id', T.text, (c) => c.notNull())
      .addColumn('day_start', T.time, (c) => c.notNull())
      .addColumn('day_end', T.time, (c) => c.notNull())
      .addColumn('fingerprint', T.text, (c) => c.notNull())
      .addColumn('revision', T.int, (c) => c.notNull())
      .addColumn('computed_at', T.time, (c) => c.notNull());
    const figures = ['total_count', 'reject_count', 'rework_count', 'ideal_sec', 'ideal_reject_sec', 'reports'];
    for (const column of [
      'shift_ms', 'break_ms', 'planned_state_ms', 'running_ms', 'idle_ms', 'setup_ms', 'breakdown_ms', 'micro_stop_ms', 'offline_ms', 'no_data_ms',
      'breakdown_count', 'micro_stop_count', ...figures.map((f) => `m_${f}`), ...figures.map((f) => `o_${f}`),
    ]) {
      days = days.addColumn(column, T.qty, (c) => c.notNull());
    }
    await days.addPrimaryKeyConstraint('equipment_day_accounts_pk', ['equipment_id', 'day_start']).execute();

    await db.schema
      .createTable('downtime_reasons')
      .addColumn('code', T.text, (c) => c.primaryKey())
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('parent_code', T.text)
      .addColumn('planned', T.flag, (c) => c.notNull())
      .addColumn('raises_maintenance_order', T.flag, (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', T.time, (c) => c.notNull())
      .addColumn('updated_at', T.time, (c) => c.notNull())
      .execute();

    // days: comma-separated ISO weekdays or empty for every day; breaks: JSON text, never queried.
    await db.schema
      .createTable('site_shifts')
      .addColumn('site_id', T.text, (c) => c.notNull())
      .addColumn('code', T.text, (c) => c.notNull())
      .addColumn('start_time', T.text, (c) => c.notNull())
      .addColumn('end_time', T.text, (c) => c.notNull())
      .addColumn('days', T.text, (c) => c.notNull())
      .addColumn('breaks', T.text, (c) => c.notNull())
      .addColumn('created_at', T.time, (c) => c.notNull())
      .addColumn('updated_at', T.time, (c) => c.notNull())
      .addPrimaryKeyConstraint('site_shifts_pk', ['site_id', 'code'])
      .execute();

    await db.schema
      .createTable('maintenance_plans')
      .addColumn('equipment_id', T.text, (c) => c.notNull())
      .addColumn('code', T.text, (c) => c.notNull())
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('basis', T.text, (c) => c.notNull())
      .addColumn('interval_value', T.qty, (c) => c.notNull())
      .addColumn('lead_fraction', T.qty, (c) => c.notNull())
      .addColumn('grace', T.qty, (c) => c.notNull())
      .addColumn('last_done_at', T.time, (c) => c.notNull())
      .addColumn('created_at', T.time, (c) => c.notNull())
      .addColumn('updated_at', T.time, (c) => c.notNull())
      .addPrimaryKeyConstraint('maintenance_plans_pk', ['equipment_id', 'code'])
      .execute();

    await db.schema
      .createTable('maintenance_orders')
      .addColumn('id', T.text, (c) => c.primaryKey())
      .addColumn('equipment_id', T.text, (c) => c.notNull())
      .addColumn('kind', T.text, (c) => c.notNull())
      .addColumn('plan_code', T.text)
      .addColumn('reason', T.text)
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('due_at', T.time)
      .addColumn('trigger_data', T.text, (c) => c.notNull())
      .addColumn('created_at', T.time, (c) => c.notNull())
      .addColumn('created_by', T.text, (c) => c.notNull())
      .addColumn('completed_at', T.time)
      .addColumn('completed_by', T.text)
      .addColumn('notes', T.text)
      .execute();
    await db.schema.createIndex('maintenance_orders_eq_idx').on('maintenance_orders').columns(['equipment_id', 'status']).execute();

    await db.schema
      .createTable('calibrations')
      .addColumn('id', T.text, (c) => c.primaryKey())
      .addColumn('equipment_id', T.text, (c) => c.notNull())
      .addColumn('instrument_id', T.text)
      .addColumn('performed_at', T.time, (c) => c.notNull())
      .addColumn('due_at', T.time, (c) => c.notNull())
      .addColumn('passed', T.flag, (c) => c.notNull())
      .addColumn('certificate', T.text)
      .addColumn('recorded_at', T.time, (c) => c.notNull())
      .addColumn('recorded_by', T.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('calibrations_eq_idx').on('calibrations').columns(['equipment_id', 'performed_at']).execute();

    // The OEE read path finds the operations run on a piece of equipment (ideal cycle time) and their reports
    // (operator counts); the execution tables had no index for either question.
    await db.schema.createIndex('operations_equipment_idx').ifNotExists().on('operations').columns(['equipment_id', 'started_at']).execute();
    await db.schema.createIndex('operation_reports_operation_idx').ifNotExists().on('operation_reports').columns(['operation_id', 'at']).execute();
  },
});
