import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server the reliability tests make their own databases on (CREATE DATABASE needs the server, not a schema). */
export function serverUrl(): string | undefined {
  const url = process.env.TAKT_TEST_DATABASE_URL ?? process.env.TAKT_BENCH_DATABASE_URL;
  if (!url) return undefined;
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

/** A new, empty database with a random name; drop() removes it (forcing out connections a killed process left). */
export async function createDatabase(server: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `takt_rel_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(server);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
