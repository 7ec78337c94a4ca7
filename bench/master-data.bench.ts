/**
 * Master-data write throughput: one PUT of a piece of equipment through the command pipeline (runner.run and
 * HTTP inject), against the same row writes through the raw driver, one transaction per write, on both dialects.
 *
 *   npx tsx bench/master-data.bench.ts [sqlite] [postgres] [--n 1000] [--rounds 5]
 *
 * Both kinds of writes go to the same fresh store: an SQLite file in a temp dir, or on PostgreSQL
 * (TAKT_BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) a fresh schema dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { createTakt, type Takt } from '../src/main.js';
import { SYSTEM_ACTOR } from '../src/platform/auth/roles.js';
import { canonicalJson } from '../src/platform/journal/canonical-json.js';
import { eventHash } from '../src/platform/journal/journal-hash.js';
import { createSchema, dropSchema, type Dialect } from '../src/platform/store/database.js';
import { putNode, putPerson } from '../src/modules/resources/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { n: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '5' }, warmup: { type: 'string', default: '50' } },
});
const N = Number(values.n);
const ROUNDS = Number(values.rounds);
const WARMUP = Number(values.warmup);
const DIALECTS = (positionals.length > 0 ? positionals : ['sqlite', 'postgres']) as Dialect[];
const PG_URL = process.env.TAKT_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** One write: `i` makes the id unique (every write creates a new piece of equipment). */
type Write = (i: number) => Promise<void>;

interface Variant { readonly key: string; readonly label: string; readonly write: Write }

/** The row the pipeline writes for `PUT /equipment/{id}` under work center wc-1 (site s-1, area a-1). */
function equipmentRow(id: string, now: number): unknown[] {
  return [id, 'equipment', `Press ${id}`, 'wc-1', 's-1', 'wc-1', null, 2.5, 1, now, now];
}
const INSERT_ROW = 'insert into hierarchy (id, level, name, parent_id, site_id, work_center_id, time_zone, ideal_cycle_time_sec, available, created_at, updated_at) values';

/**
 * A journal event for the raw baseline, chained and hashed the way the journal does it: the raw writes go to the
 * same store as the pipeline's, and its chain stays verifiable.
 */
function journalEvent(seq: number, prevHash: string, id: string, now: number) {
  const data = canonicalJson({ changes: { name: { before: null, after: `Press ${id}` } } });
  const e = { seq, at: now, actor: 'bench', action: 'equipment.created', entity: 'equipment', entityId: id, data, reason: null, prevHash };
  return { ...e, hash: eventHash(e) };
}

async function seedHierarchy(takt: Takt): Promise<void> {
  const actor = { actor: SYSTEM_ACTOR };
  await takt.runner.run(putNode, { level: 'site', id: 's-1', name: 'Plant', parentId: null }, actor);
  await takt.runner.run(putNode, { level: 'area', id: 'a-1', name: 'Pressing', parentId: 's-1' }, actor);
  await takt.runner.run(putNode, { level: 'work_center', id: 'wc-1', name: 'Press line', parentId: 'a-1' }, actor);
}

/** The pipeline variants over a running Takt: runner.run(putNode) and PUT through app.inject with a bearer token. */
async function pipelineVariants(takt: Takt): Promise<Variant[]> {
  await seedHierarchy(takt);
  await takt.runner.run(putPerson, { id: 'bench-engineer', name: 'Bench', roles: ['engineer'], password: 'bench-pass-1' }, { actor: SYSTEM_ACTOR });
  const { token } = await takt.tokens.issue('bench-engineer', 0);
  return [
    {
      key: 'runner', label: 'command pipeline: runner.run(putNode)',
      write: async (i) => {
        await takt.runner.run(putNode, { level: 'equipment', id: `r-${i}`, name: `Press r-${i}`, parentId: 'wc-1', idealCycleTimeSec: 2.5 }, { actor: SYSTEM_ACTOR });
      },
    },
    {
      key: 'http', label: 'HTTP: inject PUT /api/v1/equipment/:id',
      write: async (i) => {
        const res = await takt.app.inject({
          method: 'PUT', url: `/api/v1/equipment/h-${i}`, headers: { authorization: `Bearer ${token}` },
          payload: { name: `Press h-${i}`, parentId: 'wc-1', idealCycleTimeSec: 2.5 },
        });
        if (res.statusCode !== 200) throw new Error(`PUT answered ${res.statusCode}: ${res.body}`);
      },
    },
  ];
}

