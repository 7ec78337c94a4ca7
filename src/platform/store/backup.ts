import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { verifyJournal, type VerifyResult } from '../journal/journal.repository.js';
import { openStore } from './database.js';

/** The file a running `takt serve` keeps beside its SQLite store, holding its process id. */
export const PID_FILE = 'takt.pid';

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/** The process id of a Takt serving the store in this folder, if one is alive. */
export function runningTakt(dataDir: string): number | null {
  const file = join(dataDir, PID_FILE);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else: it is alive all the same.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/** The chain of the journal in an SQLite file, checked on a connection of its own. */
export async function verifyFile(file: string): Promise<VerifyResult> {
  const store = openStore({ dialect: 'sqlite', file });
  try {
    return await verifyJournal(store.db);
  } finally {
    await store.close();
  }
}

export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
  readonly journal: VerifyResult;
}

/**
 * Copies a live SQLite store with SQLite's online backup API (pages copied in steps; writes by a running Takt meanwhile
 * restart the copy, so the result is one consistent snapshot), then verifies the copy's journal chain. Never
 * overwrites an existing file.
 */
export async function backupSqlite(source: string, target: string): Promise<BackupResult> {
  if (!existsSync(source)) throw new BackupError(`no Takt store at ${source}`);
  if (existsSync(target)) throw new BackupError(`${target} exists: choose a new file name, a backup never overwrites`);
  const db = new BetterSqlite3(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(target);
  } finally {
    db.close();
  }
  const journal = await verifyFile(target);
  if (!journal.ok) throw new BackupError(`the backup's journal chain is broken at seq ${journal.brokenAt}: the source store is damaged (takt verify-journal)`);
  return { file: target, bytes: statSync(target).size, journal };
}

export interface RestoreResult {
  readonly file: string;
  readonly journal: VerifyResult;
}

/**
 * Restores a backup into the store file of a data folder: refuses while a Takt serves that folder, refuses a backup
 * whose journal chain does not verify, refuses to replace an existing store without `force`; copies through a
 * temporary file in the same folder and renames it into place (atomic), then verifies the chain again where it landed.
 */
export async function restoreSqlite(backup: string, target: string, options: { force: boolean }): Promise<RestoreResult> {
  if (!existsSync(backup)) throw new BackupError(`no backup at ${backup}`);
  const dir = dirname(resolve(target));
  const pid = runningTakt(dir);
  if (pid !== null) throw new BackupError(`Takt (process ${pid}) is serving ${dir}: stop it before restoring`);
  if (existsSync(target) && !options.force) throw new BackupError(`${target} exists: give --force to replace it with the backup`);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(target)}.restore-${process.pid}`);
  const cleanup = (): void => {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) rmSync(f, { force: true });
  };
  try {
    const source = new BetterSqlite3(backup, { readonly: true, fileMustExist: true });
    try {
      await source.backup(temp);
    } finally {
      source.close();
    }
    const before = await verifyFile(temp);
    if (!before.ok) throw new BackupError(`the backup's journal chain is broken at seq ${before.brokenAt}: not restored`);
    // The old store's write-ahead log would be replayed over the restored file: it goes with the old store.
    for (const f of [`${target}-wal`, `${target}-shm`]) if (existsSync(f)) unlinkSync(f);
    renameSync(temp, target);
  } finally {
    cleanup();
  }
  const after = await verifyFile(target);
  if (!after.ok) throw new BackupError(`the restored store's journal chain is broken at seq ${after.brokenAt}`);
  return { file: target, journal: after };
}
