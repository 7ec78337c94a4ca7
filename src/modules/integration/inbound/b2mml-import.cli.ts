import { constants, existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Actor } from '../../../platform/auth/roles.js';
import { CommandRunner } from '../../../platform/commands/command-runner.js';
import { Refusal } from '../../../platform/errors/violation.js';
import { EventBus } from '../../../platform/events/event-bus.js';
import { problem } from '../../../platform/http/problem.js';
import { ensureJournalHead } from '../../../platform/journal/journal.repository.js';
import { openStore, type StoreConfig } from '../../../platform/store/database.js';
import { migrateToLatest } from '../../../platform/store/migrator.js';
import { DEFAULT_MAX_BYTES, schemasFromEnvironment, type B2mmlSchemas } from '../b2mml/index.js';
import { receiveB2mml } from './b2mml-inbound.service.js';

/** The actor of an import from the command line: whoever can reach the store. */
const CLI_ACTOR: Actor = { username: 'cli', name: 'Takt command line', roles: ['admin'] };

export interface ImportFileResult {
  /** 0 imported (or imported before), 2 refused or not importable. */
  readonly exitCode: 0 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

const failed = (stderr: string): ImportFileResult => ({ exitCode: 2, stdout: '', stderr: `${stderr}\n` });

/**
 * Reads the file only when it is a regular file no larger than the message limit. It opens the file first and then
 * checks the open handle, so the check and the read see the same file: a FIFO, a device or a folder is refused
 * without being read, and so is a file swapped for one of them in between.
 */
async function readMessageFile(file: string): Promise<{ ok: true; xml: string } | { ok: false; error: string }> {
  const path = resolve(file);
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, error: `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code ?? error)}` };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, error: `${path} is not a regular file` };
    if (stat.size > DEFAULT_MAX_BYTES) return { ok: false, error: `${path} is ${stat.size} bytes; a message may have at most ${DEFAULT_MAX_BYTES}` };
    return { ok: true, xml: await handle.readFile({ encoding: 'utf8' }) };
  } catch (error) {
    return { ok: false, error: `cannot read ${path}: ${String((error as { code?: string }).code ?? error)}` };
  } finally {
    await handle.close();
  }
}

/**
 * `takt import FILE`: imports one B2MML message into the configured store exactly as POST /integration/b2mml does
 * (all or nothing, idempotent by message id, journaled as the command-line actor). Prints the Acknowledge, and on
 * standard error one line per item left awaiting a signature; or the problem+json of the refusal and one line per
 * problem on standard error.
 */
export async function importB2mmlFile(
  store: StoreConfig,
  file: string,
  options: { readonly schemas?: B2mmlSchemas | null } = {},
): Promise<ImportFileResult> {
  const read = await readMessageFile(file);
  if (!read.ok) return failed(read.error);
  if (store.dialect === 'sqlite' && store.file !== ':memory:' && !existsSync(store.file)) {
    return failed(`no Takt store at ${store.file} (give --data DIR or --database-url URL)`);
  }
  const schemas = options.schemas === undefined ? schemasFromEnvironment() : options.schemas;
  const opened = openStore(store);
  try {
    await migrateToLatest(opened);
    await ensureJournalHead(opened.db);
    const runner = new CommandRunner(opened, new EventBus());
    const answer = await receiveB2mml(runner, read.xml, { actor: CLI_ACTOR, schemas });
    if (answer.kind !== 'accepted') throw new Error('unreachable: not a dry run');
    const note = answer.replayed ? `message ${answer.messageId} was imported before: nothing changed\n` : `imported message ${answer.messageId}\n`;
    const waiting = answer.awaitingSignature.map((a) => `${a.code} at ${a.path}: ${a.message}\n`);
    return { exitCode: 0, stdout: answer.xml, stderr: [note, ...waiting].join('') };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const body = problem(error.status, `the message was refused: ${error.violations.length} problem(s); nothing was imported`, error.violations);
    const lines = error.violations.map((v) => `${v.code} at ${v.field ?? '/'}: ${v.message}`);
    return { exitCode: 2, stdout: `${JSON.stringify(body, null, 2)}\n`, stderr: `${lines.join('\n')}\n` };
  } finally {
    await opened.close();
  }
}
