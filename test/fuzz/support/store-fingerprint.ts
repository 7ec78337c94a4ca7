import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Store } from '../../../src/platform/store/database.js';

/**
 * What background work may change between two requests without any request asking for it: the outbox turns journal
 * events into deliveries and moves each subscription's position on its own schedule.
 */
const BACKGROUND: Readonly<Record<string, readonly string[] | 'all'>> = {
  integration_deliveries: 'all',
  integration_subscriptions: ['last_seq'],
};

/** A digest of every row of every table (but what background work moves), to tell whether a request changed anything. */
export async function storeFingerprint(store: Store): Promise<string> {
  const tables = (await store.db.introspection.getTables()).map((t) => t.name).filter((n) => BACKGROUND[n] !== 'all' && !n.startsWith('kysely_')).sort();
  const hash = createHash('sha256');
  for (const table of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(store.db)).rows;
    const skip = BACKGROUND[table];
    const lines = rows.map((r) => JSON.stringify(Object.entries(r).filter(([k]) => !(Array.isArray(skip) && skip.includes(k))))).sort();
    hash.update(`${table}:${lines.length}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}
