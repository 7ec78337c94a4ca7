/**
 * Inbound import throughput end to end through the store: a 1,000-order V0600 ProcessProductionSchedule parsed,
 * XSD-validated, checked against the master data and applied in one transaction (1,000 work orders with their
 * operations and BOM lines, 1,001 journal events), against the plainest way to get the same orders into Takt: one
 * createWorkOrder command per order, one after the other (what an ERP connector calling the REST API causes, without
 * the HTTP). Both on each dialect, interleaved in rounds, fresh order ids each round.
 *
 *   npx tsx bench/b2mml-store-import.bench.ts [sqlite] [postgres] [--orders 1000] [--rounds 3]
 *
 * The Business To Manufacturing Markup Language (B2MML) is used courtesy of MESA International.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTakt, type Takt } from '../src/main.js';
import { SYSTEM_ACTOR } from '../src/platform/auth/roles.js';
import { createSchema, dropSchema, type Dialect, type StoreConfig } from '../src/platform/store/database.js';
import { loadB2mmlSchemas, parseInbound, SCHEMAS_ENV, type B2mmlSchemas } from '../src/modules/integration/b2mml/index.js';
import { receiveB2mml } from '../src/modules/integration/index.js';
import { approveRevision, createRevision, putMaterial } from '../src/modules/product/index.js';
import { createWorkOrder } from '../src/modules/production/index.js';
import { putNode, putPerson } from '../src/modules/resources/index.js';
import { generateSchedule, orderId, orderQuantity, PRODUCTS, WORK_CENTERS } from './b2mml-schedule.generator.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { orders: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '3' } } });
const ORDERS = Number(values.orders);
const ROUNDS = Number(values.rounds);
const DIALECTS = (positionals.length > 0 ? positionals : ['sqlite', 'postgres']) as Dialect[];
const PG_URL = process.env.TAKT_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function schemaFolder(): string {
  const folder = process.env[SCHEMAS_ENV] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/standards/b2mml');
  if (!existsSync(join(folder, 'V0600'))) throw new Error(`MESA B2MML schemas not found at ${folder}; set ${SCHEMAS_ENV}`);
  return folder;
}

/** The plant the schedule names; every product with an approved revision, so both variants create orders alike. */
async function seed(takt: Takt): Promise<void> {
  const as = { actor: SYSTEM_ACTOR };
  await takt.runner.run(putNode, { level: 'site', id: 'PLANT-1', name: 'Plant', parentId: null }, as);
  await takt.runner.run(putNode, { level: 'area', id: 'AREA-1', name: 'Area', parentId: 'PLANT-1' }, as);
  for (let w = 0; w < WORK_CENTERS; w += 1) await takt.runner.run(putNode, { level: 'work_center', id: `WC-${w}`, name: `WC ${w}`, parentId: 'AREA-1' }, as);
  for (let p = 0; p < PRODUCTS; p += 1) {
    await takt.runner.run(putMaterial, { id: `RM-${p}`, name: `Raw ${p}`, uom: 'kg', lotControlled: true, shelfLifeDays: null }, as);
    await takt.runner.run(putMaterial, { id: `FG-${p}`, name: `Product ${p}`, uom: 'ea', lotControlled: true, shelfLifeDays: null }, as);
    const content = {
      bom: [{ materialId: `RM-${p}`, quantity: 0.25, uom: 'kg', operationSeq: 10, tolerance: 0 }],
      routing: [10, 20, 30].map((seq) => ({ seq, name: `Step ${seq}`, workCenterId: `WC-${(p + seq / 10) % WORK_CENTERS}`, overlap: false, critical: false, inspections: [] })),
    };
    const draft = await takt.runner.run(createRevision, { materialId: `FG-${p}`, content }, as);
    if (draft.kind !== 'applied') throw new Error('revision not created');
    await takt.runner.run(approveRevision, { materialId: `FG-${p}`, revision: draft.result.revision }, as);
  }
  await takt.runner.run(putPerson, { id: 'bench-erp', name: 'ERP', roles: ['integration'], password: 'bench-pass-1' }, as);
}

interface Sample { wallMs: number; cpuMs: number }
type Variant = { readonly key: string; readonly label: string; readonly run: (round: number) => Promise<void> };