function sqliteRawVariants(file: string): { variants: Variant[]; close: () => void } {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const insertRow = db.prepare(`${INSERT_ROW} (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const head = db.prepare<[], { seq: number; hash: string }>('select seq, hash from journal_head where id = 1');
  const insertEvent = db.prepare('insert into journal (seq, at, actor, action, entity, entity_id, data, reason, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const moveHead = db.prepare('update journal_head set seq = ?, hash = ? where id = 1');
  const rowOnly = db.transaction((id: string) => insertRow.run(...equipmentRow(id, Date.now())));
  const rowAndJournal = db.transaction((id: string) => {
    const now = Date.now();
    insertRow.run(...equipmentRow(id, now));
    const h = head.get();
    if (!h) throw new Error('no journal head');
    const e = journalEvent(h.seq + 1, h.hash, id, now);
    insertEvent.run(e.seq, e.at, e.actor, e.action, e.entity, e.entityId, e.data, e.reason, e.prevHash, e.hash);
    moveHead.run(e.seq, e.hash);
  });
  return {
    variants: [
      { key: 'rawRow', label: 'raw better-sqlite3: the row, one transaction', write: async (i) => void rowOnly(`w-${i}`) },
      { key: 'rawRowJournal', label: 'raw better-sqlite3: row + journal event + head', write: async (i) => void rowAndJournal(`j-${i}`) },
    ],
    close: () => db.close(),
  };
}

async function pgRawVariants(url: string, schema: string): Promise<{ variants: Variant[]; close: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  const values = '($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)';
  const tx = async (body: () => Promise<void>): Promise<void> => {
    await client.query('begin');
    try {
      await body();
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  };
  return {
    variants: [
      {
        key: 'rawRow', label: 'raw pg client: the row, one transaction',
        write: (i) => tx(async () => void (await client.query({ name: 'row', text: `${INSERT_ROW} ${values}`, values: equipmentRow(`w-${i}`, Date.now()) }))),
      },
      {
        key: 'rawRowJournal', label: 'raw pg client: row + journal event + head',
        write: (i) => tx(async () => {
          const now = Date.now();
          await client.query({ name: 'row', text: `${INSERT_ROW} ${values}`, values: equipmentRow(`j-${i}`, now) });
          const h = await client.query<{ seq: number; hash: string }>({ name: 'head', text: 'update journal_head set seq = seq + 1 where id = 1 returning seq, hash' });
          const head = h.rows[0];
          if (!head) throw new Error('no journal head');
          const e = journalEvent(Number(head.seq), head.hash, `j-${i}`, now);
          await client.query({
            name: 'event', text: 'insert into journal (seq, at, actor, action, entity, entity_id, data, reason, prev_hash, hash) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
            values: [e.seq, e.at, e.actor, e.action, e.entity, e.entityId, e.data, e.reason, e.prevHash, e.hash],
          });
          await client.query({ name: 'move', text: 'update journal_head set hash = $1 where id = 1', values: [e.hash] });
        }),
      },
    ],
    close: () => client.end(),
  };
}

interface Measured { opsPerSec: number; p50Ms: number; p99Ms: number }

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** Runs the variants interleaved in rounds (so drift of the machine spreads over all of them), N writes each. */
async function measure(variants: readonly Variant[]): Promise<Record<string, Measured>> {
  const samples = new Map<string, number[]>(variants.map((v) => [v.key, []]));
  let next = 0;
  for (const v of variants) for (let i = 0; i < WARMUP; i++) await v.write(next++);
  const perRound = Math.ceil(N / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    for (const v of variants) {
      const into = samples.get(v.key) ?? [];
      for (let i = 0; i < perRound && into.length < N; i++) {
        const t0 = performance.now();
        await v.write(next++);
        into.push(performance.now() - t0);
      }
    }
  }
  const out: Record<string, Measured> = {};
  for (const v of variants) {
    const s = [...(samples.get(v.key) ?? [])].sort((a, b) => a - b);
    const total = s.reduce((a, b) => a + b, 0);
    out[v.key] = { opsPerSec: (s.length * 1000) / total, p50Ms: quantile(s, 0.5), p99Ms: quantile(s, 0.99) };
  }
  return out;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function report(dialect: Dialect, setup: string, variants: readonly Variant[], results: Record<string, Measured>): void {
  console.log(`\nmaster-data: ${dialect} (${setup}), ${N} writes per variant, ${ROUNDS} interleaved rounds`);
  for (const v of variants) {
    const r = results[v.key];
    if (r) console.log(`  ${v.label.padEnd(50)} ${r.opsPerSec.toFixed(0).padStart(7)} writes/s   p50 ${r.p50Ms.toFixed(2)} ms   p99 ${r.p99Ms.toFixed(2)} ms`);
  }
  const ops = (k: string): number => results[k]?.opsPerSec ?? NaN;
  // Cost ratio: how many times longer a write takes than the raw baseline (1 = no overhead).
  const ratio = {
    runnerVsRawRow: round2(ops('rawRow') / ops('runner')),
    httpVsRawRow: round2(ops('rawRow') / ops('http')),
    runnerVsRawRowJournal: round2(ops('rawRowJournal') / ops('runner')),
    httpVsRawRowJournal: round2(ops('rawRowJournal') / ops('http')),
  };
  console.log(`  cost per write vs raw row: runner ${ratio.runnerVsRawRow}x, HTTP ${ratio.httpVsRawRow}x; vs raw row + journal: runner ${ratio.runnerVsRawRowJournal}x, HTTP ${ratio.httpVsRawRowJournal}x`);
  const figures = Object.fromEntries(Object.entries(results).map(([k, r]) => [k, { opsPerSec: Math.round(r.opsPerSec), p50Ms: round2(r.p50Ms), p99Ms: round2(r.p99Ms) }]));
  console.log(JSON.stringify({ bench: 'master-data', dialect, setup, n: N, rounds: ROUNDS, results: figures, costRatio: ratio, node: process.version, cpus: availableParallelism() }));
}

async function benchSqlite(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'takt-bench-'));
  try {
    const file = join(dir, 'takt.sqlite');
    const takt = await createTakt({ store: { dialect: 'sqlite', file }, adminPassword: 'bench-admin-1' });
    const pipeline = await pipelineVariants(takt);
    const raw = sqliteRawVariants(file);
    try {
      const variants = [...pipeline, ...raw.variants];
      report('sqlite', 'file in a temp dir, WAL; Takt flushes its log after the commit, the raw driver with synchronous=FULL', variants, await measure(variants));
    } finally {
      raw.close();
      await takt.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function reachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function benchPostgres(): Promise<void> {
  const unreachable = await reachable(PG_URL);
  if (unreachable) {
    console.log(`\nmaster-data: postgres SKIPPED (${PG_URL} unreachable: ${unreachable})`);
    return;
  }
  const suffix = randomBytes(4).toString('hex');
  const schema = `bench_${suffix}`;
  await createSchema(PG_URL, schema);
  try {
    const takt = await createTakt({ store: { dialect: 'postgres', url: PG_URL, schema }, adminPassword: 'bench-admin-1' });
    const pipeline = await pipelineVariants(takt);
    const raw = await pgRawVariants(PG_URL, schema);
    try {
      const variants = [...pipeline, ...raw.variants];
      report('postgres', `${new URL(PG_URL).host}, fresh schema, one client`, variants, await measure(variants));
    } finally {
      await raw.close();
      await takt.close();
    }
  } finally {
    await dropSchema(PG_URL, schema);
  }
}

for (const dialect of DIALECTS) {
  if (dialect === 'sqlite') await benchSqlite();
  else if (dialect === 'postgres') await benchPostgres();
  else throw new Error(`unknown dialect ${String(dialect)}: sqlite or postgres`);
}
