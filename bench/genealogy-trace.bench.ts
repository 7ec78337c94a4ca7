/**
 * Genealogy trace latency: GET /api/v1/lots/{id}/genealogy (HTTP inject, backward and forward) from random lots at
 * every level of a 12-level genealogy of N edges, against one recursive statement through the bare driver (the baseline,
 * see reachSql).
 *
 *   npx tsx bench/genealogy-trace.bench.ts [sqlite] [postgres] [--edges 1000000] [--samples 100] [--keep] [--reuse] [--memory on|off]
 *
 * --memory on (default): the API answers from the genealogy held in memory (loaded before measuring; its load time and
 * heap are printed); off: every trace walks the store, as before it existed.
 *
 * SQLite: a file in /tmp opened by Takt with its production settings (WAL, see openStore); the data is bulk-loaded
 * through one raw connection in large transactions with the secondary index dropped, and rebuilt after the load.
 * PostgreSQL (TAKT_BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test): a fresh schema, rows
 * loaded with multi-row inserts over unnest() arrays, keys and indexes built after the load, dropped at the end.
 * --reuse: keep the loaded store and measure it again on the next run instead of generating it anew (10M edges take
 * minutes): SQLite the file in /tmp/takt-genealogy-<edges>, PostgreSQL the schema bench_genealogy_<edges> (its marker
 * in /tmp/takt-genealogy-<edges>/postgres.json). Takt's migrations run on it when it opens, as on any store.
 * Prints a table per run and one JSON line {"bench":"genealogy-trace", ...}.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { createTakt, type Takt, type TaktOptions } from '../src/main.js';
import type { TraceDirection } from '../src/modules/inventory/genealogy/trace.repository.js';
import { createSchema, dropSchema, type Dialect } from '../src/platform/store/database.js';
import { edges, lotId, lots, prng, shapeFor, type GraphShape } from './genealogy-graph.generator.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { memory: { type: 'string', default: 'on' }, edges: { type: 'string', default: '1000000' }, samples: { type: 'string', default: '100' }, levels: { type: 'string', default: '12' }, keep: { type: 'boolean', default: false }, reuse: { type: 'boolean', default: false } },
});
const EDGES = Number(values.edges);
const SAMPLES = Number(values.samples);
const LEVELS = Number(values.levels);
const DIALECTS = (positionals.length > 0 ? positionals : ['sqlite', 'postgres']) as Dialect[];
const PG_URL = process.env.TAKT_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BATCH = 100_000;
const MEMORY = values.memory !== 'off';

interface InMemory { readonly loadSec: number; readonly rankSec: number; readonly edges: number; readonly heapMiB: number; readonly columnMiB: number }
let inMemory: InMemory | null = null;

/** Takt on the store, with the genealogy loaded into memory first when --memory on (timed, its heap measured). */
async function startTakt(store: TaktOptions['store']): Promise<Takt> {
  const takt = await createTakt({ store, adminPassword: 'bench-admin-1', genealogy: { memory: MEMORY } });
  inMemory = null;
  if (takt.genealogy) {
    // With node --expose-gc the heap is measured after a collection on both sides (else it includes garbage).
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heap = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    await takt.genealogy.warm();
    const loadSec = elapsed(t0);
    // The lots are ranked in id order in the background after the load; traces are measured once that is done.
    while (takt.genealogy.status().unranked > 0) await new Promise((r) => setTimeout(r, 50));
    const status = takt.genealogy.status();
    gc?.();
    inMemory = { loadSec, rankSec: round2(elapsed(t0) - loadSec), edges: status.edges, heapMiB: Math.round((process.memoryUsage().heapUsed - heap) / 2 ** 20), columnMiB: Math.round(status.columnBytes / 2 ** 20) };
  }
  return takt;
}
const T0 = Date.UTC(2026, 0, 1);