function variants(takt: Takt, schemas: B2mmlSchemas, token: string, dialect: Dialect): Variant[] {
  const actor = { username: 'bench-erp', name: 'ERP', roles: ['integration' as const] };
  const message = (round: number, kind: string) => generateSchedule(ORDERS, `BENCH-${dialect}-${kind}-${round}`, `${kind}${round}`);
  return [
    {
      key: 'http', label: 'POST /integration/b2mml (inject), one message',
      run: async (round) => {
        const res = await takt.app.inject({ method: 'POST', url: '/api/v1/integration/b2mml', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' }, payload: message(round, 'H') });
        if (res.statusCode !== 200) throw new Error(`import answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
      },
    },
    {
      key: 'service', label: 'receiveB2mml (no HTTP), one message',
      run: async (round) => {
        const answer = await receiveB2mml(takt.runner, message(round, 'S'), { actor, schemas });
        if (answer.kind !== 'accepted' || answer.replayed) throw new Error('not imported');
      },
    },
    {
      key: 'parseOnly', label: 'parse + XSD + translate only (no store)',
      run: async (round) => {
        if (!parseInbound(message(round, 'P'), { schemas }).ok) throw new Error('refused');
      },
    },
    {
      key: 'commands', label: `baseline: ${ORDERS} createWorkOrder commands, one by one`,
      run: async (round) => {
        for (let i = 0; i < ORDERS; i += 1) {
          await takt.runner.run(createWorkOrder, { id: orderId(`C${round}`, i), materialId: `FG-${i % PRODUCTS}`, quantity: orderQuantity(i), priority: i % 5 }, { actor });
        }
      },
    },
  ];
}

async function bench(dialect: Dialect, config: StoreConfig, schemas: B2mmlSchemas): Promise<void> {
  const takt = await createTakt({ store: config, adminPassword: 'bench-admin-1', integration: { schemas, outbox: { pollMs: 60_000 } } });
  try {
    await seed(takt);
    const { token } = await takt.tokens.issue('bench-erp', 0);
    const list = variants(takt, schemas, token, dialect);
    const samples = new Map<string, Sample[]>(list.map((v) => [v.key, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const v of list) {
        const cpu = process.cpuUsage();
        const t0 = performance.now();
        await v.run(round);
        const wallMs = performance.now() - t0;
        const used = process.cpuUsage(cpu);
        samples.get(v.key)?.push({ wallMs, cpuMs: (used.user + used.system) / 1000 });
      }
    }
    const results: Record<string, { ordersPerSec: number; wallMs: number; cpuMs: number }> = {};
    console.log(`\nb2mml-store-import: ${dialect}, ${ORDERS} orders per message, ${ROUNDS} interleaved rounds (median)`);
    for (const v of list) {
      const s = [...(samples.get(v.key) ?? [])].sort((a, b) => a.wallMs - b.wallMs);
      const mid = s[Math.floor(s.length / 2)] ?? { wallMs: NaN, cpuMs: NaN };
      results[v.key] = { ordersPerSec: Math.round((ORDERS * 1000) / mid.wallMs), wallMs: Math.round(mid.wallMs), cpuMs: Math.round(mid.cpuMs) };
      console.log(`  ${v.label.padEnd(50)} ${String(results[v.key]?.ordersPerSec).padStart(7)} orders/s   ${String(results[v.key]?.wallMs).padStart(7)} ms wall   ${String(results[v.key]?.cpuMs).padStart(7)} ms CPU`);
    }
    const ratio = (a: string, b: string) => Math.round(((results[a]?.wallMs ?? NaN) / (results[b]?.wallMs ?? NaN)) * 100) / 100;
    const timeRatio = { httpVsCommands: ratio('http', 'commands'), serviceVsCommands: ratio('service', 'commands'), parseShareOfService: ratio('parseOnly', 'service') };
    console.log(`  time ratios: ${JSON.stringify(timeRatio)}`);
    console.log(JSON.stringify({ bench: 'b2mml-store-import', dialect, orders: ORDERS, rounds: ROUNDS, results, timeRatio, node: process.version, cpus: availableParallelism() }));
  } finally {
    await takt.close();
  }
}

const schemas = loadB2mmlSchemas(schemaFolder());
schemas.warmUp();
for (const dialect of DIALECTS) {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'takt-bench-import-'));
    try {
      await bench('sqlite', { dialect: 'sqlite', file: join(dir, 'takt.db') }, schemas);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    continue;
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  try {
    await createSchema(PG_URL, schema);
  } catch (error) {
    console.log(`\nb2mml-store-import: postgres SKIPPED (${String(error)})`);
    continue;
  }
  try {
    await bench('postgres', { dialect: 'postgres', url: PG_URL, schema }, schemas);
  } finally {
    await dropSchema(PG_URL, schema);
  }
}
