import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';

const ENDED = 'session-ended:';
// Keys one DELETE names: far below both stores' limits of bound parameters.
const KEYS_PER_DELETE = 500;

/** Marks a login session ended (logout) at `now`: tokens of that session no longer authenticate. */
export async function endSession(db: Kysely<Database>, session: string, now: number): Promise<void> {
  await db.insertInto('settings').values({ key: sessionEndedKey(session), value: String(now) }).onConflict((oc) => oc.column('key').doNothing()).execute();
}

/** The settings key that marks a login session ended: a session is ended once that row exists. */
export function sessionEndedKey(session: string): string {
  return `${ENDED}${session}`;
}

/**
 * The keys of sessions that ended before `before`, earliest first, at most `limit`. The end time is read in the
 * application (a text setting), the same on both stores; a mark whose time cannot be read is kept.
 */
export async function sessionsEndedBefore(db: Kysely<Database>, before: number, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'like', `${ENDED}%`).execute();
  return rows
    .map((r) => ({ key: r.key, at: Number(r.value) }))
    .filter((r) => Number.isFinite(r.at) && r.at < before)
    .sort((a, b) => a.at - b.at)
    .slice(0, limit)
    .map((r) => r.key);
}

/** Deletes the marks of ended sessions named; the number deleted. */
export async function deleteSessionMarks(db: Kysely<Database>, keys: readonly string[]): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < keys.length; i += KEYS_PER_DELETE) {
    const chunk = keys.slice(i, i + KEYS_PER_DELETE).filter((k) => k.startsWith(ENDED));
    if (chunk.length === 0) continue;
    const r = await db.deleteFrom('settings').where('key', 'in', chunk).executeTakeFirst();
    deleted += Number(r.numDeletedRows);
  }
  return deleted;
}
