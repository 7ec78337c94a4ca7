/**
 * Execution commands per second through the real HTTP API, against the raw driver doing the same row writes one
 * transaction per command, in the same run and on the same store.
 *
 *   npx tsx bench/execution.bench.ts [--dialect sqlite|postgres] [--commands N] [--concurrency C]
 *                                    [--group-commit on|off|both] [--rounds R] [--consumes K] [--via http|runner]
 *                                    [--clients-in process|same]
 *
 * Each run: a fresh store (SQLite file in a temp dir with Takt's pragmas, WAL + synchronous=FULL; or a fresh
 * PostgreSQL schema at TAKT_BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test, pool of 8), a plant
 * set up through the API, then orders executed by C concurrent stations over keep-alive HTTP requests, each order being
 * start, K consumes, report, produce, complete. The raw baseline does the UPDATEs and INSERTs those commands make
 * (order lock, operation, order, lot, consumption, report, production, genealogy edge, journal rows with the same
 * data and hashes, one multi-row INSERT per command as Takt's, and the head), one transaction per command:
 * better-sqlite3 in one synchronous connection, or 8 pg clients concurrently. No idempotency keys are sent and
 * Takt writes no outbox row for these commands, so neither side writes those. Rounds alternate Takt and raw so the
 * machine's drift hits both alike. The HTTP clients run in the server's own thread by default (`--clients-in same`),
 * so their HTTP client work is charged to Takt's CPU figure; `--clients-in process` runs them in a child process, as
 * terminals on other machines would, so the CPU figure is the server process's alone. Same is the default because on
 * a 2-core machine the child is no other machine: it takes the second core (which the log flush and PostgreSQL's
 * server processes need too) and its requests reach the server one by one, so batches were a third the size and
 * throughput 20 % lower than with the clients in the same thread (docs/benchmarks.md); report both.
 * `--via runner` calls the commands through takt.runner.run instead (no HTTP, token or actor lookup), to tell the
 * pipeline's cost from the edge's.
 * With TAKT_BENCH_PROFILE=<dir> the Takt phases (only they) are CPU-profiled into <dir>/execution-*.cpuprofile.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';
import { createTakt, type Takt } from '../src/main.js';
import { profilePhase } from './cpu-profile.js';
import { SYSTEM_ACTOR, type Actor } from '../src/platform/auth/roles.js';
import { canonicalJson } from '../src/platform/journal/canonical-json.js';
import { eventHash } from '../src/platform/journal/journal-hash.js';
import { createSchema, dropSchema, type Dialect, type StoreConfig } from '../src/platform/store/database.js';
import { completeOperation, consumeMaterial, produceLot, reportQuantities, startOperation } from '../src/modules/production/index.js';
import { putPerson } from '../src/modules/resources/index.js';
import { childProcessStations, drive, httpClient, sameProcessStations, stationWork, steps, type Call, type Order, type Shape, type Step, type Stations } from './execution-clients.js';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' }, commands: { type: 'string', default: '2100' }, concurrency: { type: 'string', default: '16' },
    'group-commit': { type: 'string', default: 'both' }, via: { type: 'string', default: 'http' }, 'clients-in': { type: 'string', default: 'same' }, rounds: { type: 'string', default: '3' }, consumes: { type: 'string', default: '3' },
  },
});
const DIALECT = values.dialect as Dialect;
if (DIALECT !== 'sqlite' && DIALECT !== 'postgres') throw new Error('--dialect sqlite|postgres');
const CONSUMES = Number(values.consumes);
const PER_ORDER = CONSUMES + 4;
const ROUNDS = Number(values.rounds);
const CONCURRENCY = Number(values.concurrency);
const ORDERS_PER_ROUND = Math.max(1, Math.ceil(Number(values.commands) / PER_ORDER / ROUNDS));
const WARMUP_ORDERS = CONCURRENCY;
const GROUP = values['group-commit'] === 'both' ? [false, true] : [values['group-commit'] === 'on'];
const PG_URL = process.env.TAKT_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_CONNECTIONS = 8;
const ORDER_QTY = 100;
const CONSUME_QTY = Math.floor((ORDER_QTY * 0.9) / CONSUMES);
const GOAL = DIALECT === 'sqlite' ? 1.2 : 0.7;
const PROFILE_DIR = process.env.TAKT_BENCH_PROFILE;
const VIA = values.via === 'runner' ? 'runner' : 'http';
const CLIENTS_IN = VIA === 'http' && values['clients-in'] === 'process' ? 'process' : 'same';

const SHAPE: Shape = { consumes: CONSUMES, consumeQty: CONSUME_QTY, orderQty: ORDER_QTY };

// ---- Takt through HTTP -------------------------------------------------------------------------------------------

/** Site, area, work center WC with one piece of equipment per station; RAW (kg) makes FIN (pcs), one step. */
async function buildPlant(call: Call): Promise<void> {
  await call('PUT', '/api/v1/sites/S', { name: 'Site' });
  await call('PUT', '/api/v1/areas/A', { name: 'Area', parentId: 'S' });
  await call('PUT', '/api/v1/work-centers/WC', { name: 'Press line', parentId: 'A' });
  for (let s = 0; s < Math.max(CONCURRENCY, PG_CONNECTIONS); s++) await call('PUT', `/api/v1/equipment/EQ-${s}`, { name: `Press ${s}`, parentId: 'WC', idealCycleTimeSec: 2 });
  await call('PUT', '/api/v1/materials/RAW', { name: 'Raw', uom: 'kg', lotControlled: true, shelfLifeDays: 365 });
  await call('PUT', '/api/v1/materials/FIN', { name: 'Finished', uom: 'pcs', lotControlled: true, shelfLifeDays: 730 });
  await call('POST', '/api/v1/products/FIN/revisions', {
    bom: [{ materialId: 'RAW', quantity: 1, uom: 'kg', operationSeq: 10 }], routing: [{ seq: 10, name: 'Press', workCenterId: 'WC' }],
  });
  await call('POST', '/api/v1/products/FIN/revisions/1/approve', {});
}

