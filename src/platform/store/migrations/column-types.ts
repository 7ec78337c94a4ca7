import type { ColumnDefinitionBuilder } from 'kysely';
import type { Dialect } from '../database.js';

/** Column types shared by both dialects: epoch-ms times, double quantities, 0/1 flags. */
export const T = {
  time: 'bigint',
  qty: 'double precision',
  flag: 'integer',
  text: 'text',
  int: 'integer',
} as const;

/** The type of an auto-generated integer key: INTEGER AUTOINCREMENT on SQLite, BIGSERIAL on PostgreSQL. */
export function serialType(dialect: Dialect): 'integer' | 'bigserial' {
  return dialect === 'sqlite' ? 'integer' : 'bigserial';
}

/** The column definition of an auto-generated integer primary key. */
export function serialKey(dialect: Dialect): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return dialect === 'sqlite' ? (c) => c.primaryKey().autoIncrement() : (c) => c.primaryKey();
}
