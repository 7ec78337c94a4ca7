import { CompiledQuery, type Compilable, type Kysely, type QueryResult, type Transaction } from 'kysely';
import type { StoreRead } from './read-together.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Stands in for the i-th argument while a precompiled query is built; compiled, it is that parameter's slot. */
class Slot {
  constructor(readonly index: number) {}
}

interface Template {
  readonly sql: string;
  /** The compiled parameters: a Slot where an argument goes, any other value as the builder left it. */
  readonly parameters: readonly unknown[];
}

/**
 * A query that Kysely builds and compiles once per store, then runs with each call's arguments: building the
 * operation tree and compiling it on every execution cost about as much CPU as running the statement on SQLite.
 * `build` is written as an ordinary Kysely query whose extra parameters are the values (typed as usual); while it is
 * built they are placeholders, so they may only stand where a value goes (a comparison's right side, a value to set
 * or insert), never steer the building (no `if`, no string made from them); one the query leaves out is simply
 * not bound. The first call throws when a placeholder ended up in the SQL text instead of a bound parameter.
 */
export function precompiled<A extends unknown[], R>(build: (db: Kysely<Database>, ...args: A) => Compilable<R>): Precompiled<A, R> {
  const { run, compile } = templated<R>((db, slot) => build(db, ...(Array.from({ length: build.length - 1 }, (_, i) => slot(i)) as A)));
  return Object.assign((db: Db, ...args: A) => run(db, args), {
    read: (...args: A): StoreRead<R[]> => ({ compile: (db: Db) => compile(db, args), decode: (rows) => rows as R[] }),
  });
}

/** A precompiled query: run it with its arguments, or take it as a read to run with others (`readTogether`). */
export type Precompiled<A extends unknown[], R> = ((db: Db, ...args: A) => Promise<QueryResult<R>>) & { readonly read: (...args: A) => StoreRead<R[]> };

/**
 * The same for a query whose shape is fixed but whose values are many (a multi-row INSERT of n rows): `slot(i)`
 * stands for `args[i]`.
 */
export function precompiledWithSlots<R>(build: (db: Kysely<Database>, slot: <T>(index: number) => T) => Compilable<R>): (db: Db, args: readonly unknown[]) => Promise<QueryResult<R>> {
  return templated(build).run;
}

function templated<R>(build: (db: Kysely<Database>, slot: <T>(index: number) => T) => Compilable<R>): {
  run: (db: Db, args: readonly unknown[]) => Promise<QueryResult<R>>;
  compile: (db: Db, args: readonly unknown[]) => CompiledQuery<R>;
} {
  // One per store (its adapter): the two dialects compile to different SQL.
  const templates = new WeakMap<object, Template>();
  const template = (db: Db): Template => {
    const adapter = db.getExecutor().adapter;
    const known = templates.get(adapter);
    if (known) return known;
    const compiled = build(db, <T>(i: number) => new Slot(i) as unknown as T).compile();
    if (compiled.sql.includes('[object Object]')) throw new Error(`precompiled query: an argument must be a bound value (${compiled.sql})`);
    const made = { sql: compiled.sql, parameters: compiled.parameters };
    templates.set(adapter, made);
    return made;
  };
  const compile = (db: Db, args: readonly unknown[]): CompiledQuery<R> => {
    const t = template(db);
    return CompiledQuery.raw(t.sql, t.parameters.map((p) => (p instanceof Slot ? args[p.index] : p))) as CompiledQuery<R>;
  };
  return { compile, run: async (db, args) => db.executeQuery(compile(db, args)) };
}
