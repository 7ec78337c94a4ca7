import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TaktConfig } from '../config.js';
import { backupSqlite, BackupError, PID_FILE, restoreSqlite, type BackupResult, type RestoreResult } from '../platform/store/backup.js';
import { CliError } from './cli-error.js';

const PG_HINT = [
  'takt backup and takt restore copy the embedded SQLite store. For PostgreSQL use its own tools:',
  '  pg_dump --format=custom --file takt.dump "$TAKT_DATABASE_URL"',
  '  pg_restore --clean --if-exists --dbname "$TAKT_DATABASE_URL" takt.dump   (with Takt stopped)',
  'then run takt verify-journal against the restored database (see docs/operations.md).',
].join('\n');

function sqliteFile(config: TaktConfig): string {
  if (config.store.dialect !== 'sqlite') throw new CliError(PG_HINT);
  return config.store.file;
}

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message);
    throw error;
  }
}

/** `takt backup FILE`: an online copy of the SQLite store (Takt may keep running), its journal chain verified. */
export function backupCommand(config: TaktConfig, file: string): Promise<BackupResult> {
  const source = sqliteFile(config);
  return guarded(() => backupSqlite(source, resolve(file)));
}

/** `takt restore FILE`: the backup, verified, replaces the store of the data folder (never under a running Takt). */
export function restoreCommand(config: TaktConfig, file: string, force: boolean): Promise<RestoreResult> {
  const target = sqliteFile(config);
  return guarded(() => restoreSqlite(resolve(file), target, { force }));
}

/** Marks the data folder as served by this process (takt restore refuses it meanwhile); returns the unmarking. */
export function markServing(config: TaktConfig): () => void {
  if (config.store.dialect !== 'sqlite') return () => undefined;
  const file = join(config.dataDir, PID_FILE);
  writeFileSync(file, `${process.pid}\n`);
  return () => rmSync(file, { force: true });
}
