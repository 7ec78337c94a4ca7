/**
 * Machine data ingest end to end: Sparkplug B DDATA through a real broker (Mosquitto at 127.0.0.1:1883, else the
 * embedded broker) into a running Takt: decode, session (seq, aliases), mapping, equipment state and counter deltas,
 * batched process history. Simulated edge nodes (one device each, mapped to one piece of equipment: a PackML state,
 * a total and a reject counter, the rest numeric process values kept in the history) publish pre-encoded DDATA with
 * metrics by alias; the clock runs from the first publish until every value is committed in the history.
 * Baseline, in the same process: the raw driver inserting the same rows into the same table, in the same batches
 * (one transaction per batch, multi-row VALUES): the floor of any ingest that keeps a history.
 *
 *   npx tsx bench/machine-ingest.bench.ts [sqlite] [postgres] [--nodes 10] [--metrics 50] [--messages 1000] [--broker mqtt://127.0.0.1:1883]
 *
 * With TAKT_BENCH_PROFILE=<dir> the timed ingest (only it) is CPU-profiled into <dir>/machine-ingest-<dialect>.cpuprofile.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { createTakt, type Takt } from '../src/main.js';
import { SYSTEM_ACTOR } from '../src/platform/auth/roles.js';
import { createSchema, dropSchema, type Dialect, type StoreConfig } from '../src/platform/store/database.js';
import { putNode } from '../src/modules/resources/index.js';
import { putMachineMapping } from '../src/modules/machines/index.js';
import { connectEdgeNode, createEdgeNodeSimulator, type EdgeNodeConnection, type OutboundMessage } from '../src/modules/integration/sparkplug/index.js';
import { reachable } from '../test/support/tcp.js';
import { profilePhase } from './cpu-profile.js';
import { PG_HISTORY_INSERT } from '../src/modules/machines/history/history.repository.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { nodes: { type: 'string', default: '10' }, metrics: { type: 'string', default: '50' }, messages: { type: 'string', default: '1000' }, broker: { type: 'string' } },
});
const NODES = Number(values.nodes);
const METRICS = Number(values.metrics);
const MESSAGES = Number(values.messages);
const PG_URL = process.env.TAKT_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dialects = (positionals.length > 0 ? positionals : ['sqlite', 'postgres']) as Dialect[];
const BATCH = 5000;
const PROFILE_DIR = process.env.TAKT_BENCH_PROFILE;

async function waitFor(probe: () => boolean, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function setUp(takt: Takt, group: string): Promise<void> {
  const node = (n: Parameters<typeof putNode.run>[1]) => takt.runner.run(putNode, n, { actor: SYSTEM_ACTOR });
  await node({ level: 'site', id: 'S', name: 'Site', parentId: null });
  await node({ level: 'area', id: 'A', name: 'Area', parentId: 'S' });
  await node({ level: 'work_center', id: 'WC', name: 'Line', parentId: 'A' });
  for (let n = 0; n < NODES; n++) {
    await node({ level: 'equipment', id: `EQ-${n}`, name: `Machine ${n}`, parentId: 'WC', idealCycleTimeSec: 1 });
    await takt.runner.run(putMachineMapping, {
      id: `M-${n}`, equipmentId: `EQ-${n}`, protocol: 'sparkplug', node: `${group}/EN${n}`, device: 'D',
      metrics: [{ metric: 'State', role: 'state' }, { metric: 'Total', role: 'count_total' }, { metric: 'Rejects', role: 'count_reject' }],
    }, { actor: SYSTEM_ACTOR });
  }
}

/** Pre-encoded DDATA of one node: every metric each message, the counters rising, a state change every 100 messages. */
function messagesOf(sim: ReturnType<typeof createEdgeNodeSimulator>): OutboundMessage[] {
  const out: OutboundMessage[] = [];
  let total = 0n;
  let rejects = 0;
  for (let i = 0; i < MESSAGES; i++) {
    total += 5n;
    if (i % 10 === 0) rejects += 1;
    const v: Record<string, number | bigint> = { State: Math.floor(i / 100) % 2 === 0 ? 6 : 4, Total: total, Rejects: rejects };
    for (let p = 3; p < METRICS; p++) v[`P${p}`] = 20 + Math.sin(i / 10 + p);
    out.push(sim.deviceData('D', v));
  }
  return out;
}

