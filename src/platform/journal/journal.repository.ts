import type { Kysely, Transaction } from 'kysely';
import type { Dialect } from '../store/database.js';
import { precompiled, precompiledWithSlots } from '../store/precompiled.js';
import type { Database } from '../store/schema.js';
import { canonicalJson } from './canonical-json.js';
import { eventHash, GENESIS_HASH } from './journal-hash.js';

/** What a command records: the journal adds seq, time, actor and the hashes. */
export interface JournalDraft {
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly reason?: string | null;
}

/** A committed journal event as the API shows it. */
export interface JournalEvent {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly data: Record<string, unknown>;
  readonly reason: string | null;
  readonly hash: string;
  readonly prevHash: string;
}

/** The events one command recorded, with who acted and when. */
export interface JournalGroup {
  readonly drafts: readonly JournalDraft[];
  readonly actor: string;
  readonly at: number;
}

// Ten columns a row: 500 rows stay far below SQLite's and PostgreSQL's bound-parameter limits.
const ROWS_PER_INSERT = 500;
/** INSERTs of up to this many rows are compiled once per row count; larger ones (rare) are built each time. */
const PRECOMPILED_ROWS = 64;

const moveHead = precompiled((db, total: number) => db.updateTable('journal_head').set((eb) => ({ seq: eb('seq', '+', total) })).where('id', '=', 1).returning(['seq', 'hash']));
const setHeadHash = precompiled((db, hash: string) => db.updateTable('journal_head').set({ hash }).where('id', '=', 1));

const COLUMNS = ['seq', 'at', 'actor', 'action', 'entity', 'entity_id', 'data', 'reason', 'prev_hash', 'hash'] as const;
type Row = Database['journal'];

const rowsOf = (n: number, slot: <T>(i: number) => T): Row[] =>
  Array.from({ length: n }, (_, r) => Object.fromEntries(COLUMNS.map((c, i) => [c, slot(r * COLUMNS.length + i)])) as unknown as Row);

/** The INSERT of n rows; on PostgreSQL (`withHead`) a data-modifying WITH moves the head's hash in the same statement. */
const inserts = new Map<string, (db: Transaction<Database>, args: readonly unknown[]) => Promise<unknown>>();
function insertRows(tx: Transaction<Database>, rows: readonly Row[], headHash: string | undefined): Promise<unknown> {
  const build = (db: Kysely<Database>, values: readonly Row[], hash: string) =>
    headHash === undefined
      ? db.insertInto('journal').values([...values])
      : db.with('moved', (w) => w.updateTable('journal_head').set({ hash }).where('id', '=', 1).returning('id')).insertInto('journal').values([...values]);
  if (rows.length > PRECOMPILED_ROWS) return build(tx, rows, headHash ?? '').execute();
  const key = `${rows.length}${headHash === undefined ? '' : '+head'}`;
  let insert = inserts.get(key);
  if (!insert) {
    const n = rows.length;
    insert = precompiledWithSlots((db, slot) => build(db, rowsOf(n, slot), slot(n * COLUMNS.length)));
    inserts.set(key, insert);
  }
  return insert(tx, [...rows.flatMap((r) => COLUMNS.map((c) => r[c])), headHash]);
}

/**
 * Appends events to the chain inside the caller's transaction. The head row is moved and read in one statement
 * first: on PostgreSQL that row lock orders concurrent appenders until commit, so every event names the true
 * predecessor; SQLite has one writer.
 */
export async function appendEvents(
  tx: Transaction<Database>,
  drafts: readonly JournalDraft[],
  actor: string,
  at: number,
): Promise<JournalEvent[]> {
  const [events] = await appendEventGroups(tx, [{ drafts, actor, at }]);
  return events ?? [];
}

/**
 * Appends the events of several commands in one go, in the order given (group commit appends a whole batch at
 * its end): three statements however many events (two on PostgreSQL, whose INSERT moves the head too), and on
 * PostgreSQL the head's row lock is held only from here to the commit. Returns each group's events, chained
 * across groups.
 */
