/**
 * The crash test, long form: many SIGKILLs of a served Takt under execution load, on each store.
 *
 *   npx tsx bench/crash-long.ts [--dialect sqlite|postgres|both] [--cycles N] [--workers W] [--rounds R]
 *
 * PostgreSQL runs on a new database made on the server of TAKT_BENCH_DATABASE_URL (or TAKT_TEST_DATABASE_URL) and
 * dropped at the end. Prints one line per kill, a summary per store and one JSON line per store starting with
 * `{"bench":"crash"`. Exits 1 when any acknowledged command is missing or any partial command is found.
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { crashRun } from '../test/reliability/support/crash-run.js';

const { values } = parseArgs({
  options: { dialect: { type: 'string', default: 'both' }, cycles: { type: 'string', default: '10' }, workers: { type: 'string', default: '8' }, rounds: { type: 'string', default: '8' } },
});
const cycles = Number(values.cycles);
const workers = Number(values.workers);
const rounds = Number(values.rounds);
const dialects = values.dialect === 'both' ? (['sqlite', 'postgres'] as const) : [values.dialect as 'sqlite' | 'postgres'];
process.env.TAKT_BENCH_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
console.log(`crash long form: ${cycles} kills per store, ${workers} workers; nproc ${availableParallelism()}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
let failed = false;
for (const dialect of dialects) {
  const r = await crashRun({ dialect, cycles, workers, orders: workers * 40, rounds, acksPerCycle: 60, log: (l) => console.log(l) });
  console.log(`${dialect}: ${r.kills} kills, ${r.acknowledged} acknowledged, ${r.refused} refused, ${r.resent} resent after a lost answer, ${r.serverErrors} 5xx, ${r.journalEvents} journal events, ${r.problems.length} problems, ${r.seconds.toFixed(0)} s`);
  for (const p of r.problems.slice(0, 20)) console.log(`  PROBLEM ${p}`);
  console.log(JSON.stringify({ bench: 'crash', ...r, problems: r.problems.length }));
  if (r.problems.length > 0 || r.serverErrors > 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
