/**
 * OEE through the store: a year of generated history of 100 pieces of equipment (the generator of oee.bench.ts:
 * three shifts with breaks in Europe/Berlin, a state change every few minutes, a count per running interval) is
 * written to a fresh store, then the site OEE is asked the way `GET /api/v1/sites/{id}/oee` asks it (`scopeOee`:
 * calendar expansion, per-equipment loading of intervals and counts, the account, the KPIs).
 *
 * Measured: the first (cold) report, which computes every site-local day from the history and caches the closed
 * ones, then the median of the following (warm) reports, which sum the cached day accounts. Baseline, in the same
 * process and interleaved: reading the same interval and count rows with the raw driver (better-sqlite3 / pg) and
 * summing them, the floor of any computation that reads the history. The in-memory domain figure of the same data
 * is printed beside it, and the three OEE figures must agree.
 *
 *   npx tsx bench/oee-store.bench.ts [sqlite] [postgres] [--equipment 100] [--days 366] [--runs 3]
 *
 * PostgreSQL: TAKT_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), a fresh schema dropped at
 * the end. SQLite: a file in a temporary folder with Takt's settings, removed at the end.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { createTakt, type Takt } from '../src/main.js';
import { SYSTEM_ACTOR } from '../src/platform/auth/roles.js';
import { createSchema, dropSchema, type Dialect, type StoreConfig } from '../src/platform/store/database.js';
import { putEquipmentSettings, putSiteShift, scopeOee } from '../src/modules/equipment/index.js';
import {
  accountEquipment,
  addAccounts,
  EMPTY_ACCOUNT,
  expandShifts,
  oeeFromAccount,
  plannedSchedule,
  type EquipmentPerformanceInput,
} from '../src/modules/equipment/domain/index.js';
import { putNode } from '../src/modules/resources/index.js';
import { generateEquipment, OEE_SHIFTS, OEE_TIME_ZONE, prng, workingSpans } from './oee-history.generator.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { equipment: { type: 'string', default: '100' }, days: { type: 'string', default: '366' }, runs: { type: 'string', default: '3' } },
});
const EQUIPMENT = Number(values.equipment);
const RUNS = Number(values.runs);
const FROM = Date.parse('2024-01-01T00:00:00Z');
const TO = FROM + Number(values.days) * 86_400_000;
const GOAL_MS = 500;
const DIALECTS = (positionals.length > 0 ? positionals : ['sqlite', 'postgres']) as Dialect[];
const PG_URL = process.env.TAKT_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const timeIt = async <T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> => {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const value = await fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
};

/** Writes one piece of equipment's history with the raw driver (seeding is not what is measured). */
interface Seeder {
  write(e: EquipmentPerformanceInput): Promise<void>;
  /** Baseline: reads every interval and count row and sums them. */
  rawRead(): Promise<number>;
  close(): Promise<void>;
}

function sqliteSeeder(file: string): Seeder {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  const iv = db.prepare('insert into equipment_states (equipment_id, from_at, to_at, state, reason, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?)');
  const ct = db.prepare("insert into equipment_counts (equipment_id, at, total, reject, rework, source, recorded_by) values (?, ?, ?, ?, ?, 'machine', 'bench')");
  const write = db.transaction((e: EquipmentPerformanceInput) => {
    for (const i of e.intervals) iv.run(e.equipmentId, i.from, i.to, i.state, i.reason, i.from, 'bench');
    for (const c of e.counts) ct.run(e.equipmentId, c.at, c.total, c.reject, c.rework ?? 0);
  });
  const states = db.prepare('select from_at, to_at from equipment_states');
  const counts = db.prepare('select total, reject from equipment_counts');
  return {
    write: async (e) => void write(e),
    rawRead: async () => {
      let sum = 0;
      for (const r of states.iterate() as Iterable<{ from_at: number; to_at: number | null }>) sum += (r.to_at ?? TO) - r.from_at;
      for (const r of counts.iterate() as Iterable<{ total: number; reject: number }>) sum += r.total - r.reject;
      return sum;
    },
    close: async () => void db.close(),
  };
}