async function ingestRun(dialect: Dialect, store: StoreConfig, brokerUrl: string | undefined): Promise<{ metricsPerSec: number; rows: number; seconds: number; broker: string }> {
  const group = `bench${randomBytes(3).toString('hex')}`;
  const takt = await createTakt({
    store, adminPassword: 'bench-password-1',
    sparkplug: brokerUrl ? { url: brokerUrl, hostId: group } : { hostId: group, embedded: { host: '127.0.0.1', port: 0 } },
  });
  const edges: EdgeNodeConnection[] = [];
  try {
    await setUp(takt, group);
    const status = (await takt.app.inject({ method: 'GET', url: '/health' })).statusCode;
    if (status !== 200) throw new Error('not healthy');
    const url = brokerUrl ?? (await statusUrl(takt));
    const plans: OutboundMessage[][] = [];
    for (let n = 0; n < NODES; n++) {
      const sim = createEdgeNodeSimulator({
        groupId: group, edgeNodeId: `EN${n}`,
        devices: [{ deviceId: 'D', metrics: [
          { name: 'State', datatype: 'Int32', value: 4 }, { name: 'Total', datatype: 'UInt64', value: 0n }, { name: 'Rejects', datatype: 'UInt32', value: 0 },
          ...Array.from({ length: METRICS - 3 }, (_, p) => ({ name: `P${p + 3}`, datatype: 'Double' as const, value: 20 })),
        ] }],
      });
      edges.push(await connectEdgeNode(sim, { url, protocolVersion: 4 }));
      plans.push(messagesOf(sim));
    }
    const birthRows = NODES * (METRICS + 2); // NBIRTH: bdSeq, rebirth; DBIRTH: every metric
    await waitFor(() => takt.machines.counters().historyRows >= birthRows, 30_000);
    const before = takt.machines.counters().historyRows;
    const expected = before + NODES * MESSAGES * METRICS;
    const started = performance.now();
    const window = 200; // messages per node in flight at most: QoS 0 must not outrun the host
    await profilePhase(PROFILE_DIR && join(PROFILE_DIR, `machine-ingest-${dialect}.cpuprofile`), async () => {
      for (let i = 0; i < MESSAGES; i += window) {
        await Promise.all(edges.map((e, n) => e.publish((plans[n] as OutboundMessage[]).slice(i, i + window))));
        const sent = NODES * Math.min(MESSAGES, i + window);
        await waitFor(() => takt.machines.counters().metricsReceived >= NODES * (METRICS + 2) + (sent - NODES * window) * METRICS);
      }
      await waitFor(() => takt.machines.counters().historyRows >= expected);
    });
    const seconds = (performance.now() - started) / 1000;
    const c = takt.machines.counters();
    if (c.dropped['batch-failed'] > 0) throw new Error('a batch failed');
    return { metricsPerSec: (NODES * MESSAGES * METRICS) / seconds, rows: expected - before, seconds, broker: brokerUrl ? 'mosquitto' : 'embedded' };
  } finally {
    for (const e of edges) e.crash();
    await takt.close();
  }
}

async function statusUrl(takt: Takt): Promise<string> {
  const login = await takt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'bench-password-1' } });
  const token = (JSON.parse(login.body) as { token: string }).token;
  const r = await takt.app.inject({ method: 'GET', url: '/api/v1/machines/status', headers: { authorization: `Bearer ${token}` } });
  return (JSON.parse(r.body) as { sparkplug: { brokerUrl: string } }).sparkplug.brokerUrl;
}

/**
 * The same rows with the raw driver, one transaction per batch of 5000, written the way Takt writes them: on SQLite
 * multi-row VALUES of 2000 rows (prepared once, parameters filled into one reused array), on PostgreSQL one
 * statement over five column arrays. As fast as the driver goes, so the ratio is against the floor.
 */