/** Creates and releases `n` orders, each with its own released input lot, through the API. */
async function makeOrders(call: Call, prefix: string, n: number): Promise<Order[]> {
  const orders: Order[] = Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, opId: '', lotId: `${prefix}-RAW-${i}`, outId: `${prefix}-OUT-${i}` }));
  const made: Order[] = [];
  await drive(orders, 8, async (o) => {
    const created = (await call('POST', '/api/v1/work-orders', { id: o.id, materialId: 'FIN', quantity: ORDER_QTY })) as { operations: { id: string }[] };
    await call('POST', `/api/v1/work-orders/${o.id}/release`, {});
    await call('POST', '/api/v1/lots', { id: o.lotId, materialId: 'RAW', quantity: ORDER_QTY, status: 'released' });
    made.push({ ...o, opId: created.operations[0]?.id ?? '' });
  });
  return made.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

const OPERATOR: Actor = { username: 'bench-op', name: 'Bench operator', roles: ['operator'] };

/** One command as the route runs it, straight through the runner: no HTTP, no token, no actor lookup. */
function viaRunner(takt: Takt, opId: string, s: Step): Promise<unknown> {
  const actor = { actor: OPERATOR };
  const b = s.body as { equipmentId: string; lotId: string; quantity: number; good: number; scrap: number };
  switch (s.verb) {
    case 'start': return takt.runner.run(startOperation, { operationId: opId, equipmentId: b.equipmentId }, actor);
    case 'consume': return takt.runner.run(consumeMaterial, { operationId: opId, lotId: b.lotId, quantity: b.quantity }, actor);
    case 'report': return takt.runner.run(reportQuantities, { operationId: opId, good: b.good, scrap: b.scrap }, actor);
    case 'produce': return takt.runner.run(produceLot, { operationId: opId, lotId: b.lotId, quantity: b.quantity }, actor);
    case 'complete': return takt.runner.run(completeOperation, { operationId: opId }, actor);
  }
}

// ---- the raw baseline ----------------------------------------------------------------------------------------------

/** One raw statement: SQL with `?` placeholders (numbered for pg) and its values. */
type Stmt = readonly [string, readonly unknown[]];
interface Draft { readonly action: string; readonly entity: string; readonly entityId: string; readonly data: Record<string, unknown> }

const LOCK_ORDER = 'update work_orders set version = version + 1 where id = ?';
const HEAD = 'update journal_head set seq = seq + ? where id = 1 returning seq, hash';
/** The events of one command in one INSERT, as the journal appends them. */
const EVENTS = (n: number) => `insert into journal (seq, at, actor, action, entity, entity_id, data, reason, prev_hash, hash) values ${Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`;
const MOVE_HEAD = 'update journal_head set hash = ? where id = 1';