async function pgSeeder(schema: string): Promise<Seeder> {
  const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
  await client.connect();
  const CHUNK = 20_000;
  return {
    write: async (e) => {
      for (let k = 0; k < e.intervals.length; k += CHUNK) {
        const part = e.intervals.slice(k, k + CHUNK);
        await client.query(
          "insert into equipment_states (equipment_id, from_at, to_at, state, reason, recorded_at, recorded_by) select $1, f, t, s, r, f, 'bench' from unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[]) as u(f, t, s, r)",
          [e.equipmentId, part.map((i) => i.from), part.map((i) => i.to), part.map((i) => i.state), part.map((i) => i.reason)],
        );
      }
      for (let k = 0; k < e.counts.length; k += CHUNK) {
        const part = e.counts.slice(k, k + CHUNK);
        await client.query(
          "insert into equipment_counts (equipment_id, at, total, reject, rework, source, recorded_by) select $1, a, t, r, w, 'machine', 'bench' from unnest($2::bigint[], $3::float8[], $4::float8[], $5::float8[]) as u(a, t, r, w)",
          [e.equipmentId, part.map((c) => c.at), part.map((c) => c.total), part.map((c) => c.reject), part.map((c) => c.rework ?? 0)],
        );
      }
    },
    rawRead: async () => {
      let sum = 0;
      for (const r of (await client.query<{ from_at: string; to_at: string | null }>('select from_at, to_at from equipment_states')).rows) sum += (r.to_at === null ? TO : Number(r.to_at)) - Number(r.from_at);
      for (const r of (await client.query<{ total: number; reject: number }>('select total, reject from equipment_counts')).rows) sum += r.total - r.reject;
      return sum;
    },
    close: () => client.end(),
  };
}

async function seedMasterData(takt: Takt): Promise<void> {
  const as = { actor: SYSTEM_ACTOR };
  await takt.runner.run(putNode, { level: 'site', id: 'S', name: 'Plant', parentId: null, timeZone: OEE_TIME_ZONE }, as);
  await takt.runner.run(putNode, { level: 'area', id: 'A', name: 'Area', parentId: 'S' }, as);
  await takt.runner.run(putNode, { level: 'work_center', id: 'WC', name: 'Line', parentId: 'A' }, as);
  for (const s of OEE_SHIFTS) await takt.runner.run(putSiteShift, { siteId: 'S', code: s.code, start: s.start, end: s.end, days: s.days, breaks: s.breaks }, as);
}

