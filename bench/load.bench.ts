/**
 * Load on a served Takt: a `takt serve` process (as deployed: its own process, its own store) and this load client
 * with C concurrent clients over keep-alive HTTP, running a plant-like mix: each client works orders through
 * start → (consume, report) × R → produce → complete as an operator, and between commands does what terminals and
 * dashboards do: reads its work center's dispatch list, the order, the lot it consumes and (now and then) a genealogy.
 *
 *   npx tsx bench/load.bench.ts [--dialect sqlite|postgres|both] [--clients C] [--orders N] [--rounds R]
 *
 * Prints commands/s and reads/s, p50/p99 per kind, and the same client's /health requests/s against the same
 * server in the same run: the HTTP floor (transport, framework, no store), so `cmd/s ÷ health/s` says what share of
 * the edge's capacity a command keeps. (The command pipeline against the raw driver is bench/execution.bench.ts.)
 * PostgreSQL: a new database on the server of TAKT_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test),
 * dropped at the end. One JSON line per store starting with `{"bench":"load"`.
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { setUpExecutionPlant } from '../test/reliability/support/execution-plant.js';
import { login, request } from '../test/reliability/support/http-client.js';
import { scratchStore } from '../test/reliability/support/crash-run.js';
import { freePort, serveTakt } from '../test/reliability/support/serve-process.js';

const { values } = parseArgs({ options: { dialect: { type: 'string', default: 'both' }, clients: { type: 'string', default: '16' }, orders: { type: 'string', default: '96' }, rounds: { type: 'string', default: '4' } } });
const CLIENTS = Number(values.clients);
const ORDERS = Number(values.orders);
const ROUNDS = Number(values.rounds);
process.env.TAKT_BENCH_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';

type Kind = 'start' | 'consume' | 'report' | 'produce' | 'complete' | 'dispatch-list' | 'order' | 'lot' | 'genealogy';
const COMMANDS: readonly Kind[] = ['start', 'consume', 'report', 'produce', 'complete'];

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 100) / 100;
};

async function health(base: string, ms: number): Promise<number> {
  let n = 0;
  const until = performance.now() + ms;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < until) {
      await request(base, 'GET', '/health');
      n += 1;
    }
  }));
  return n / (ms / 1000);
}

async function run(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const store = await scratchStore(dialect);
  const server = await serveTakt(store.serve, await freePort(), { TAKT_LOGIN_LIMIT_ADDRESS: '1000/60' });
  try {
    const plan = await setUpExecutionPlant(server.url, { workers: CLIENTS, orders: ORDERS, lots: 8, lotQuantity: 1_000_000, rounds: ROUNDS });
    const token = await login(server.url, plan.operator.username, plan.operator.password);
    const lat = new Map<Kind, number[]>();
    let refused = 0;
    const timed = async (kind: Kind, method: string, path: string, body?: unknown) => {
      const t0 = performance.now();
      const r = await request(server.url, method, path, { token, ...(body === undefined ? {} : { body }) });
      lat.set(kind, [...(lat.get(kind) ?? []), performance.now() - t0]);
      if (r.status >= 500) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      if (r.status >= 400) refused += 1;
    };
    let next = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = next++; i < plan.orders.length; i = next++) {
        const o = plan.orders[i]!;
        const op = `/api/v1/operations/${o.operationId}`;
        await timed('dispatch-list', 'GET', '/api/v1/work-centers/REL-WC/dispatch-list');
        await timed('start', 'POST', `${op}/start`, { equipmentId: plan.equipment[c] });
        for (let r = 0; r < ROUNDS; r += 1) {
          const lot = plan.lots[(c + r) % plan.lots.length]!.id;
          await timed('lot', 'GET', `/api/v1/lots/${lot}`);
          await timed('consume', 'POST', `${op}/consume`, { lotId: lot, quantity: 1 });
          await timed('report', 'POST', `${op}/report`, { good: 1, scrap: 0 });
        }
        await timed('produce', 'POST', `${op}/produce`, { lotId: `${o.id}-OUT`, quantity: ROUNDS });
        await timed('order', 'GET', `/api/v1/work-orders/${o.id}`);
        await timed('complete', 'POST', `${op}/complete`, {});
        if (i % 8 === 0) await timed('genealogy', 'GET', `/api/v1/lots/${o.id}-OUT/genealogy?direction=backward`);
      }
    }));
    const seconds = (performance.now() - t0) / 1000;
    const healthRate = await health(server.url, 5000);
    const all = (kinds: readonly Kind[]) => kinds.flatMap((k) => lat.get(k) ?? []);
    const cmd = all(COMMANDS);
    const reads = all([...lat.keys()].filter((k) => !COMMANDS.includes(k)));
    const cps = cmd.length / seconds;
    console.log(`\n${dialect}: ${CLIENTS} clients, ${plan.orders.length} orders, ${cmd.length} commands + ${reads.length} reads in ${seconds.toFixed(1)} s (${refused} refused)`);
    console.log(`  commands ${cps.toFixed(0).padStart(6)} /s   p50 ${pct(cmd, 0.5)} ms   p99 ${pct(cmd, 0.99)} ms`);
    console.log(`  reads    ${(reads.length / seconds).toFixed(0).padStart(6)} /s   p50 ${pct(reads, 0.5)} ms   p99 ${pct(reads, 0.99)} ms`);
    for (const [k, xs] of lat) console.log(`    ${k.padEnd(14)} n=${String(xs.length).padStart(5)}   p50 ${pct(xs, 0.5)} ms   p99 ${pct(xs, 0.99)} ms`);
    console.log(`  /health floor ${healthRate.toFixed(0)} req/s   commands at ${(cps / healthRate).toFixed(3)}x of it, all requests at ${((cmd.length + reads.length) / seconds / healthRate).toFixed(3)}x`);
    console.log(JSON.stringify({
      bench: 'load', dialect, clients: CLIENTS, orders: plan.orders.length, commands: cmd.length, reads: reads.length, refused, seconds: Math.round(seconds * 10) / 10,
      cps: Math.round(cps), cmdP50: pct(cmd, 0.5), cmdP99: pct(cmd, 0.99), readsPerSec: Math.round(reads.length / seconds), readP50: pct(reads, 0.5), readP99: pct(reads, 0.99),
      healthPerSec: Math.round(healthRate), ratio: Math.round((cps / healthRate) * 1000) / 1000, nproc: availableParallelism(), load: loadavg()[0],
    }));
  } finally {
    await server.kill('SIGTERM');
    await store.release();
  }
}

console.log(`load bench: nproc ${availableParallelism()}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (const d of values.dialect === 'both' ? (['sqlite', 'postgres'] as const) : [values.dialect as 'sqlite' | 'postgres']) await run(d);
