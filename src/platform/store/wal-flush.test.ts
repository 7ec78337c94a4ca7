import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../auth/roles.js';
import { command } from '../commands/command.js';
import { CommandRunner } from '../commands/command-runner.js';
import { EventBus } from '../events/event-bus.js';
import { ensureJournalHead } from '../journal/journal.repository.js';
import { cachingStatements, openStore, type Store } from './database.js';
import { migrateToLatest } from './migrator.js';
import { WalFlush } from './wal-flush.js';

const put = command('test.put', async (ctx, key: string) => {
  await ctx.tx.insertInto('settings').values({ key, value: 'v' }).execute();
  ctx.record({ action: 'test.put', entity: 'setting', entityId: key, data: {} });
  return key;
});

describe('SQLite log flush after commit', () => {
  const dirs: string[] = [];
  const stores: Store[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'takt-wal-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('tells when a statement ended a transaction or wrote outside one, and only then', () => {
    const raw = new BetterSqlite3(':memory:');
    let commits = 0;
    const db = cachingStatements(raw, 16, () => void (commits += 1));
    const run = (text: string) => db.prepare(text).run([]);
    run('create table t (id integer primary key)');
    expect(commits).toBe(1);
    run('begin');
    run('insert into t values (1)');
    expect(db.prepare('select id from t').all([])).toEqual([{ id: 1 }]);
    expect(commits).toBe(1);
    run('commit');
    expect(commits).toBe(2);
    run('insert into t values (2)');
    expect(commits).toBe(3);
    db.prepare('select count(*) as n from t').all([]);
    expect(commits).toBe(3);
    // A transaction that only read has nothing to flush (a genealogy trace reads in one).
    run('begin');
    expect(db.prepare('select count(*) as n from t').all([])).toEqual([{ n: 2 }]);
    run('commit');
    run('begin');
    run('rollback');
    expect(commits).toBe(3);
    run('begin');
    run('insert into t values (3)');
    run('rollback');
    expect(commits).toBe(4);
    db.close();
  });

  it('flushes the log of a file store off the event loop and says when everything committed is on disk', async () => {
    const store = openStore({ dialect: 'sqlite', file: join(folder(), 'takt.db') });
    stores.push(store);
    await migrateToLatest(store);
    await store.db.insertInto('settings').values({ key: 'k', value: 'v' }).execute();
    await store.durable();
    // The commit itself no longer waits for the disk (NORMAL is 1); durable() does.
    expect((await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db)).rows).toEqual([{ journal_mode: 'wal' }]);
    expect((await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db)).rows).toEqual([{ synchronous: 1 }]);
  });

  it('fails every later durable() once a flush failed, instead of promising what the disk refused', async () => {
    const flush = new WalFlush(join(folder(), 'missing', 'takt.db-wal'));
    await flush.durable();
    flush.committed();
    await expect(flush.durable()).rejects.toThrow();
    flush.committed();
    await expect(flush.durable()).rejects.toThrow();
  });

  it('answers a command only once its commit is durable, with and without group commit', async () => {
    const store = openStore({ dialect: 'sqlite', file: join(folder(), 'takt.db') });
    stores.push(store);
    await migrateToLatest(store);
    await ensureJournalHead(store.db);
    for (const groupCommit of [false, true]) {
      let open: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (open = resolve));
      // The flush is held back from the moment the command ran, so its answer can only come from durable().
      let ran = false;
      const gated: Store = { ...store, durable: () => (ran ? gate : store.durable()) };
      const putThenHold = command('test.put', async (ctx, key: string) => {
        ran = true;
        return put.run(ctx, key);
      });
      const bus = new EventBus();
      const published: string[] = [];
      bus.subscribe((e) => void published.push(e.entityId));
      const runner = new CommandRunner(gated, bus, { groupCommit });
      let answered = false;
      const done = runner.run(putThenHold, `key-${groupCommit}`, { actor: SYSTEM_ACTOR }).then(() => (answered = true));
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(await store.db.selectFrom('settings').select('key').where('key', '=', `key-${groupCommit}`).executeTakeFirst()).toBeDefined();
      expect({ answered, published }).toEqual({ answered: false, published: [] });
      open();
      await done;
      expect(published).toEqual([`key-${groupCommit}`]);
    }
  });
});