/** The row writes one command makes, and the journal events it records, as Takt's commands do them. */
function rawCommand(o: Order, s: Step, station: number, now: number, actor: string): { writes: Stmt[]; events: Draft[] } {
  const lock: Stmt = [LOCK_ORDER, [o.id]];
  const ev = (action: string, entity: string, entityId: string, data: Record<string, unknown>): Draft => ({ action, entity, entityId, data });
  switch (s.verb) {
    case 'start':
      return {
        writes: [lock,
          ['update operations set status = ?, version = version + 1, equipment_id = ?, started_at = ?, started_by = ? where id = ? and status = ?', ['running', `EQ-${station}`, now, actor, o.opId, 'ready']],
          ['update work_orders set status = ?, version = version + 1 where id = ? and status = ?', ['in_progress', o.id, 'released']]],
        events: [ev('operation.started', 'operation', o.opId, { workOrderId: o.id, seq: 10, equipmentId: `EQ-${station}`, workCenterId: 'WC', changes: { status: { before: 'ready', after: 'running' } } }),
          ev('work-order.started', 'work-order', o.id, { changes: { status: { before: 'released', after: 'in_progress' } } })],
      };
    case 'consume':
      return {
        writes: [lock,
          ['update lots set quantity = quantity - ?, version = version + 1 where id = ? and quantity >= ?', [CONSUME_QTY, o.lotId, CONSUME_QTY]],
          ['insert into consumptions (operation_id, work_order_id, lot_id, material_id, quantity, at, actor) values (?, ?, ?, ?, ?, ?, ?)', [o.opId, o.id, o.lotId, 'RAW', CONSUME_QTY, now, actor]]],
        events: [ev('lot.consumed', 'lot', o.lotId, { operationId: o.opId, workOrderId: o.id, materialId: 'RAW', quantity: CONSUME_QTY, changes: { quantity: { before: ORDER_QTY, after: ORDER_QTY - CONSUME_QTY } } })],
      };
    case 'report':
      return {
        writes: [lock,
          ['update operations set good = good + ?, scrap = scrap + ?, version = version + 1 where id = ?', [ORDER_QTY, 0, o.opId]],
          ['update work_orders set good = good + ?, scrap = scrap + ?, version = version + 1 where id = ?', [ORDER_QTY, 0, o.id]],
          ['insert into operation_reports (operation_id, good, scrap, scrap_reason, at, actor) values (?, ?, ?, ?, ?, ?)', [o.opId, ORDER_QTY, 0, null, now, actor]]],
        events: [ev('operation.reported', 'operation', o.opId, { workOrderId: o.id, good: ORDER_QTY, scrap: 0, scrapReason: null, equipmentId: `EQ-${station}`, changes: { good: { before: 0, after: ORDER_QTY }, scrap: { before: 0, after: 0 } } })],
      };
    case 'produce':
      return {
        writes: [lock,
          ['insert into lots (id, material_id, quantity, initial_quantity, status, expires_at, supplier_lot, work_order_id, created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [o.outId, 'FIN', ORDER_QTY, ORDER_QTY, 'released', now + 730 * 86_400_000, null, o.id, now, 0]],
          ['insert into productions (operation_id, work_order_id, lot_id, quantity, at, actor) values (?, ?, ?, ?, ?, ?)', [o.opId, o.id, o.outId, ORDER_QTY, now, actor]],
          ['insert into genealogy_edges (from_lot, to_lot, work_order_id, quantity, kind, at) values (?, ?, ?, ?, ?, ?)', [o.lotId, o.outId, o.id, CONSUME_QTY * CONSUMES, 'consume', now]]],
        events: [ev('lot.produced', 'lot', o.outId, { operationId: o.opId, workOrderId: o.id, materialId: 'FIN', quantity: ORDER_QTY, status: 'released', total: ORDER_QTY, changes: { quantity: { before: null, after: ORDER_QTY } } })],
      };
    case 'complete':
      return {
        writes: [lock,
          ['update operations set status = ?, version = version + 1, completed_at = ?, completed_by = ? where id = ? and status = ?', ['completed', now, actor, o.opId, 'running']],
          ['update work_orders set status = ?, version = version + 1, completed_at = ? where id = ? and status = ?', ['completed', now, o.id, 'in_progress']]],
        events: [ev('operation.completed', 'operation', o.opId, { workOrderId: o.id, seq: 10, good: ORDER_QTY, scrap: 0, equipmentId: `EQ-${station}`, changes: { status: { before: 'running', after: 'completed' } } }),
          ev('work-order.completed', 'work-order', o.id, { materialId: 'FIN', quantity: ORDER_QTY, good: ORDER_QTY, scrap: 0, changes: { status: { before: 'in_progress', after: 'completed' } } })],
      };
  }
}

/** Chains and hashes the events after the head the way the journal does, so the store's chain stays verifiable. */
function chain(head: { seq: number; hash: string }, drafts: readonly Draft[], now: number, actor: string): unknown[][] {
  let seq = Number(head.seq) - drafts.length;
  let prevHash = head.hash;
  return drafts.map((d) => {
    seq += 1;
    const e = { seq, at: now, actor, action: d.action, entity: d.entity, entityId: d.entityId, data: canonicalJson(d.data), reason: null, prevHash };
    prevHash = eventHash(e);
    return [e.seq, e.at, e.actor, e.action, e.entity, e.entityId, e.data, e.reason, e.prevHash, prevHash];
  });
}

interface Raw { readonly clients: number; readonly work: (o: Order, station: number, lat: number[]) => Promise<void>; close(): Promise<void> }

function sqliteRaw(file: string): Raw {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const prepared = new Map<string, BetterSqlite3.Statement>();
  const stmt = (text: string) => prepared.get(text) ?? (prepared.set(text, db.prepare(text)), prepared.get(text) as BetterSqlite3.Statement);
  const one = db.transaction((o: Order, s: Step, station: number) => {
    const now = Date.now();
    const { writes, events } = rawCommand(o, s, station, now, 'bench-op');
    for (const [text, args] of writes) stmt(text).run(...args);
    const head = stmt(HEAD).get(events.length) as { seq: number; hash: string };
    const rows = chain(head, events, now, 'bench-op');
    stmt(EVENTS(rows.length)).run(...rows.flat());
    stmt(MOVE_HEAD).run(rows.at(-1)?.[9]);
  });
  return {
    clients: 1, // one synchronous connection: SQLite has one writer, concurrency would only interleave the same calls
    work: async (o, station, lat) => {
      for (const s of steps(SHAPE, o, station)) {
        const t = performance.now();
        one(o, s, station);
        lat.push(performance.now() - t);
      }
    },
    close: async () => void db.close(),
  };
}

async function pgRaw(url: string, schema: string): Promise<Raw> {
  const pool = new pg.Pool({ connectionString: url, max: PG_CONNECTIONS, options: `-c search_path=${schema}` });
  const numbered = (text: string) => { let i = 0; return text.replace(/\?/g, () => `$${++i}`); };
  const names = new Map<string, string>();
  const q = (c: pg.PoolClient, text: string, args: readonly unknown[]) => {
    const name = names.get(text) ?? (names.set(text, `s${names.size}`), names.get(text) as string);
    return c.query({ name, text: numbered(text), values: [...args] });
  };
  return {
    clients: PG_CONNECTIONS,
    work: async (o, station, lat) => {
      const c = await pool.connect();
      try {
        for (const s of steps(SHAPE, o, station)) {
          const t = performance.now();
          const now = Date.now();
          const { writes, events } = rawCommand(o, s, station, now, 'bench-op');
          await c.query('begin');
          for (const [text, args] of writes) await q(c, text, args);
          const head = (await q(c, HEAD, [events.length])).rows[0] as { seq: number; hash: string };
          const rows = chain(head, events, now, 'bench-op');
          await q(c, EVENTS(rows.length), rows.flat());
          await q(c, MOVE_HEAD, [rows.at(-1)?.[9]]);
          await c.query('commit');
          lat.push(performance.now() - t);
        }
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}

// ---- the floor of the HTTP edge -----------------------------------------------------------------------------------

/**
 * The same stations against a bare fastify server in this process that parses each command's JSON and answers `{}`:
 * no token, no rules, no store. Its rate is the most any server behind these clients could answer on this machine,
 * so `floor / raw` bounds the ratio any Takt could reach here.
 */
async function httpFloor(orders: readonly Order[]): Promise<Figures> {
  const app = Fastify();
  app.post('/api/v1/operations/:id/:verb', async () => ({}));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const floor = CLIENTS_IN === 'process' ? childProcessStations(base, 'none', SHAPE) : sameProcessStations(base, 'none', SHAPE);
  try {
    await floor.run(orders.slice(0, WARMUP_ORDERS), CONCURRENCY);
    const cpu0 = process.cpuUsage();
    const x = await floor.run(orders.slice(WARMUP_ORDERS), CONCURRENCY);
    const cpu = process.cpuUsage(cpu0);
    return figures(x.ms, x.lat, (cpu.user + cpu.system) / 1000, cpu.system / 1000);
  } finally {
    floor.close();
    await app.close();
  }
}

// ---- one run -------------------------------------------------------------------------------------------------------

interface Figures { commands: number; ms: number; cps: number; p50: number; p99: number; cpuMsPerCommand?: number; sysMsPerCommand?: number }

function figures(ms: number, lat: number[], cpuMs?: number, sysMs?: number): Figures {
  const sorted = [...lat].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  const r = (x: number) => Math.round(x * 100) / 100;
  return { commands: lat.length, ms: r(ms), cps: r(lat.length / (ms / 1000)), p50: r(at(0.5)), p99: r(at(0.99)), ...(cpuMs === undefined ? {} : { cpuMsPerCommand: r(cpuMs / lat.length) }), ...(sysMs === undefined ? {} : { sysMsPerCommand: r(sysMs / lat.length) }) };
}

async function openRunStore(): Promise<{ config: StoreConfig; raw: () => Promise<Raw>; release: () => Promise<void> } | null> {
  if (DIALECT === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'takt-exec-bench-'));
    const file = join(dir, 'takt.db');
    return { config: { dialect: 'sqlite', file }, raw: async () => sqliteRaw(file), release: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `bench_exec_${randomBytes(4).toString('hex')}`;
  try {
    await createSchema(PG_URL, schema);
  } catch (error) {
    console.log(`postgres: SKIPPED (${String(error)})`);
    return null;
  }
  return { config: { dialect: 'postgres', url: PG_URL, schema, poolSize: PG_CONNECTIONS }, raw: () => pgRaw(PG_URL, schema), release: () => dropSchema(PG_URL, schema) };
}

async function run(groupCommit: boolean): Promise<void> {
  const store = await openRunStore();
  if (!store) return;
  const load = loadavg().map((l) => Math.round(l * 100) / 100);
  let takt: Takt | undefined;
  let raw: Raw | undefined;
  let stations: Stations | undefined;
  try {
    takt = await createTakt({ store: store.config, adminPassword: 'bench-admin-1', groupCommit });
    await takt.app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(takt.app.server.address() as AddressInfo).port}`;
    const admin = httpClient(base, (await takt.tokens.issue('admin', 0)).token);
    await takt.runner.run(putPerson, { id: 'bench-op', name: 'Bench operator', roles: ['operator'], password: 'bench-pass-1' }, { actor: SYSTEM_ACTOR });
    const operatorToken = (await takt.tokens.issue('bench-op', 0)).token;
    const running = takt;
    stations = CLIENTS_IN === 'process' ? childProcessStations(base, operatorToken, SHAPE) : sameProcessStations(base, operatorToken, SHAPE);
    const viaHttp = stations;
    const runnerWork = stationWork(SHAPE, (opId, s) => viaRunner(running, opId, s));
    const takes = (orders: readonly Order[]) => (VIA === 'runner' ? drive(orders, CONCURRENCY, runnerWork) : viaHttp.run(orders, CONCURRENCY));
    await buildPlant(admin);
    const total = WARMUP_ORDERS + ORDERS_PER_ROUND * ROUNDS;
    const taktOrders = await makeOrders(admin, 'T', total);
    const rawOrders = await makeOrders(admin, 'R', total);
    raw = await store.raw();
    await takes(taktOrders.slice(0, WARMUP_ORDERS));
    await drive(rawOrders.slice(0, WARMUP_ORDERS), raw.clients, raw.work);
    // CPU time of this process (all its threads), and of it the kernel's share (system calls: sockets, fsync).
    const t = { ms: 0, lat: [] as number[], cpu: 0, sys: 0, tx: 0 };
    // Counts the transactions Takt opens, to show how many commands one commit serves.
    const db = takt.store.db;
    const transaction = db.transaction.bind(db);
    let transactions = 0;
    db.transaction = () => ((transactions += 1), transaction());
    const r = { ms: 0, lat: [] as number[], cpu: 0, sys: 0 };
    const roundRatios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const slice = (os: Order[]) => os.slice(WARMUP_ORDERS + round * ORDERS_PER_ROUND, WARMUP_ORDERS + (round + 1) * ORDERS_PER_ROUND);
      const rawRound = raw;
      const doTakt = () => profilePhase(PROFILE_DIR && join(PROFILE_DIR, `execution-${DIALECT}-${groupCommit ? 'gc' : 'nogc'}-${round}.cpuprofile`), async () => {
        const cpu0 = process.cpuUsage();
        const tx0 = transactions;
        const x = await takes(slice(taktOrders));
        const cpu = process.cpuUsage(cpu0);
        t.tx += transactions - tx0;
        t.cpu += (cpu.user + cpu.system) / 1000;
        t.sys += cpu.system / 1000;
        return x;
      });
      const doRaw = async () => {
        const cpu0 = process.cpuUsage();
        const x = await drive(slice(rawOrders), rawRound.clients, rawRound.work);
        const cpu = process.cpuUsage(cpu0);
        r.cpu += (cpu.user + cpu.system) / 1000;
        r.sys += cpu.system / 1000;
        return x;
      };
      // Alternate which goes first, so a drifting machine load does not favour one side.
      let a: Awaited<ReturnType<typeof doTakt>>;
      let b: Awaited<ReturnType<typeof doRaw>>;
      if (round % 2 === 0) { a = await doTakt(); b = await doRaw(); } else { b = await doRaw(); a = await doTakt(); }
      t.ms += a.ms; t.lat.push(...a.lat);
      r.ms += b.ms; r.lat.push(...b.lat);
      roundRatios.push(Math.round((a.lat.length / a.ms / (b.lat.length / b.ms)) * 100) / 100);
    }
    const ff = VIA === 'http' ? await httpFloor(taktOrders) : undefined;
    const verify = (await admin('GET', '/api/v1/journal/verify')) as { ok: boolean; events: number };
    const last = (await admin('GET', `/api/v1/work-orders/${taktOrders.at(-1)?.id ?? ''}`)) as { status: string };
    if (!verify.ok || last.status !== 'completed') throw new Error(`store check failed: verify ${JSON.stringify(verify)}, last order ${last.status}`);
    const tf = { ...figures(t.ms, t.lat, t.cpu, t.sys), commandsPerCommit: Math.round((t.lat.length / t.tx) * 10) / 10 };
    const rf = figures(r.ms, r.lat, r.cpu, r.sys);
    const ratio = Math.round((tf.cps / rf.cps) * 100) / 100;
    const mode = `${DIALECT}, group commit ${groupCommit ? 'on' : 'off'}`;
    console.log(`\n== execution commands: ${mode}; ${tf.commands} commands (${PER_ORDER} per order), ${CONCURRENCY} clients via ${VIA}${VIA === 'http' ? ` in ${CLIENTS_IN === 'same' ? 'the same thread' : 'a child process'}` : ''}, raw ${raw.clients} client(s), ${ROUNDS} rounds; load ${load.join(' ')}`);
    console.log(`  takt ${VIA.padEnd(6)}${String(tf.cps).padStart(9)} cmd/s   p50 ${tf.p50} ms   p99 ${tf.p99} ms   cpu ${tf.cpuMsPerCommand} ms/cmd (system ${tf.sysMsPerCommand})   ${tf.commandsPerCommit} cmd/commit`);
    console.log(`  raw driver  ${String(rf.cps).padStart(9)} cmd/s   p50 ${rf.p50} ms   p99 ${rf.p99} ms   cpu ${rf.cpuMsPerCommand} ms/cmd (system ${rf.sysMsPerCommand})`);
    const floorRatio = ff && Math.round((ff.cps / rf.cps) * 100) / 100;
    if (ff) console.log(`  http floor  ${String(ff.cps).padStart(9)} cmd/s   p50 ${ff.p50} ms   p99 ${ff.p99} ms   cpu ${ff.cpuMsPerCommand} ms/cmd: a bare server answering {}, ${floorRatio}x raw at most`);
    console.log(`  ratio takt/raw ${ratio} (rounds ${roundRatios.join(', ')}); goal >= ${GOAL}: ${ratio >= GOAL ? 'met' : 'MISSED'}; journal verified, ${verify.events} events`);
    console.log(JSON.stringify({
      bench: 'execution', dialect: DIALECT, groupCommit, commands: tf.commands, perOrder: PER_ORDER, concurrency: CONCURRENCY, via: VIA, clientsIn: CLIENTS_IN, rawClients: raw.clients,
      rounds: ROUNDS, takt: tf, raw: rf, ...(ff ? { floor: ff, floorRatio } : {}), ratio, roundRatios, goal: GOAL, met: ratio >= GOAL, loadavg: load, nproc: availableParallelism(), node: process.version,
    }));
  } finally {
    stations?.close();
    await raw?.close();
    await takt?.close();
    await store.release();
  }
}

for (const g of GROUP) await run(g);
