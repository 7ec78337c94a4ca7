import type { Kysely } from 'kysely';
import type { TaktMigration } from '../migrator.js';
import { T } from './column-types.js';

/** Journal, idempotency, people and roles, the ISA-95 hierarchy, materials and product revisions. */
export const foundation: TaktMigration = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema.createTable('settings').addColumn('key', T.text, (c) => c.primaryKey()).addColumn('value', T.text, (c) => c.notNull()).execute();

    await db.schema
      .createTable('journal')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('at', T.time, (c) => c.notNull())
      .addColumn('actor', T.text, (c) => c.notNull())
      .addColumn('action', T.text, (c) => c.notNull())
      .addColumn('entity', T.text, (c) => c.notNull())
      .addColumn('entity_id', T.text, (c) => c.notNull())
      .addColumn('data', T.text, (c) => c.notNull())
      .addColumn('reason', T.text)
      .addColumn('prev_hash', T.text, (c) => c.notNull())
      .addColumn('hash', T.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('journal_entity_idx').on('journal').columns(['entity', 'entity_id', 'seq']).execute();
    await db.schema.createIndex('journal_action_idx').on('journal').columns(['action', 'seq']).execute();

    await db.schema
      .createTable('journal_head')
      .addColumn('id', T.int, (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('hash', T.text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('idempotency')
      .addColumn('actor', T.text, (c) => c.notNull())
      .addColumn('key', T.text, (c) => c.notNull())
      .addColumn('request_hash', T.text, (c) => c.notNull())
      .addColumn('status', T.int, (c) => c.notNull())
      .addColumn('response', T.text, (c) => c.notNull())
      .addColumn('created_at', T.time, (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_pk', ['actor', 'key'])
      .execute();

    await db.schema
      .createTable('people')
      .addColumn('id', T.text, (c) => c.primaryKey())
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('password_hash', T.text)
      .addColumn('active', T.flag, (c) => c.notNull().defaultTo(1))
      .addColumn('failed_logins', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('locked', T.flag, (c) => c.notNull().defaultTo(0))
      .addColumn('password_changed_at', T.time)
      .addColumn('token_epoch', T.int, (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', T.time, (c) => c.notNull())
      .addColumn('updated_at', T.time, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('person_roles')
      .addColumn('person_id', T.text, (c) => c.notNull().references('people.id'))
      .addColumn('role', T.text, (c) => c.notNull())
      .addPrimaryKeyConstraint('person_roles_pk', ['person_id', 'role'])
      .execute();
    await db.schema
      .createTable('qualifications')
      .addColumn('person_id', T.text, (c) => c.notNull().references('people.id'))
      .addColumn('code', T.text, (c) => c.notNull())
      .addColumn('valid_until', T.time, (c) => c.notNull())
      .addPrimaryKeyConstraint('qualifications_pk', ['person_id', 'code'])
      .execute();

    await db.schema
      .createTable('hierarchy')
      .addColumn('id', T.text, (c) => c.primaryKey())
      .addColumn('level', T.text, (c) => c.notNull())
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('parent_id', T.text, (c) => c.references('hierarchy.id'))
      .addColumn('site_id', T.text)
      .addColumn('work_center_id', T.text)
      .addColumn('time_zone', T.text)
      .addColumn('ideal_cycle_time_sec', T.qty)
      .addColumn('available', T.flag, (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', T.time, (c) => c.notNull())
      .addColumn('updated_at', T.time, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('hierarchy_parent_idx').on('hierarchy').column('parent_id').execute();

    await db.schema
      .createTable('materials')
      .addColumn('id', T.text, (c) => c.primaryKey())
      .addColumn('name', T.text, (c) => c.notNull())
      .addColumn('uom', T.text, (c) => c.notNull())
      .addColumn('lot_controlled', T.flag, (c) => c.notNull())
      .addColumn('shelf_life_days', T.int)
      .addColumn('created_at', T.time, (c) => c.notNull())
      .addColumn('updated_at', T.time, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('product_revisions')
      .addColumn('material_id', T.text, (c) => c.notNull().references('materials.id'))
      .addColumn('revision', T.int, (c) => c.notNull())
      .addColumn('status', T.text, (c) => c.notNull())
      .addColumn('bom', T.text, (c) => c.notNull())
      .addColumn('routing', T.text, (c) => c.notNull())
      .addColumn('created_at', T.time, (c) => c.notNull())
      .addColumn('created_by', T.text, (c) => c.notNull())
      .addColumn('approved_at', T.time)
      .addColumn('approved_by', T.text)
      .addPrimaryKeyConstraint('product_revisions_pk', ['material_id', 'revision'])
      .execute();
  },
});