type Trace = (lot: string, direction: TraceDirection) => Promise<number>;
/** The API's answer to a trace, as text. */
type HttpTrace = (lot: string, direction: TraceDirection) => Promise<string>;
interface Loaded { readonly edges: number; readonly lots: number; readonly loadSec: number; readonly indexSec: number; readonly bytes: number | null }
interface Stat { p50: number; p99: number; max: number }
interface LevelResult { direction: TraceDirection; level: number; nodes: number; maxNodes: number; http: Stat; raw: Stat; httpCpu: Stat; rawCpu: Stat; serialize: Stat }

/**
 * The baseline: every lot reachable from the root with the edges out of each, as one recursive statement through the
 * bare driver (`?` for SQLite, `$1` for PostgreSQL). UNION makes the recursive table a set, so loops end. This was
 * the API's own statement before the walk level by level; it stays the yardstick, so figures compare across runs.
 */
function reachSql(direction: TraceDirection, placeholder: string): string {
  const [near, far] = direction === 'backward' ? ['to_lot', 'from_lot'] : ['from_lot', 'to_lot'];
  return `with recursive reach(lot) as (
  select cast(${placeholder} as text)
  union
  select e.${far} from genealogy_edges e join reach r on e.${near} = r.lot
)
select r.lot as lot, l.id as known, l.material_id as material_id,
  e.from_lot as from_lot, e.to_lot as to_lot, e.work_order_id as work_order_id, e.quantity as quantity, e.kind as kind
from reach r
left join lots l on l.id = r.lot
left join genealogy_edges e on e.${near} = r.lot`;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const elapsed = (t0: number): number => round2((performance.now() - t0) / 1000);
function stat(ms: number[]): Stat {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => round2(s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN);
  return { p50: q(0.5), p99: q(0.99), max: round2(s.at(-1) ?? NaN) };
}

async function loadSqlite(file: string, shape: GraphShape): Promise<Loaded> {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF'); // the load only: the measured store is reopened by Takt with its own pragmas
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -1000000');
  const t0 = performance.now();
  // The migrations' secondary indexes, dropped for the load and rebuilt from their own definitions after it.
  const indexes = db.prepare<[], { name: string; sql: string }>("select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in ('lots', 'genealogy_edges')").all();
  for (const i of indexes) db.exec(`drop index ${i.name}`);
  const material = db.prepare('insert into materials (id, name, uom, lot_controlled, shelf_life_days, created_at, updated_at) values (?, ?, ?, 1, null, ?, ?)');
  for (let level = 0; level <= shape.levels; level += 1) material.run(`M${String(level).padStart(2, '0')}`, `Material ${level}`, 'kg', T0, T0);
  const lot = db.prepare("insert into lots (id, material_id, quantity, initial_quantity, status, expires_at, supplier_lot, work_order_id, created_at, version) values (?, ?, 1, 1, 'released', null, null, ?, ?, 0)");
  const edge = db.prepare("insert into genealogy_edges (from_lot, to_lot, work_order_id, quantity, kind, at) values (?, ?, ?, 1, 'consume', ?)");
  const insertMany = <R>(rows: Iterable<R>, put: (r: R) => void): number => {
    let n = 0;
    let batch: R[] = [];
    const flush = db.transaction((b: R[]) => b.forEach(put));
    for (const r of rows) {
      batch.push(r);
      n += 1;
      if (batch.length === BATCH) {
        flush(batch);
        batch = [];
      }
    }
    flush(batch);
    return n;
  };
  const nLots = insertMany(lots(shape), (r) => lot.run(r.id, r.materialId, r.workOrderId, T0));
  const nEdges = insertMany(edges(shape), (r) => edge.run(r.from, r.to, r.workOrderId, T0));
  const loadSec = elapsed(t0);
  const t1 = performance.now();
  for (const i of indexes) db.exec(i.sql);
  db.exec('analyze');
  const indexSec = elapsed(t1);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { edges: nEdges, lots: nLots, loadSec, indexSec, bytes: statSync(file).size };
}

async function loadPostgres(client: pg.Client, shape: GraphShape): Promise<Loaded> {
  const t0 = performance.now();
  const indexes = (await client.query<{ name: string; def: string }>(`select indexname as name, indexdef as def from pg_indexes
    where schemaname = current_schema() and tablename in ('lots', 'genealogy_edges') and indexname not in ('lots_pkey', 'genealogy_edges_pk')`)).rows;
  for (const i of indexes) await client.query(`drop index ${i.name}`);
  await client.query('alter table genealogy_edges drop constraint genealogy_edges_pk');
  await client.query('alter table lots drop constraint lots_material_id_fkey').catch(() => undefined);
  await client.query('alter table lots drop constraint lots_pkey');
  for (let level = 0; level <= shape.levels; level += 1) {
    await client.query('insert into materials (id, name, uom, lot_controlled, shelf_life_days, created_at, updated_at) values ($1, $2, $3, 1, null, $4, $4)', [`M${String(level).padStart(2, '0')}`, `Material ${level}`, 'kg', T0]);
  }
  const insertMany = async <R>(rows: Iterable<R>, columns: (b: R[]) => unknown[], text: string): Promise<number> => {
    let n = 0;
    let batch: R[] = [];
    for (const r of rows) {
      batch.push(r);
      n += 1;
      if (batch.length === BATCH / 2) {
        await client.query(text, columns(batch));
        batch = [];
      }
    }
    if (batch.length > 0) await client.query(text, columns(batch));
    return n;
  };
  const nLots = await insertMany(lots(shape), (b) => [b.map((r) => r.id), b.map((r) => r.materialId), b.map((r) => r.workOrderId)],
    `insert into lots (id, material_id, quantity, initial_quantity, status, expires_at, supplier_lot, work_order_id, created_at, version)
     select id, m, 1, 1, 'released', null, null, w, ${T0}, 0 from unnest($1::text[], $2::text[], $3::text[]) as u(id, m, w)`);
  const nEdges = await insertMany(edges(shape), (b) => [b.map((r) => r.from), b.map((r) => r.to), b.map((r) => r.workOrderId)],
    `insert into genealogy_edges (from_lot, to_lot, work_order_id, quantity, kind, at)
     select f, t, w, 1, 'consume', ${T0} from unnest($1::text[], $2::text[], $3::text[]) as u(f, t, w)`);
  const loadSec = elapsed(t0);
  const t1 = performance.now();
  await client.query(`alter table lots add constraint lots_pkey primary key (id);
    alter table lots add constraint lots_material_id_fkey foreign key (material_id) references materials (id);
    alter table genealogy_edges add constraint genealogy_edges_pk primary key (from_lot, to_lot, work_order_id);`);
  for (const i of indexes) await client.query(i.def);
  await client.query('vacuum analyze lots');
  await client.query('vacuum analyze genealogy_edges');
  const indexSec = elapsed(t1);
  const size = await client.query<{ bytes: string }>("select pg_total_relation_size('genealogy_edges') + pg_total_relation_size('lots') as bytes");
  return { edges: nEdges, lots: nLots, loadSec, indexSec, bytes: Number(size.rows[0]?.bytes ?? NaN) };
}

/** The API path: GET /api/v1/lots/{id}/genealogy through the whole HTTP stack (auth, validation, serialization). */
async function httpTrace(takt: Takt): Promise<HttpTrace> {
  const { token } = await takt.tokens.issue('admin', 0);
  return async (lot, direction) => {
    const res = await takt.app.inject({ method: 'GET', url: `/api/v1/lots/${lot}/genealogy?direction=${direction}`, headers: { authorization: `Bearer ${token}` } });
    if (res.statusCode !== 200) throw new Error(`trace of ${lot} answered ${res.statusCode}: ${res.body}`);
    return res.body; // the client's parsing is not the server's cost: lots are counted on the bare query

  };
}

/**
 * Every (direction, level): SAMPLES random lots, the API and the bare query interleaved per lot. Beside them the
 * floor of any JSON answer: JSON.stringify of the same answer (parsed from the API's text, untimed), which every
 * server returning that trace as JSON pays whatever its store.
 */
async function measure(shape: GraphShape, http: HttpTrace, raw: Trace): Promise<LevelResult[]> {
  const random = prng(7);
  const out: LevelResult[] = [];
  for (const direction of ['backward', 'forward'] as const) {
    for (let level = 0; level <= shape.levels; level += 3) {
      const picks = Array.from({ length: SAMPLES }, () => lotId(level, Math.floor(random() * shape.width)));
      for (const lot of picks.slice(0, 10)) {
        await http(lot, direction); // warm-up
        await raw(lot, direction);
      }
      const [h, r, hc, rc, ser]: [number[], number[], number[], number[], number[]] = [[], [], [], [], []];
      let nodes = 0;
      let maxNodes = 0;
      // Wall time, and this process's CPU time: on a shared machine the first includes waiting for a core.
      const timed = async (into: number[], cpuInto: number[], run: () => Promise<number>): Promise<number> => {
        const t = performance.now();
        const c = process.cpuUsage();
        const n = await run();
        const used = process.cpuUsage(c);
        into.push(performance.now() - t);
        cpuInto.push((used.user + used.system) / 1000);
        return n;
      };
      for (const lot of picks) {
        let body = '';
        await timed(h, hc, async () => (body = await http(lot, direction)).length);
        const answer: unknown = JSON.parse(body);
        const t = performance.now();
        JSON.stringify(answer);
        ser.push(performance.now() - t);
        const n = await timed(r, rc, () => raw(lot, direction));
        nodes += n;
        maxNodes = Math.max(maxNodes, n);
      }
      out.push({ direction, level, nodes: Math.round(nodes / picks.length), maxNodes, http: stat(h), raw: stat(r), httpCpu: stat(hc), rawCpu: stat(rc), serialize: stat(ser) });
    }
  }
  return out;
}

function report(dialect: Dialect, setup: string, loaded: Loaded, results: LevelResult[], plan: string[]): void {
  console.log(`\ngenealogy-trace: ${dialect} (${setup}), ${loaded.edges} edges, ${loaded.lots} lots, ${LEVELS} levels; load ${loaded.loadSec} s + indexes ${loaded.indexSec} s${loaded.bytes ? `, ${(loaded.bytes / 2 ** 20).toFixed(0)} MiB` : ''}`);
  console.log(plan.map((l) => `  plan: ${l}`).join('\n'));
  console.log(inMemory ? `  genealogy in memory: ${inMemory.edges} edges loaded in ${inMemory.loadSec} s, lots ranked in ${inMemory.rankSec} s more, heap +${inMemory.heapMiB} MiB (typed columns ${inMemory.columnMiB} MiB)` : '  genealogy in memory: off (every trace walks the store)');
  for (const x of results) {
    console.log(`  ${x.direction.padEnd(8)} from level ${String(x.level).padStart(2)}: ${String(x.nodes).padStart(5)} lots (max ${String(x.maxNodes).padStart(5)})   HTTP p50 ${x.http.p50.toFixed(2)} p99 ${x.http.p99.toFixed(2)} ms (cpu ${x.httpCpu.p50.toFixed(2)}/${x.httpCpu.p99.toFixed(2)})   bare query p50 ${x.raw.p50.toFixed(2)} p99 ${x.raw.p99.toFixed(2)} ms (cpu ${x.rawCpu.p50.toFixed(2)}/${x.rawCpu.p99.toFixed(2)})   ratio p50 ${round2(x.http.p50 / x.raw.p50)}x   JSON.stringify of the answer p99 ${x.serialize.p99.toFixed(2)} ms`);
  }
  const all = (d: TraceDirection, k: 'http' | 'raw') => results.filter((x) => x.direction === d).map((x) => x[k].p99);
  const worst = { backwardHttpP99: Math.max(...all('backward', 'http')), forwardHttpP99: Math.max(...all('forward', 'http')), backwardRawP99: Math.max(...all('backward', 'raw')), forwardRawP99: Math.max(...all('forward', 'raw')) };
  const serialize = Math.max(...results.map((x) => x.serialize.p99));
  console.log(`  worst p99 over levels: backward ${worst.backwardHttpP99} ms, forward ${worst.forwardHttpP99} ms (goal < 20 ms); JSON.stringify alone up to ${serialize.toFixed(1)} ms; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cpus`);
  console.log(JSON.stringify({
    bench: 'genealogy-trace', dialect, setup, memory: inMemory, edges: loaded.edges, lots: loaded.lots, levels: LEVELS, samples: SAMPLES, loadSec: loaded.loadSec, indexSec: loaded.indexSec, bytes: loaded.bytes,
    results: results.map((x) => ({ ...x, ratioP50: round2(x.http.p50 / x.raw.p50) })), worst, node: process.version, cpus: availableParallelism(), loadAvg: loadavg().map(round2),
  }));
}

async function benchSqlite(shape: GraphShape): Promise<void> {
  const dir = join('/tmp', `takt-genealogy-${EDGES}`);
  const file = join(dir, 'takt.sqlite');
  const marker = join(dir, 'loaded.json');
  const reuse = values.reuse && existsSync(marker);
  if (!reuse) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  try {
    let loaded: Loaded;
    if (reuse) loaded = JSON.parse(readFileSync(marker, 'utf8')) as Loaded;
    else {
      await (await createTakt({ store: { dialect: 'sqlite', file }, adminPassword: 'bench-admin-1' })).close();
      loaded = await loadSqlite(file, shape);
      writeFileSync(marker, JSON.stringify(loaded));
    }
    const takt = await startTakt({ dialect: 'sqlite', file });
    const bare = new BetterSqlite3(file, { readonly: true });
    const statements = { backward: bare.prepare(reachSql('backward', '?')), forward: bare.prepare(reachSql('forward', '?')) };
    const plan = (bare.prepare(`explain query plan ${reachSql('backward', '?')}`).all(lotId(shape.levels, 0)) as { detail: string }[]).map((r) => r.detail);
    try {
      const raw: Trace = async (lot, direction) => new Set((statements[direction].all(lot) as { lot: string }[]).map((r) => r.lot)).size;
      report('sqlite', "file in /tmp, Takt's settings (WAL)", loaded, await measure(shape, await httpTrace(takt), raw), plan);
    } finally {
      bare.close();
      await takt.close();
    }
  } finally {
    if (!values.keep && !values.reuse) rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(shape: GraphShape): Promise<void> {
  const dir = join('/tmp', `takt-genealogy-${EDGES}`);
  const marker = join(dir, 'postgres.json');
  const schema = values.reuse ? `bench_genealogy_${EDGES}` : `bench_${randomBytes(4).toString('hex')}`;
  const reuse = values.reuse && existsSync(marker);
  if (values.reuse && !reuse) await dropSchema(PG_URL, schema);
  await createSchema(PG_URL, schema);
  const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
  try {
    await client.connect();
    let loaded: Loaded;
    if (reuse) loaded = JSON.parse(readFileSync(marker, 'utf8')) as Loaded;
    else {
      await (await createTakt({ store: { dialect: 'postgres', url: PG_URL, schema }, adminPassword: 'bench-admin-1' })).close();
      loaded = await loadPostgres(client, shape);
      if (values.reuse) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(marker, JSON.stringify(loaded));
      }
    }
    const takt = await startTakt({ dialect: 'postgres', url: PG_URL, schema });
    const explain = await client.query<{ 'QUERY PLAN': string }>(`explain ${reachSql('backward', '$1')}`, [lotId(shape.levels, 0)]);
    try {
      const raw: Trace = async (lot, direction) =>
        new Set((await client.query<{ lot: string }>({ name: `trace-${direction}`, text: reachSql(direction, '$1'), values: [lot] })).rows.map((r) => r.lot)).size;
      report('postgres', `${new URL(PG_URL).host}, ${reuse ? 'reused' : 'fresh'} schema`, loaded, await measure(shape, await httpTrace(takt), raw), explain.rows.map((r) => r['QUERY PLAN']));
    } finally {
      await takt.close();
    }
  } finally {
    await client.end().catch(() => undefined);
    if (!values.keep && !values.reuse) await dropSchema(PG_URL, schema);
  }
}

const shape = shapeFor(EDGES, LEVELS);
for (const dialect of DIALECTS) {
  if (dialect === 'sqlite') await benchSqlite(shape);
  else if (dialect === 'postgres') await benchPostgres(shape);
  else throw new Error(`unknown dialect ${String(dialect)}: sqlite or postgres`);
}
