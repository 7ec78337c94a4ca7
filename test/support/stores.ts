import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { createSchema, dropSchema, openStore, type Dialect, type Store, type StoreConfig } from '../../src/platform/store/database.js';
import { migrateToLatest } from '../../src/platform/store/migrator.js';

const url = process.env.TAKT_TEST_DATABASE_URL;
const inCi = process.env.CI === 'true';

async function probe(): Promise<string | null> {
  if (!url) return 'TAKT_TEST_DATABASE_URL is not set';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `PostgreSQL at ${url} is unreachable: ${String(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const pgSkipReason = await probe();
if (pgSkipReason && inCi) throw new Error(`CI=true needs PostgreSQL for the store tests: ${pgSkipReason}`);
if (pgSkipReason) console.warn(`[store tests] PostgreSQL dialect SKIPPED: ${pgSkipReason}`);

/** A fresh, empty store configuration of the dialect; release() drops what it made. */
export async function freshStore(dialect: Dialect): Promise<{ config: StoreConfig; release: () => Promise<void> }> {
  if (dialect === 'sqlite') return { config: { dialect: 'sqlite', file: ':memory:' }, release: async () => undefined };
  if (!url) throw new Error('no PostgreSQL URL');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await createSchema(url, schema);
  return { config: { dialect: 'postgres', url, schema, poolSize: 8 }, release: () => dropSchema(url, schema) };
}

/**
 * A fresh, empty store that several Takt nodes of one test can open together: on SQLite a file in a folder of its own
 * (two servers on one file behave as two processes on one data folder do), on PostgreSQL a schema of its own.
 */
export async function freshSharedStore(dialect: Dialect): Promise<{ config: StoreConfig; release: () => Promise<void> }> {
  if (dialect === 'postgres') return freshStore(dialect);
  const dir = mkdtempSync(join(tmpdir(), 'takt-nodes-'));
  return { config: { dialect: 'sqlite', file: join(dir, 'takt.sqlite') }, release: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs a suite once per dialect: SQLite always, PostgreSQL when TAKT_TEST_DATABASE_URL answers (a skip says why
 * locally; in CI a missing PostgreSQL fails the run).
 */
export function describeStores(name: string, suite: (dialect: Dialect) => void): void {
  describe(`${name} [sqlite]`, () => suite('sqlite'));
  if (pgSkipReason) describe.skip(`${name} [postgres] (skipped: ${pgSkipReason})`, () => suite('postgres'));
  else describe(`${name} [postgres]`, () => suite('postgres'));
}

/**
 * A fresh, migrated store of the dialect for the enclosing suite: opened before its tests, closed and dropped after
 * them. Returns the accessor (the store exists only once `beforeAll` has run).
 */
export function useMigratedStore(dialect: Dialect): () => Store {
  let store: Store | undefined;
  let release: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const fresh = await freshStore(dialect);
    release = fresh.release;
    store = openStore(fresh.config);
    await migrateToLatest(store);
  });
  afterAll(async () => {
    await store?.close();
    await release?.();
  });
  return () => {
    if (!store) throw new Error('the store is opened in beforeAll');
    return store;
  };
}
