import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeStores, freshStore } from '../../../test/support/stores.js';
import { SYSTEM_ACTOR } from '../auth/roles.js';
import { Refusal, violation } from '../errors/violation.js';
import { EventBus } from '../events/event-bus.js';
import { ensureJournalHead, readJournal, verifyJournal, type JournalEvent } from '../journal/journal.repository.js';
import { openStore, type Store, type StoreConfig } from '../store/database.js';
import { migrateToLatest } from '../store/migrator.js';
import { command } from './command.js';
import { CommandRunner, type RunResult } from './command-runner.js';

/** Writes a row and journals it; refuses after writing when asked, so only a savepoint rollback can undo the row. */
const put = command('test.put', async (ctx, i: { key: string; refuse?: boolean }) => {
  await ctx.tx.insertInto('settings').values({ key: i.key, value: 'v' }).execute();
  ctx.record({ action: 'test.put', entity: 'setting', entityId: i.key, data: { key: i.key } });
  if (i.refuse) throw new Refusal([violation('INVALID_TRANSITION', `refused ${i.key} on purpose`)]);
  return i.key;
});

/** Succeeds on its own but leaves a deferred foreign key dangling: the batch's COMMIT is what fails. */
const dangle = command('test.dangle', async (ctx) => {
  await sql`insert into gc_probe (id, parent) values (1, 999)`.execute(ctx.tx);
  ctx.record({ action: 'test.dangle', entity: 'probe', entityId: '1', data: {} });
  return 'dangling';
});

/** Locks one settings row, waits at the gate, then locks another: two of these crosswise make a lock cycle. */
function crosswise(first: string, second: string, atGate: () => Promise<void>) {
  let runs = 0;
  const cmd = command('test.crosswise', async (ctx) => {
    runs += 1;
    await ctx.tx.updateTable('settings').set({ value: `by ${first}` }).where('key', '=', first).execute();
    if (runs === 1) await atGate();
    await ctx.tx.updateTable('settings').set({ value: `by ${first}` }).where('key', '=', second).execute();
    ctx.record({ action: 'test.crosswise', entity: 'setting', entityId: first, data: {} });
    return runs;
  });
  return cmd;
}

const actor = { actor: SYSTEM_ACTOR };

