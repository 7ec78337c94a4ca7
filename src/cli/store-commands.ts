import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { TaktConfig } from '../config.js';
import { CliError } from './cli-error.js';
import { isRole, type Actor, type Role } from '../platform/auth/roles.js';
import { CommandRunner } from '../platform/commands/command-runner.js';
import { EventBus } from '../platform/events/event-bus.js';
import { idField, nameField } from '../platform/http/fields.js';
import { ensureJournalHead, verifyJournal, type VerifyResult } from '../platform/journal/journal.repository.js';
import { AnchorError, loadVerifyKey } from '../platform/journal/anchor/anchor-key.js';
import { presentAnchoredVerify, verifyJournalAnchored, type AnchoredVerifyView } from '../platform/journal/anchor/anchor-verify.js';
import { openStore, type Store } from '../platform/store/database.js';
import { migrateToLatest } from '../platform/store/migrator.js';
import { findPerson, passwordField, putPerson } from '../modules/resources/index.js';
import { printTrace, traceLot } from '../modules/inventory/index.js';
import { unlockAccount } from '../modules/compliance/account/account.commands.js';

/** The actor of changes made at the command line by whoever can reach the store. */
export const CLI_ACTOR: Actor = { username: 'cli', name: 'Takt command line', roles: ['admin'] };


/** Opens the configured store for a command; refuses to create an SQLite file that is not there. */
async function withStore<T>(config: TaktConfig, use: (store: Store) => Promise<T>, options: { create: boolean }): Promise<T> {
  if (config.store.dialect === 'sqlite' && !options.create && !existsSync(config.store.file)) {
    throw new CliError(`no Takt store at ${config.store.file} (give --data DIR or --database-url URL)`);
  }
  const store = openStore(config.store);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** `takt verify-journal`: recomputes the hash chain; the result is `{ok: true, events}` or `{ok: false, brokenAt, events}`. */
export function verifyJournalCommand(config: TaktConfig): Promise<VerifyResult> {
  return withStore(config, (store) => verifyJournal(store.db), { create: false });
}

/**
 * `takt verify-journal --anchors`: the chain, and each signed anchor of `anchorFile` against the journal, with the
 * key in `keyFile` (private, or its public `.pub`). A missing key or anchor file is a CliError naming it.
 */
export async function verifyAnchoredCommand(config: TaktConfig, anchorFile: string, keyFile: string): Promise<AnchoredVerifyView> {
  try {
    const key = loadVerifyKey(keyFile);
    return await withStore(config, async (store) => presentAnchoredVerify(await verifyJournalAnchored(store.db, anchorFile, key), anchorFile), { create: false });
  } catch (error) {
    if (error instanceof AnchorError) throw new CliError(error.message);
    throw error;
  }
}

/** `takt trace LOT`: the lot's genealogy at any depth, as an indented tree or as the API's JSON. */
export function traceCommand(config: TaktConfig, lotId: string, direction: 'backward' | 'forward', json: boolean): Promise<string> {
  return withStore(config, async (store) => {
    const result = await traceLot(store.db, lotId, direction);
    if (!result) throw new CliError(`lot ${lotId} does not exist`);
    return printTrace(result, { json });
  }, { create: false });
}

export interface UserAdd {
  readonly username: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly password: string;
}

function validateUser(input: UserAdd): { roles: Role[] } {
  const problems: string[] = [];
  const check = (what: string, schema: z.ZodType, value: unknown): void => {
    const r = schema.safeParse(value);
    if (!r.success) problems.push(`${what}: ${r.error.issues.map((i) => i.message).join(', ')}`);
  };
  check('username', idField, input.username);
  check('--name', nameField, input.name);
  check('password', passwordField, input.password);
  const bad = input.roles.filter((r) => !isRole(r));
  if (input.roles.length === 0) problems.push('--role: at least one role is needed');
  if (bad.length > 0) problems.push(`--role: unknown ${bad.join(', ')} (roles: admin, engineer, supervisor, operator, quality, integration)`);
  if (problems.length > 0) throw new CliError(problems.join('\n'));
  return { roles: input.roles.filter(isRole) };
}

/**
 * `takt user add`: creates a person who can sign in, through the same command (and journal event) as the API.
 * Refuses an existing username: changing a user goes through PUT /api/v1/people/{id}.
 */
export async function userAddCommand(config: TaktConfig, input: UserAdd): Promise<{ id: string; name: string; roles: readonly string[] }> {
  const { roles } = validateUser(input);
  return withStore(config, async (store) => {
    await migrateToLatest(store);
    await ensureJournalHead(store.db);
    if (await findPerson(store.db, input.username)) throw new CliError(`user ${input.username} already exists`);
    const runner = new CommandRunner(store, new EventBus());
    const outcome = await runner.run(putPerson, { id: input.username, name: input.name, roles, password: input.password }, { actor: CLI_ACTOR });
    if (outcome.kind !== 'applied') throw new Error(`unexpected outcome ${outcome.kind}`);
    return outcome.result;
  }, { create: true });
}

/**
 * The password for `user add` when no --password is given: TAKT_USER_PASSWORD, else asked twice without echo on a
 * terminal, else the first line of standard input.
 */
export async function readPassword(env: Readonly<Record<string, string | undefined>> = process.env): Promise<string> {
  const fromEnv = env.TAKT_USER_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new CliError('no password: give --password, set TAKT_USER_PASSWORD, or type it at the prompt');
  }
  const [first, again] = await readHidden(['Password: ', 'Repeat password: ']);
  if (first !== again) throw new CliError('the two passwords differ');
  return first ?? '';
}

/** Reads one line per prompt from the terminal without echo; text typed ahead is kept for the next prompt. */
function readHidden(prompts: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    const lines: string[] = [];
    let typed = '';
    let previous = '';
    process.stdout.write(prompts[0] ?? '');
    const finish = (settle: () => void): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      settle();
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        const afterReturn = previous === '\r';
        previous = ch;
        if (ch === '\u0003') return finish(() => reject(new CliError('cancelled')));
        if (ch === '\n' && afterReturn) continue;
        if (ch === '\r' || ch === '\n') {
          lines.push(typed);
          typed = '';
          process.stdout.write('\n');
          if (lines.length === prompts.length) return finish(() => resolve(lines));
          process.stdout.write(prompts[lines.length] ?? '');
        } else if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}

/** Unlocks an account on an open store, as the command line (journaled as `security.account-unlocked`). */
export async function unlockWithStore(store: Store, username: string, reason?: string): Promise<void> {
  const runner = new CommandRunner(store, new EventBus());
  await runner.run(unlockAccount, { username, reason }, { actor: CLI_ACTOR });
}

/** `takt user unlock USERNAME`: unlocks an account locked after failed logins or signatures. */
export function userUnlockCommand(config: TaktConfig, username: string, reason: string | undefined): Promise<void> {
  return withStore(config, async (store) => {
    await migrateToLatest(store);
    await ensureJournalHead(store.db);
    if (!(await findPerson(store.db, username))) throw new CliError(`user ${username} does not exist`);
    await unlockWithStore(store, username, reason);
  }, { create: false });
}