async function benchDialect(dialect: Dialect): Promise<void> {
  let config: StoreConfig;
  let cleanup: () => Promise<void>;
  let seeder: Seeder;
  let file = '';
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'takt-oee-'));
    file = join(dir, 'takt.db');
    config = { dialect: 'sqlite', file };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `bench_${randomBytes(5).toString('hex')}`;
    try {
      await createSchema(PG_URL, schema);
    } catch (error) {
      console.log(`postgres: SKIPPED (${String(error)})`);
      return;
    }
    config = { dialect: 'postgres', url: PG_URL, schema };
    cleanup = () => dropSchema(PG_URL, schema);
  }
  const takt = await createTakt({ store: config, adminPassword: 'bench-password-1', groupCommit: false });
  try {
    await seedMasterData(takt);
    seeder = dialect === 'sqlite' ? sqliteSeeder(file) : await pgSeeder((config as { schema: string }).schema);
    const schedule = plannedSchedule(expandShifts(OEE_SHIFTS, { timeZone: OEE_TIME_ZONE, from: FROM, to: TO }), { from: FROM, to: TO });
    const random = prng(22400);
    const working = workingSpans(FROM, TO);
    let domainAccount = EMPTY_ACCOUNT;
    let domainMs = 0;
    let intervals = 0;
    let counts = 0;
    const load = await timeIt(async () => {
      for (let i = 0; i < EQUIPMENT; i++) {
        // The store has no operations: every count is judged at the equipment's default ideal cycle time.
        const { idealCycleTimes: _segments, ...e } = generateEquipment(i, working, random, FROM, TO);
        await takt.runner.run(putNode, { level: 'equipment', id: e.equipmentId, name: e.equipmentId, parentId: 'WC', idealCycleTimeSec: e.defaultIdealCycleTimeSec }, { actor: SYSTEM_ACTOR });
        await takt.runner.run(putEquipmentSettings, { equipmentId: e.equipmentId, microStopThresholdSec: e.microStopThresholdSec }, { actor: SYSTEM_ACTOR });
        await seeder.write(e);
        const started = performance.now();
        domainAccount = addAccounts(domainAccount, accountEquipment(e, { from: FROM, to: TO, now: TO }, schedule));
        domainMs += performance.now() - started;
        intervals += e.intervals.length;
        counts += e.counts.length;
      }
    });
    const domainOee = oeeFromAccount(domainAccount).oee;
    const ask = () => scopeOee(takt.store.db, 'site', 'S', { from: FROM, to: TO, now: TO + 86_400_000 });
    // Cold: the first report computes every day from the history (and caches the closed ones).
    const cold = await timeIt(ask);
    const warmRuns: number[] = [];
    const warmCpu: number[] = [];
    const rawRuns: number[] = [];
    let warm = cold.value;
    for (let r = 0; r < RUNS; r++) {
      const raw = await timeIt(() => seeder.rawRead());
      rawRuns.push(raw.ms);
      const s = await timeIt(ask);
      warmRuns.push(s.ms);
      warmCpu.push(s.cpuMs);
      warm = s.value;
    }
    await seeder.close();
    const ms = median(warmRuns);
    const rawMs = median(rawRuns);
    console.log(`${dialect}: ${EQUIPMENT} equipment, ${intervals} intervals, ${counts} counts over ${(TO - FROM) / 86_400_000} days, written in ${(load.ms / 1000).toFixed(0)} s`);
    console.log(`  cold (every day computed from the history): ${cold.ms.toFixed(0)} ms wall, ${cold.cpuMs.toFixed(0)} ms CPU; days ${JSON.stringify(cold.value.days)}`);
    console.log(`  warm (closed days from the cache): ${ms.toFixed(0)} ms wall, ${median(warmCpu).toFixed(0)} ms CPU (median of ${RUNS}; goal ${GOAL_MS} ms); days ${JSON.stringify(warm.days)}`);
    console.log(`  raw driver read of the history rows: ${rawMs.toFixed(0)} ms; cold/raw ${(cold.ms / rawMs).toFixed(2)}x, warm/raw ${(ms / rawMs).toFixed(3)}x; domain account alone: ${domainMs.toFixed(0)} ms`);
    console.log(`  OEE ${(cold.value.oee * 100).toFixed(2)} % cold, ${(warm.oee * 100).toFixed(2)} % warm, ${(domainOee * 100).toFixed(2)} % in memory`);
    console.log(JSON.stringify({
      bench: 'oee-store', dialect, equipment: EQUIPMENT, days: (TO - FROM) / 86_400_000, intervals, counts,
      coldMs: Number(cold.ms.toFixed(1)), coldCpuMs: Number(cold.cpuMs.toFixed(1)), warmMs: Number(ms.toFixed(1)), warmCpuMs: Number(median(warmCpu).toFixed(1)),
      rawReadMs: Number(rawMs.toFixed(1)), coldVsRaw: Number((cold.ms / rawMs).toFixed(2)), warmVsRaw: Number((ms / rawMs).toFixed(4)), domainMs: Number(domainMs.toFixed(1)),
      goalMs: GOAL_MS, warmWithinGoal: ms < GOAL_MS, oee: Number(warm.oee.toFixed(6)),
      sameAsDomain: Math.abs(cold.value.oee - domainOee) < 1e-9 && Math.abs(warm.oee - domainOee) < 1e-9,
    }));
  } finally {
    await takt.close();
    await cleanup();
  }
}

for (const d of DIALECTS) await benchDialect(d);