async function rawRun(dialect: Dialect, store: StoreConfig, rows: number): Promise<number> {
  const chunk = 2000;
  const series = NODES * METRICS;
  const params: (number | null)[] = new Array(chunk * 5);
  const fill = (c: number): (number | null)[] => {
    let k = 0;
    for (let i = c; i < c + chunk; i++) {
      params[k++] = 1 + (i % series);
      params[k++] = 1_700_000_000_000 + Math.floor(i / series);
      params[k++] = 20 + Math.sin(i);
      params[k++] = null;
      params[k++] = 0;
    }
    return params;
  };
  const batches = Math.ceil(rows / chunk) * chunk; // whole chunks: at most one chunk more than the ingest's rows
  if (dialect === 'sqlite' && store.dialect === 'sqlite') {
    const db = new BetterSqlite3(store.file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const insert = db.prepare(`insert into process_history (series_id, ts, value, text_value, flags) values ${Array.from({ length: chunk }, () => '(?, ?, ?, ?, ?)').join(', ')}`);
    const started = performance.now();
    for (let b = 0; b < batches; b += BATCH) {
      db.transaction(() => {
        for (let c = b; c < Math.min(batches, b + BATCH); c += chunk) insert.run(fill(c));
      })();
    }
    const seconds = (performance.now() - started) / 1000;
    db.close();
    return batches / seconds;
  }
  if (store.dialect !== 'postgres') throw new Error('store');
  const client = new pg.Client({ connectionString: store.url, ...(store.schema ? { options: `-c search_path=${store.schema}` } : {}) });
  await client.connect();
  // The same statement Takt uses there: the batch as five column arrays (faster than VALUES lists on this server).
  const started = performance.now();
  for (let b = 0; b < batches; b += BATCH) {
    const n = Math.min(batches, b + BATCH) - b;
    const cols: [number[], number[], number[], null[], number[]] = [new Array(n), new Array(n), new Array(n), new Array(n).fill(null), new Array(n).fill(0)];
    for (let i = 0; i < n; i++) {
      cols[0][i] = 1 + ((b + i) % series);
      cols[1][i] = 1_700_000_000_000 + Math.floor((b + i) / series);
      cols[2][i] = 20 + Math.sin(b + i);
    }
    await client.query('begin');
    await client.query(PG_HISTORY_INSERT, cols);
    await client.query('commit');
  }
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return batches / seconds;
}

async function freshConfig(dialect: Dialect): Promise<{ store: StoreConfig; release: () => Promise<void> } | undefined> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'takt-bench-'));
    return { store: { dialect: 'sqlite', file: join(dir, 'takt.sqlite') }, release: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
  } catch {
    return undefined;
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  await createSchema(PG_URL, schema);
  return { store: { dialect: 'postgres', url: PG_URL, schema, poolSize: 8 }, release: () => dropSchema(PG_URL, schema) };
}

const brokerUrl = values.broker ?? ((await reachable('127.0.0.1', 1883)) ? 'mqtt://127.0.0.1:1883' : undefined);
console.log(`machine ingest: ${NODES} edge nodes x ${MESSAGES} DDATA x ${METRICS} metrics = ${NODES * MESSAGES * METRICS} metrics; broker ${brokerUrl ?? 'embedded'}; ${cpus().length} cpus`);
for (const dialect of dialects) {
  const fresh = await freshConfig(dialect);
  if (!fresh) {
    console.log(`${dialect}: SKIPPED (no PostgreSQL at ${PG_URL})`);
    continue;
  }
  try {
    const ingest = await ingestRun(dialect, fresh.store, brokerUrl);
    const raw = await rawRun(dialect, fresh.store, ingest.rows);
    const ratio = ingest.metricsPerSec / raw;
    console.log(`${dialect.padEnd(8)} ingest ${Math.round(ingest.metricsPerSec).toLocaleString('en')} metrics/s (${ingest.seconds.toFixed(2)} s, ${ingest.broker})  raw insert ${Math.round(raw).toLocaleString('en')} rows/s  ratio ${ratio.toFixed(2)}x`);
    console.log(JSON.stringify({ bench: 'machine-ingest', dialect, broker: ingest.broker, nodes: NODES, metrics: METRICS, messages: MESSAGES, metricsPerSec: Math.round(ingest.metricsPerSec), rawRowsPerSec: Math.round(raw), ratio: Number(ratio.toFixed(3)) }));
  } finally {
    await fresh.release();
  }
}
