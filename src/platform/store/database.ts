import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type SqliteDatabase, type DatabaseIntrospector, type DatabaseMetadata, type SchemaMetadata, type TableMetadata } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { WalFlush } from './wal-flush.js';

export type Dialect = 'sqlite' | 'postgres';

export type StoreConfig =
  | { readonly dialect: 'sqlite'; readonly file: string }
  | { readonly dialect: 'postgres'; readonly url: string; readonly schema?: string; readonly poolSize?: number };

/** An open store: the query builder over one of the two dialects. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /**
   * Resolves once every transaction committed so far is on disk. PostgreSQL's COMMIT returns only then, so it is
   * already; SQLite flushes its log after the commit, off the event loop (see WalFlush).
   */
  durable(): Promise<void>;
  close(): Promise<void>;
}

// pg answers int8 (bigint) and numeric as strings; Takt keeps epoch-ms times and counts below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * Introspection of the connection's own schema only. Kysely's default walks every schema of the database: its
 * migrator then took migration tables of another schema (a second Takt, a parallel test) for ours and failed
 * reading them, and a schema dropped meanwhile made the walk itself fail. Tables only, no columns: Takt and the
 * migrator ask no more.
 */
class OwnSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select current_schema() as name`.execute(this.db);
    return rows.filter((r) => r.name !== null);
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; kind: string }>`
      select c.relname as name, n.nspname as schema, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm')
      order by c.relname`.execute(this.db);
    return rows.map((r) => ({ name: r.name, schema: r.schema, isView: r.kind === 'v' || r.kind === 'm', columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

class OwnSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new OwnSchemaIntrospector(db);
  }
}

/** How many prepared SQLite statements are kept, by SQL text (least recently used forgotten first). */
const STATEMENT_CACHE_SIZE = 512;

/**
 * The database as Kysely's SQLite driver sees it, with its prepared statements kept by SQL text: the driver
 * prepares every query anew, which cost as much CPU as running it. A statement still iterating (a streamed query)
 * is busy and cannot be shared, so that caller gets a fresh one. SQLite re-prepares a kept statement by itself when
 * the schema changed since. With `onCommit`, it is called right after a statement ended a transaction (COMMIT,
 * ROLLBACK) or wrote outside one (committing by itself).
 */
export function cachingStatements(database: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE, onCommit?: () => void): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  const watched = (s: BetterSqlite3.Statement): BetterSqlite3.Statement => (onCommit ? watchCommits(database, s, onCommit) : s);
  return {
    prepare(text: string) {
      const hit = kept.get(text);
      if (hit && !hit.busy) {
        kept.delete(text);
        kept.set(text, hit);
        return hit;
      }
      const statement = watched(database.prepare(text));
      if (!hit) {
        if (kept.size >= size) kept.delete(kept.keys().next().value as string);
        kept.set(text, statement);
      }
      return statement;
    },
    close() {
      kept.clear();
      database.close();
    },
  };
}

/**
 * Whether a statement wrote since the last commit was told, per connection: a transaction that only read (a trace's
 * snapshot) ends with nothing to flush, and must not make every answer wait for a flush of its own.
 */
const unflushed = new WeakMap<BetterSqlite3.Database, boolean>();

/**
 * The statement, telling `onCommit` when a run of it ended a transaction that wrote, or wrote outside one. BEGIN,
 * COMMIT, ROLLBACK and savepoints count as read-only (sqlite3_stmt_readonly), so only real writes mark the connection.
 */
function watchCommits(database: BetterSqlite3.Database, s: BetterSqlite3.Statement, onCommit: () => void): BetterSqlite3.Statement {
  const after = (wasInTransaction: boolean) => {
    if (!s.readonly) unflushed.set(database, true);
    if (!database.inTransaction && (wasInTransaction || !s.readonly) && unflushed.get(database) === true) {
      unflushed.set(database, false);
      onCommit();
    }
  };
  const watchedStatement = {
    get reader() { return s.reader; },
    get readonly() { return s.readonly; },
    get busy() { return s.busy; },
    // Kysely's driver passes the parameters as one array.
    run: (parameters: readonly unknown[]) => {
      const was = database.inTransaction;
      const r = s.run(parameters);
      after(was);
      return r;
    },
    all: (parameters: readonly unknown[]) => {
      const was = database.inTransaction;
      const r = s.all(parameters);
      after(was);
      return r;
    },
    iterate: (parameters: readonly unknown[]) => s.iterate(parameters),
  };
  return watchedStatement as unknown as BetterSqlite3.Statement;
}

/** How many distinct SQL texts get a prepared statement of their own on each PostgreSQL connection. */
const PREPARED_NAMES = 1000;

/**
 * Makes each pool connection prepare a statement once per SQL text and then only bind and execute it, as a client
 * with prepared statements does: Kysely's driver sends every query unnamed, so the server parsed and planned it
 * again every time. Only statements with parameters are named (a text without any, such as BEGIN or a savepoint
 * list, may hold several statements, which a prepared statement cannot); past the cap a text is sent unnamed. The
 * schema changes only in migrations at start, before commands run; a statement prepared before a change of its
 * tables' columns would fail ("cached plan must not change result type").
 */
export function preparingStatements(pool: pg.Pool, cap = PREPARED_NAMES): pg.Pool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    const known = names.get(text);
    if (known !== undefined || names.size >= cap) return known;
    const name = `takt_${names.size}`;
    names.set(text, name);
    return name;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((text: unknown, values?: unknown, ...rest: unknown[]) => {
      const name = typeof text === 'string' && Array.isArray(values) && values.length > 0 && rest.length === 0 ? nameOf(text) : undefined;
      return name === undefined ? query(text, values, ...rest) : query({ name, text, values });
    }) as typeof client.query;
  });
  return pool;
}

/**
 * Opens a store. SQLite: the file (and its folder) is created, WAL journal; each commit's log is flushed off the
 * event loop (synchronous=NORMAL and WalFlush) and `durable()` waits for it, so an acknowledged commit survives a power
 * cut; a store that is not in WAL mode (in memory) keeps synchronous=FULL. PostgreSQL: a pool, optionally pinned to
 * one schema.
 */
export function openStore(config: StoreConfig): Store {
  if (config.dialect === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
    const database = new BetterSqlite3(config.file);
    const wal = database.pragma('journal_mode = WAL', { simple: true }) === 'wal';
    const flush = wal ? new WalFlush(`${config.file}-wal`) : undefined;
    database.pragma(flush ? 'synchronous = NORMAL' : 'synchronous = FULL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(database, STATEMENT_CACHE_SIZE, flush && (() => flush.committed())) }) });
    return {
      db, dialect: 'sqlite',
      durable: () => flush?.durable() ?? Promise.resolve(),
      close: async () => {
        await flush?.close();
        await db.destroy();
      },
    };
  }
  const pool = preparingStatements(new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  }));
  const db = new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
  return { db, dialect: 'postgres', durable: () => Promise.resolve(), close: () => db.destroy() };
}

/**
 * True when the query builder (or a transaction of it) runs on PostgreSQL: for the few statements written per dialect
 * in repositories, which see the builder and not the store.
 */
export function onPostgres(db: Pick<Kysely<Database>, 'getExecutor'>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Creates a PostgreSQL schema if missing (tests give each file its own). */
export async function createSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } finally {
    await db.destroy();
  }
}

/** Drops a PostgreSQL schema with everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
  try {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
  } finally {
    await db.destroy();
  }
}

/** True when the error is a unique-constraint violation on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; message?: unknown };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
