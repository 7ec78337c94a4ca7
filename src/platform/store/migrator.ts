import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect, Store } from './database.js';
import { foundation } from './migrations/20261126-0001-foundation.js';
import { execution } from './migrations/20261126-0002-execution.js';
import { genealogy } from './migrations/20261126-0003-genealogy.js';
import { equipment } from './migrations/20261126-0004-equipment.js';
import { integration } from './migrations/20261126-0005-integration.js';
import { quality } from './migrations/20261126-0006-quality.js';
import { signatures } from './migrations/20261126-0007-signatures.js';
import { records } from './migrations/20261126-0008-records.js';
import { machines } from './migrations/20261126-0009-machines.js';
import { traceIndexes } from './migrations/20261126-0011-trace-indexes.js';
import { leases } from './migrations/20261126-0013-leases.js';
import { andon } from './migrations/20261126-0014-andon.js';
import { recordRules } from './migrations/20261126-0015-record-rules.js';

/** A migration that knows which dialect it runs on (column types for generated keys differ). */
export type TaktMigration = (dialect: Dialect) => Migration;

/** Every migration, in order. Released migrations are frozen: add new files, never edit old ones. */
const MIGRATIONS: Record<string, TaktMigration> = {
  '20261126-0001-foundation': foundation,
  '20261126-0002-execution': execution,
  '20261126-0003-genealogy': genealogy,
  '20261126-0004-equipment': equipment,
  '20261126-0005-integration': integration,
  '20261126-0006-quality': quality,
  '20261126-0007-signatures': signatures,
  '20261126-0008-records': records,
  '20261126-0009-machines': machines,
  '20261126-0011-trace-indexes': traceIndexes,
  '20261126-0013-leases': leases,
  '20261126-0014-andon': andon,
  '20261126-0015-record-rules': recordRules,
};

/** Runs every pending migration; throws with the failing migration's name when one fails. */
export async function migrateToLatest(store: Store): Promise<void> {
  const provider: MigrationProvider = {
    getMigrations: async () =>
      Object.fromEntries(Object.entries(MIGRATIONS).map(([name, make]) => [name, make(store.dialect)])),
  };
  // Numbers are handed out ahead of time to parallel work, so a store may have run a later one first; each migration
  // creates its own tables, so the order among them does not matter.
  const migrator = new Migrator({ db: store.db as Kysely<unknown>, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, { cause: error });
  }
}
