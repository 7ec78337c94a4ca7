import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Store } from '../../../src/platform/store/database.js';

/**
 * What background work may change between two requests without any request asking for it: the outbox turns journal
 * events into deliveries and moves each subscription's position on its own schedule, and the node renews the
 * housekeeping lease it holds.
 */
const BACKGROUND: Readonly<Record<string, readonly string[] | 'all'>> = {
  integration_deliveries: 'all',
  integration_subscriptions: ['last_seq'],
  leases: ['until'],
};

/**
 * What a refused request may rightly write: a failed credential check (a wrong password at login, a refused signature,
 * even in a dry run, or it would be a password oracle without lockout) journals a `security.*` event and counts the
 * failure on the person. The chain these events extend is verified at the end of the fuzzing.
 */
const SECURITY_BOOKKEEPING: Readonly<Record<string, readonly string[] | 'all'>> = {
  journal_head: 'all',
  people: ['failed_logins', 'locked', 'updated_at', 'token_epoch'],
};

const isSecurityEvent = (row: Record<string, unknown>): boolean => typeof row.action === 'string' && row.action.startsWith('security.');

/**
 * A digest of every row of every table, but what background work moves and the security bookkeeping of failed
 * credential checks, to tell whether a request changed anything.
 */
export async function storeFingerprint(store: Store): Promise<string> {
  const skipped = (n: string) => BACKGROUND[n] === 'all' || SECURITY_BOOKKEEPING[n] === 'all' || n.startsWith('kysely_');
  const tables = (await store.db.introspection.getTables()).map((t) => t.name).filter((n) => !skipped(n)).sort();
  const hash = createHash('sha256');
  for (const table of tables) {
    const all = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(store.db)).rows;
    const rows = table === 'journal' ? all.filter((r) => !isSecurityEvent(r)) : all;
    const skip = [BACKGROUND[table], SECURITY_BOOKKEEPING[table]].flatMap((s) => (Array.isArray(s) ? s : []));
    const lines = rows.map((r) => JSON.stringify(Object.entries(r).filter(([k]) => !skip.includes(k)))).sort();
    hash.update(`${table}:${lines.length}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}
