import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { onPostgres } from './database.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A read a repository defines: its statement for the store's dialect and what its rows mean. It runs alone
 * (`runRead`) or with other reads that do not depend on each other (`readTogether`).
 */
export interface StoreRead<T> {
  readonly compile: (db: Db) => CompiledQuery<unknown>;
  /** What the rows mean, whichever way they came back (driver rows or JSON with the same keys). */
  readonly decode: (rows: readonly unknown[]) => T;
}

/** The same read with its result turned into another value. */
export function mapRead<T, U>(read: StoreRead<T>, f: (value: T) => U): StoreRead<U> {
  return { compile: read.compile, decode: (rows) => f(read.decode(rows)) };
}

/** Runs one read. */
export async function runRead<T>(db: Db, read: StoreRead<T>): Promise<T> {
  return read.decode((await db.executeQuery(read.compile(db))).rows);
}

type Results<R extends readonly StoreRead<unknown>[]> = { -readonly [K in keyof R]: R[K] extends StoreRead<infer T> ? T : never };

/** `$n` placeholders of a compiled PostgreSQL statement moved up by `offset` (Kysely binds every value; none is inlined). */
function shiftPlaceholders(sql: string, offset: number): string {
  return offset === 0 ? sql : sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
}

/**
 * Runs reads that do not depend on each other, answering their results in order. On PostgreSQL they go as one
 * statement, each read a subquery whose rows come back as one JSON array (`json_agg` keeps the order of a sorted
 * subquery), so a command pays one round trip instead of one a read; a statement sees one snapshot, taken after
 * everything the transaction did before. On SQLite there is no round trip to save: they run one after another.
 * Numbers come back exactly (PostgreSQL writes a double in its shortest exact form), 64-bit integers as numbers,
 * as the store's own int8 parser answers them.
 */
export async function readTogether<R extends readonly StoreRead<unknown>[]>(db: Db, reads: readonly [...R]): Promise<Results<R>> {
  if (reads.length < 2 || !onPostgres(db)) {
    const out: unknown[] = [];
    for (const read of reads) out.push(await runRead(db, read));
    return out as Results<R>;
  }
  const parts: string[] = [];
  const parameters: unknown[] = [];
  reads.forEach((read, i) => {
    const q = read.compile(db);
    parts.push(`(select coalesce(json_agg(t), '[]')::text from (${shiftPlaceholders(q.sql, parameters.length)}) t) as r${i}`);
    parameters.push(...q.parameters);
  });
  const { rows } = await db.executeQuery(CompiledQuery.raw(`select ${parts.join(', ')}`, parameters));
  const row = rows[0] as Record<string, string>;
  return reads.map((read, i) => read.decode(JSON.parse(row[`r${i}`] ?? '[]') as unknown[])) as Results<R>;
}