describeStores('command runner with group commit', (dialect) => {
  let config: StoreConfig;
  let release: () => Promise<void>;
  let store: Store;
  let bus: EventBus;
  /** Whether a row is visible to another connection, i.e. committed. */
  let committed: (key: string) => Promise<boolean>;
  let closeProbe: () => Promise<void>;
  let transactions: number;

  // One batch at a time, so the order of the queue is the order of the journal.
  const runner = (maxBatch: number) => new CommandRunner(store, bus, { groupCommit: true, maxBatch, parallelBatches: 1 });

  beforeEach(async () => {
    if (dialect === 'sqlite') {
      // A file, not :memory:, so a second connection can tell committed rows from a transaction's own.
      const dir = mkdtempSync(join(tmpdir(), 'takt-runner-'));
      config = { dialect: 'sqlite', file: join(dir, 'takt.db') };
      release = async () => rmSync(dir, { recursive: true, force: true });
    } else {
      ({ config, release } = await freshStore(dialect));
    }
    store = openStore(config);
    await migrateToLatest(store);
    await ensureJournalHead(store.db);
    await sql`create table gc_probe (id integer primary key, parent integer references gc_probe (id) deferrable initially deferred)`.execute(store.db);
    bus = new EventBus();
    const db = store.db;
    const begin = db.transaction.bind(db);
    transactions = 0;
    db.transaction = () => ((transactions += 1), begin());
    if (config.dialect === 'sqlite') {
      const other = new BetterSqlite3(config.file, { readonly: true });
      const q = other.prepare<[string], { n: number }>('select count(*) as n from settings where key = ?');
      committed = async (key) => (q.get(key)?.n ?? 0) === 1;
      closeProbe = async () => void other.close();
    } else {
      const other = new pg.Client({ connectionString: config.url, options: `-c search_path=${config.schema ?? 'public'}` });
      await other.connect();
      let last: Promise<unknown> = Promise.resolve();
      // One query at a time on the probe's connection.
      committed = (key) => {
        const asked = last.then(async () => (await other.query('select 1 from settings where key = $1', [key])).rowCount === 1);
        last = asked;
        return asked;
      };
      closeProbe = () => other.end();
    }
  });

  afterEach(async () => {
    await closeProbe();
    await store.close();
    await release();
  });

  it('runs concurrent commands in shared transactions: refused ones write nothing, accepted ones are durable and journaled in order', async () => {
    const published: { event: JournalEvent; committed: Promise<boolean> }[] = [];
    // Asked at the moment of publishing: another connection must already see the row.
    bus.subscribe((event) => published.push({ event, committed: committed(event.entityId) }));
    const r = runner(16);
    const inputs = Array.from({ length: 60 }, (_, i) => ({ key: `k-${String(i).padStart(2, '0')}`, refuse: i % 3 === 1 }));
    const outcomes = await Promise.allSettled(inputs.map((input) => r.run(put, input, actor)));

    expect(transactions).toBeLessThan(inputs.length / 2);
    const accepted = inputs.filter((i) => !i.refuse).map((i) => i.key);
    outcomes.forEach((o, i) => {
      if (inputs[i]?.refuse) {
        expect(o.status).toBe('rejected');
        expect(o.status === 'rejected' && o.reason instanceof Refusal && o.reason.violations[0]?.code).toBe('INVALID_TRANSITION');
      } else {
        expect(o.status === 'fulfilled' && (o.value as RunResult<string>).kind).toBe('applied');
      }
    });
    const rows = await store.db.selectFrom('settings').select('key').where('key', 'like', 'k-%').orderBy('key').execute();
    expect(rows.map((x) => x.key)).toEqual(accepted);

    const journal = await readJournal(store.db, {});
    expect(journal.map((e) => e.entityId)).toEqual(accepted);
    expect(journal.map((e) => e.seq)).toEqual(accepted.map((_, i) => i + 1));
    expect(await verifyJournal(store.db)).toEqual({ ok: true, events: accepted.length });

    expect(published.map((p) => p.event.seq)).toEqual(journal.map((e) => e.seq));
    expect(await Promise.all(published.map((p) => p.committed))).toEqual(accepted.map(() => true));
    // Each command answers with its own events, exactly those the journal holds.
    const answered = outcomes.flatMap((o) => (o.status === 'fulfilled' && o.value.kind === 'applied' ? o.value.events : []));
    expect(answered.map((e) => e.hash)).toEqual(journal.map((e) => e.hash));

    // Durable: a new store on the same database finds every accepted row and the same chain.
    await store.close();
    store = openStore(config);
    expect((await store.db.selectFrom('settings').select('key').where('key', 'like', 'k-%').orderBy('key').execute()).map((x) => x.key)).toEqual(accepted);
    expect(await verifyJournal(store.db)).toEqual({ ok: true, events: accepted.length });
  });

  it('runs a batch whose commands all succeed once, in one transaction; a batch with a refused command runs again with a savepoint each, the others applied once', async () => {
    let runs = 0;
    const counted = command('test.counted', async (ctx, i: { key: string; refuse?: boolean }) => ((runs += 1), put.run(ctx, i)));
    const r = runner(16);
    await Promise.all(Array.from({ length: 8 }, (_, i) => r.run(counted, { key: `ok-${i}` }, actor)));
    expect([transactions, runs]).toEqual([1, 8]);

    [transactions, runs] = [0, 0];
    const inputs = Array.from({ length: 8 }, (_, i) => ({ key: `mixed-${i}`, refuse: i === 3 }));
    const outcomes = await Promise.allSettled(inputs.map((input) => r.run(counted, input, actor)));
    // The first transaction ran the commands up to the refused one and was rolled back; the second ran all eight.
    expect([transactions, runs]).toEqual([2, 4 + 8]);
    expect(outcomes.map((o) => o.status)).toEqual(inputs.map((i) => (i.refuse ? 'rejected' : 'fulfilled')));
    const accepted = inputs.filter((i) => !i.refuse).map((i) => i.key);
    expect((await store.db.selectFrom('settings').select('key').where('key', 'like', 'mixed-%').orderBy('key').execute()).map((x) => x.key)).toEqual(accepted);
    expect((await readJournal(store.db, {})).map((e) => e.entityId).filter((k) => k.startsWith('mixed-'))).toEqual(accepted);
    expect(await verifyJournal(store.db)).toEqual({ ok: true, events: 8 + accepted.length });
  });

  it('answers every command of a batch with an error when its commit fails, none as done, and publishes nothing', async () => {
    const published: JournalEvent[] = [];
    bus.subscribe((e) => published.push(e));
    const r = runner(64);
    await r.run(put, { key: 'before' }, actor);
    published.length = 0;
    const head = await store.db.selectFrom('journal_head').selectAll().executeTakeFirstOrThrow();

    const runs: Promise<RunResult<string>>[] = [
      ...Array.from({ length: 5 }, (_, i) => r.run(put, { key: `a-${i}` }, actor)),
      r.run(put, { key: 'refused', refuse: true }, actor),
      r.run(dangle, {}, actor),
      ...Array.from({ length: 5 }, (_, i) => r.run(put, { key: `b-${i}` }, actor)),
    ];
    const outcomes = await Promise.allSettled(runs);

    expect(outcomes.map((o) => o.status)).toEqual(runs.map(() => 'rejected'));
    const reasons = outcomes.map((o) => (o.status === 'rejected' ? o.reason : undefined));
    expect(reasons.filter((e) => e instanceof Refusal)).toHaveLength(1);
    expect(reasons[5]).toBeInstanceOf(Refusal);
    expect(published).toEqual([]);
    expect(await store.db.selectFrom('settings').select('key').where('key', '<>', 'before').execute()).toEqual([]);
    expect((await sql`select id from gc_probe`.execute(store.db)).rows).toEqual([]);
    expect(await store.db.selectFrom('journal_head').selectAll().executeTakeFirstOrThrow()).toEqual(head);
    expect(await verifyJournal(store.db)).toEqual({ ok: true, events: 1 });

    // The runner goes on: the next batch commits and chains on the last durable event.
    const after = await r.run(put, { key: 'after' }, actor);
    expect(after.kind === 'applied' && after.events.map((e) => [e.seq, e.prevHash])).toEqual([[2, head.hash]]);
    expect(published.map((e) => e.entityId)).toEqual(['after']);
    expect(await verifyJournal(store.db)).toEqual({ ok: true, events: 2 });
  });

  it.skipIf(dialect === 'sqlite')('keeps every command all-or-nothing and the chain whole with parallel batches', async () => {
    const published: JournalEvent[] = [];
    bus.subscribe((e) => published.push(e));
    const r = new CommandRunner(store, bus, { groupCommit: true, parallelBatches: 4 });
    const inputs = Array.from({ length: 40 }, (_, i) => ({ key: `p-${String(i).padStart(2, '0')}`, refuse: i % 4 === 3 }));
    const outcomes = await Promise.allSettled(inputs.map((input) => r.run(put, input, actor)));
    expect(transactions).toBeGreaterThan(1);
    const accepted = inputs.filter((i) => !i.refuse).map((i) => i.key);
    expect(outcomes.map((o) => o.status)).toEqual(inputs.map((i) => (i.refuse ? 'rejected' : 'fulfilled')));
    expect((await store.db.selectFrom('settings').select('key').orderBy('key').execute()).map((x) => x.key)).toEqual(accepted);
    const journal = await readJournal(store.db, {});
    expect(journal.map((e) => e.entityId).sort()).toEqual(accepted);
    expect(published.map((e) => e.seq)).toEqual(journal.map((e) => e.seq));
    expect(await verifyJournal(store.db)).toEqual({ ok: true, events: accepted.length });
  });

  it.skipIf(dialect === 'sqlite')('runs a command that lost a deadlock between parallel batches again in a later batch', async () => {
    await store.db.insertInto('settings').values([{ key: 'x', value: '' }, { key: 'y', value: '' }]).execute();
    let arrived = 0;
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // Both hold their first row before either asks for its second: PostgreSQL must abort one of them.
    const atGate = async () => {
      arrived += 1;
      if (arrived === 2) open();
      await gate;
    };
    const r = new CommandRunner(store, bus, { groupCommit: true, parallelBatches: 2 });
    const a = r.run(crosswise('x', 'y', atGate), {}, actor);
    await expect.poll(() => arrived).toBe(1);
    const b = r.run(crosswise('y', 'x', atGate), {}, actor);
    const [ra, rb] = await Promise.all([a, b]);
    // One ran once, the deadlock's victim twice; both are applied and journaled, the chain intact.
    expect([ra.kind === 'applied' && ra.result, rb.kind === 'applied' && rb.result].sort()).toEqual([1, 2]);
    expect((await readJournal(store.db, {})).map((e) => e.entityId).sort()).toEqual(['x', 'y']);
    expect(await verifyJournal(store.db)).toEqual({ ok: true, events: 2 });
  });

  it('fails queued commands when the store cannot begin a transaction, instead of keeping them waiting', async () => {
    const r = runner(64);
    await store.close();
    const outcomes = await Promise.allSettled([r.run(put, { key: 'x' }, actor), r.run(put, { key: 'y' }, actor)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    store = openStore(config);
  });
});
