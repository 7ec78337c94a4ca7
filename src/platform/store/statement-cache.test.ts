import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { cachingStatements } from './database.js';

interface Db { t: { id: number; v: string } }

describe('SQLite statement cache', () => {
  let db: Kysely<Db> | undefined;
  afterEach(async () => db?.destroy());

  function open(size?: number): { db: Kysely<Db>; raw: BetterSqlite3.Database } {
    const raw = new BetterSqlite3(':memory:');
    db = new Kysely<Db>({ dialect: new SqliteDialect({ database: cachingStatements(raw, size) }) });
    return { db, raw };
  }

  it('answers a repeated query with the values of each call', async () => {
    const { db } = open();
    await sql`create table t (id integer primary key, v text)`.execute(db);
    for (let i = 1; i <= 5; i++) await db.insertInto('t').values({ id: i, v: `v${i}` }).execute();
    for (let i = 1; i <= 5; i++) expect(await db.selectFrom('t').select('v').where('id', '=', i).executeTakeFirst()).toEqual({ v: `v${i}` });
  });

  it('gives a fresh statement while the kept one is still iterating (a busy statement is not shared)', () => {
    const raw = new BetterSqlite3(':memory:');
    const cache = cachingStatements(raw);
    raw.exec("create table t (id integer primary key, v text); insert into t values (1, 'a'), (2, 'b')");
    const text = 'select v from t order by id';
    const first = cache.prepare(text);
    const seen: string[] = [];
    for (const row of first.iterate([]) as Iterable<{ v: string }>) {
      const again = cache.prepare(text);
      expect(again).not.toBe(first);
      seen.push(`${row.v}:${again.all([]).length}`);
    }
    expect(seen).toEqual(['a:2', 'b:2']);
    expect(cache.prepare(text)).toBe(first);
    cache.close();
  });

  it('follows a schema change made after a statement was kept', async () => {
    const { db } = open();
    await sql`create table t (id integer primary key, v text)`.execute(db);
    await db.insertInto('t').values({ id: 1, v: 'a' }).execute();
    expect(await sql`select * from t`.execute(db).then((r) => r.rows)).toEqual([{ id: 1, v: 'a' }]);
    await sql`alter table t add column w text default 'x'`.execute(db);
    expect(await sql`select * from t`.execute(db).then((r) => r.rows)).toEqual([{ id: 1, v: 'a', w: 'x' }]);
  });

  it('keeps at most its size of statements and still answers forgotten ones', async () => {
    const { db } = open(2);
    await sql`create table t (id integer primary key, v text)`.execute(db);
    await db.insertInto('t').values({ id: 1, v: 'a' }).execute();
    for (let round = 0; round < 2; round++) {
      for (const col of ['id', 'v', 'id, v'] as const) {
        const rows = await sql.raw(`select ${col} from t`).execute(db);
        expect(rows.rows).toHaveLength(1);
      }
    }
  });
});