export async function appendEventGroups(tx: Transaction<Database>, groups: readonly JournalGroup[], dialect: Dialect = 'sqlite'): Promise<JournalEvent[][]> {
  const total = groups.reduce((n, g) => n + g.drafts.length, 0);
  if (total === 0) return groups.map(() => []);
  const [head] = (await moveHead(tx, total)).rows;
  if (!head) throw new Error('the journal has no head row');
  let seq = head.seq - total;
  let prevHash = head.hash;
  const rows: Database['journal'][] = [];
  const out = groups.map((g) =>
    g.drafts.map((d): JournalEvent => {
      seq += 1;
      const data = canonicalJson(d.data);
      const row = { seq, at: g.at, actor: g.actor, action: d.action, entity: d.entity, entityId: d.entityId, data, reason: d.reason ?? null, prevHash };
      const hash = eventHash(row);
      rows.push({ seq, at: g.at, actor: g.actor, action: d.action, entity: d.entity, entity_id: d.entityId, data, reason: row.reason, prev_hash: prevHash, hash });
      prevHash = hash;
      return { ...row, data: JSON.parse(data) as Record<string, unknown>, hash };
    }),
  );
  const last = prevHash;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    // A data-modifying WITH moves the head in the last INSERT's round trip on PostgreSQL (SQLite has no such statement).
    await insertRows(tx, chunk, dialect === 'postgres' && i + ROWS_PER_INSERT >= rows.length ? last : undefined);
  }
  if (dialect !== 'postgres') await setHeadHash(tx, last);
  return out;
}

/** Creates the chain's head row when the store is new. */
export async function ensureJournalHead(db: Kysely<Database>): Promise<void> {
  await db.insertInto('journal_head').values({ id: 1, seq: 0, hash: GENESIS_HASH }).onConflict((oc) => oc.column('id').doNothing()).execute();
}

export interface JournalQuery {
  readonly after?: number;
  readonly limit?: number;
  readonly entity?: string;
  readonly entityId?: string;
  readonly actor?: string;
  /** The exact action, e.g. `lot.held`. */
  readonly action?: string;
  readonly from?: number;
  readonly to?: number;
}

/** Reads events in seq order, filtered. */
export async function readJournal(db: Kysely<Database>, q: JournalQuery): Promise<JournalEvent[]> {
  let query = db.selectFrom('journal').selectAll().where('seq', '>', q.after ?? 0);
  if (q.entity) query = query.where('entity', '=', q.entity);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.actor) query = query.where('actor', '=', q.actor);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.from !== undefined) query = query.where('at', '>=', q.from);
  if (q.to !== undefined) query = query.where('at', '<', q.to);
  const rows = await query.orderBy('seq').limit(q.limit ?? 1000).execute();
  return rows.map(toEvent);
}

export function toEvent(r: Database['journal']): JournalEvent {
  return {
    seq: r.seq, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id,
    data: JSON.parse(r.data) as Record<string, unknown>, reason: r.reason, hash: r.hash, prevHash: r.prev_hash,
  };
}

export type VerifyResult = { ok: true; events: number } | { ok: false; brokenAt: number; events: number };

/**
 * Recomputes the whole chain: each event's hash from its fields, each prevHash against its predecessor, seq
 * without gaps, and the head against the last event (a missing head is a break). Returns the first seq where it breaks.
 */
export async function verifyJournal(db: Kysely<Database>, pageSize = 5000): Promise<VerifyResult> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('journal').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    for (const r of rows) {
      const recomputed = eventHash({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, data: r.data, reason: r.reason, prevHash: r.prev_hash });
      if (r.seq !== expectedSeq || r.prev_hash !== prevHash || r.hash !== recomputed) {
        return { ok: false, brokenAt: Math.min(r.seq, expectedSeq), events: count };
      }
      prevHash = r.hash;
      expectedSeq += 1;
      count += 1;
      after = r.seq;
    }
    if (rows.length < pageSize) break;
  }
  const head = await readJournalHead(db);
  // Without its head the chain cannot prove where it ends: a cut-off tail would pass unseen.
  if (!head || head.seq > count) return { ok: false, brokenAt: count + 1, events: count };
  // Events past the head were appended outside the journal: the first of them is the break.
  if (head.seq < count) return { ok: false, brokenAt: head.seq + 1, events: head.seq };
  // The last event was rewritten (and re-hashed) after the head recorded it.
  if (head.hash !== prevHash) return { ok: false, brokenAt: Math.max(count, 1), events: Math.max(count - 1, 0) };
  return { ok: true, events: count };
}

/** The head of the chain as committed: the last event's seq and hash (0 and the genesis hash while empty); none if its row is gone. */
export async function readJournalHead(db: Kysely<Database>): Promise<{ seq: number; hash: string } | undefined> {
  return db.selectFrom('journal_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
}

const SEQS_PER_LOOKUP = 500;

/** The stored hash of each given seq that the journal holds (a seq it does not hold is absent from the map). */
export async function journalHashesAt(db: Kysely<Database>, seqs: readonly number[]): Promise<Map<number, string>> {
  const wanted = [...new Set(seqs)];
  const found = new Map<number, string>();
  for (let i = 0; i < wanted.length; i += SEQS_PER_LOOKUP) {
    const rows = await db.selectFrom('journal').select(['seq', 'hash']).where('seq', 'in', wanted.slice(i, i + SEQS_PER_LOOKUP)).execute();
    for (const r of rows) found.set(r.seq, r.hash);
  }
  return found;
}
