import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type StoreConfig } from '../../../src/platform/store/database.js';
import { loadVerifyKey } from '../../../src/platform/journal/anchor/anchor-key.js';
import { verifyJournalAnchored } from '../../../src/platform/journal/anchor/anchor-verify.js';
import type { AckLine, GeneratorConfig } from '../load-generator.js';
import { setUpExecutionPlant, type ExecutionPlan } from './execution-plant.js';
import { missingAcknowledged, partialCommands } from './execution-invariants.js';
import { createDatabase, serverUrl } from './pg-database.js';
import { freePort, serveTakt, type ServeStore, type ServedTakt } from './serve-process.js';

const GENERATOR = fileURLToPath(new URL('../load-generator.ts', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface CrashRunOptions {
  readonly dialect: 'sqlite' | 'postgres';
  /** SIGKILLs of the server during the load. */
  readonly cycles: number;
  readonly workers: number;
  readonly orders: number;
  readonly rounds: number;
  /** New acknowledgements awaited before each kill (and after the last restart). */
  readonly acksPerCycle: number;
  readonly log?: (line: string) => void;
}

export interface CrashRunResult {
  readonly dialect: string;
  readonly kills: number;
  readonly acknowledged: number;
  readonly refused: number;
  readonly resent: number;
  readonly serverErrors: number;
  readonly journalEvents: number;
  readonly problems: readonly string[];
  readonly seconds: number;
}

/**
 * A place for a store: a temporary SQLite folder or a new PostgreSQL database, with a data folder inside a temporary
 * folder either way (the journal anchors go there, their key beside it); release() removes them.
 */
export async function scratchStore(dialect: 'sqlite' | 'postgres'): Promise<{ serve: ServeStore; config: StoreConfig; dataDir: string; release: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'takt-rel-'));
  const dataDir = join(dir, 'data');
  const removeDir = async (): Promise<void> => rmSync(dir, { recursive: true, force: true });
  if (dialect === 'sqlite') return { serve: { dataDir }, config: { dialect: 'sqlite', file: join(dataDir, 'takt.sqlite') }, dataDir, release: removeDir };
  const server = serverUrl();
  if (!server) throw new Error('TAKT_TEST_DATABASE_URL is not set');
  const db = await createDatabase(server);
  return { serve: { databaseUrl: db.url, dataDir }, config: { dialect: 'postgres', url: db.url }, dataDir, release: () => db.drop().then(removeDir) };
}

/**
 * Reads the acknowledgement log. The generator appends whole lines, but a read while it runs can see the last one half
 * written (an append is not atomic for a reader): that line is left for the next read. Once the generator has ended
 * (`complete`), an unterminated line is an error, not something to skip.
 */
export function readAcks(file: string, complete = false): AckLine[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  const partial = lines.pop();
  if (complete && partial) throw new Error(`the acknowledgement log ends in an unterminated line: ${partial}`);
  return lines.filter(Boolean).map((l) => JSON.parse(l) as AckLine);
}

/** Starts the load generator process on the plan; `stop()` sends SIGTERM and resolves with its summary line. */
export function startGenerator(dir: string, bases: readonly string[], plan: ExecutionPlan, workers: number): { ackFile: string; stop: () => Promise<string>; exited: Promise<void> } {
  const ackFile = join(dir, 'acks.jsonl');
  const configFile = join(dir, 'generator.json');
  const config: GeneratorConfig = { bases, plan, ackFile, workers };
  writeFileSync(configFile, JSON.stringify(config));
  const child = spawn(process.execPath, ['--import', 'tsx', GENERATOR, configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err = (err + c.toString('utf8')).slice(-10_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    ackFile, exited,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      if (child.exitCode !== 0) throw new Error(`load generator failed (${child.exitCode}): ${err}`);
      return out.trim();
    },
  };
}

/** Waits until the log holds `count` acknowledgements, or the generator ended (all its orders done). */
async function untilAcks(file: string, count: number, generatorExited: () => boolean): Promise<number> {
  for (;;) {
    const n = readAcks(file).filter((a) => a.status < 300).length;
    if (n >= count || generatorExited()) return n;
    await sleep(50);
  }
}

/**
 * One crash run: a served Takt on a fresh store, the plant, the load generator in its own process; the server is
 * SIGKILLed `cycles` times mid-load and restarted on the same store and port; then every acknowledged command must
 * be in the store and no partial command may exist, and the chain must verify, with the anchors each start wrote.
 */
export async function crashRun(o: CrashRunOptions): Promise<CrashRunResult> {
  const log = o.log ?? (() => undefined);
  const started = Date.now();
  const store = await scratchStore(o.dialect);
  const dir = mkdtempSync(join(tmpdir(), 'takt-crash-'));
  let server: ServedTakt | undefined;
  try {
    const port = await freePort();
    server = await serveTakt(store.serve, port);
    const plan = await setUpExecutionPlant(server.url, { workers: o.workers, orders: o.orders, lots: 4, lotQuantity: 1_000_000, rounds: o.rounds });
    const generator = startGenerator(dir, [server.url], plan, o.workers);
    let generatorDone = false;
    void generator.exited.then(() => (generatorDone = true));
    let acks = 0;
    let kills = 0;
    for (let c = 0; c < o.cycles; c += 1) {
      acks = await untilAcks(generator.ackFile, acks + o.acksPerCycle, () => generatorDone);
      if (generatorDone) break;
      // A random moment within a command's life, not right after an answer.
      await sleep(Math.floor(Math.random() * 40));
      await server.kill('SIGKILL');
      kills += 1;
      log(`${o.dialect}: SIGKILL ${kills} after ${acks} acknowledged commands`);
      server = await serveTakt(store.serve, port);
    }
    await untilAcks(generator.ackFile, acks + o.acksPerCycle, () => generatorDone);
    const summary = JSON.parse(await generator.stop()) as { refused: number; resent: number; serverErrors: number };
    await server.kill('SIGTERM');
    server = undefined;
    const all = readAcks(generator.ackFile, true);
    const db = openStore(store.config);
    try {
      const anchored = await verifyJournalAnchored(db.db, join(store.dataDir, 'journal-anchors.jsonl'), loadVerifyKey(`${store.dataDir}-anchor.key`));
      const problems = [
        ...(await missingAcknowledged(db.db, all, plan.operator.username)), ...(await partialCommands(db.db)),
        ...(anchored.ok ? [] : [`the journal disagrees with its anchors: ${JSON.stringify(anchored)}`]),
      ];
      const journalEvents = Number((await db.db.selectFrom('journal').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      return {
        dialect: o.dialect, kills, acknowledged: all.filter((a) => a.status < 300).length, refused: summary.refused, resent: summary.resent,
        serverErrors: summary.serverErrors, journalEvents, problems, seconds: (Date.now() - started) / 1000,
      };
    } finally {
      await db.close();
    }
  } finally {
    await server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    await store.release();
  }
}
