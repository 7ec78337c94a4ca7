import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/platform/store/database.js';
import { loadVerifyKey } from '../../src/platform/journal/anchor/anchor-key.js';
import { verifyJournalAnchored } from '../../src/platform/journal/anchor/anchor-verify.js';
import { readJournalHead } from '../../src/platform/journal/journal.repository.js';
import { seriesValue } from '../support/metrics.js';
import type { AckLine } from './load-generator.js';
import { missingAcknowledged, partialCommands } from './support/execution-invariants.js';
import { setUpExecutionPlant, type ExecutionPlan } from './support/execution-plant.js';
import { login, request } from './support/http-client.js';
import { readAcks, scratchStore, startGenerator } from './support/crash-run.js';
import { serverUrl } from './support/pg-database.js';
import { ADMIN_PASSWORD, freePort, serveTakt, type ServedTakt } from './support/serve-process.js';

const WORKERS = 12;
const LOT_QUANTITY = 40;

/**
 * Two `takt serve` processes on one PostgreSQL database, twelve clients split between them consuming from the same
 * two raw lots (too little for all: the lots run out mid-run) and producing into their orders' lots.
 */
describe.skipIf(!serverUrl())('two Takt processes on one PostgreSQL database', () => {
  let nodes: ServedTakt[] = [];
  let release: () => Promise<void>;
  let config: Awaited<ReturnType<typeof scratchStore>>['config'];
  let dataDir: string;
  let plan: ExecutionPlan;
  let acks: AckLine[];
  const dir = mkdtempSync(join(tmpdir(), 'takt-two-nodes-'));

  beforeAll(async () => {
    const store = await scratchStore('postgres');
    release = store.release;
    config = store.config;
    dataDir = store.dataDir;
    nodes.push(await serveTakt(store.serve, await freePort()));
    nodes.push(await serveTakt(store.serve, await freePort()));
    plan = await setUpExecutionPlant(nodes[0]!.url, { workers: WORKERS, orders: WORKERS * 2, lots: 2, lotQuantity: LOT_QUANTITY, rounds: 6 });
    const generator = startGenerator(dir, nodes.map((n) => n.url), plan, WORKERS);
    await generator.exited;
    acks = readAcks(generator.ackFile, true);
  }, 240_000);

  afterAll(async () => {
    for (const n of nodes) await n.kill('SIGTERM');
    nodes = [];
    rmSync(dir, { recursive: true, force: true });
    await release?.();
  });

  it('answers every command without a server error, each node taking its share', async () => {
    expect(acks.filter((a) => a.status >= 500)).toEqual([]);
    for (const node of nodes) {
      const metrics = await request(node.url, 'GET', '/metrics', { token: await login(node.url, 'admin', ADMIN_PASSWORD) });
      expect(seriesValue(String(metrics.body), 'takt_commands_total{command="operation.consume",outcome="accepted"}')).toBeGreaterThan(0);
    }
  });

  it('takes exactly what the shared lots held, refusing the rest as insufficient', () => {
    const consumed = acks.filter((a) => a.kind === 'consume' && a.status === 200).length;
    const refused = acks.filter((a) => a.kind === 'consume' && a.status === 409);
    expect(consumed).toBe(2 * LOT_QUANTITY);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r.codes).toEqual(expect.arrayContaining(['LOT_INSUFFICIENT_QUANTITY']));
  });

  it('keeps the invariants: no negative lot, consumptions equal the journal and the edges, the chain verifies', async () => {
    const store = openStore(config);
    try {
      expect(await partialCommands(store.db)).toEqual([]);
      expect(await missingAcknowledged(store.db, acks, plan.operator.username)).toEqual([]);
      const lots = await store.db.selectFrom('lots').select(['id', 'quantity', 'status']).where('material_id', '=', 'RAW').orderBy('id').execute();
      expect(lots).toEqual(plan.lots.map((l) => ({ id: l.id, quantity: 0, status: 'consumed' })));
    } finally {
      await store.close();
    }
  });

  it('anchors the journal from one node at a time into their shared anchor file, the last anchor at the stop holding the head', async () => {
    for (const n of nodes) expect(await n.kill('SIGTERM')).toBe(0);
    const store = openStore(config);
    try {
      const result = await verifyJournalAnchored(store.db, join(dataDir, 'journal-anchors.jsonl'), loadVerifyKey(`${dataDir}-anchor.key`));
      expect(result).toMatchObject({ ok: true, anchors: { disagreement: null } });
      expect(result.anchors.last?.seq).toBe((await readJournalHead(store.db))?.seq);
    } finally {
      await store.close();
    }
  });
});
