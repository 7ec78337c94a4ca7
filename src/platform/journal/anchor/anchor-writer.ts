import { startSingleton } from '../../cluster/singleton.js';
import type { Store } from '../../store/database.js';
import { journalHashesAt, readJournalHead } from '../journal.repository.js';
import { appendAnchorLine, readAnchorTail } from './anchor-file.js';
import { AnchorError, type AnchorSigningKey } from './anchor-key.js';
import { keyOfLine, lineDigest, readAnchorLine, signAnchor, type Anchor } from './anchor-line.js';

/** The lease of anchor writing: of the nodes sharing a store, the one holding it writes the anchors. */
export const ANCHOR_LEASE = 'journal-anchor';
export const DEFAULT_ANCHOR_INTERVAL_MS = 10 * 60_000;
const DEFAULT_LEASE_MS = 60_000;

export interface AnchorLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JournalAnchorOptions {
  /** The append-only anchor file (outside the store). */
  readonly file: string;
  /** The signing key (from a file outside the store: loadOrCreateSigningKey). */
  readonly key: AnchorSigningKey;
  /** Time between anchors (default 10 min); one more is written at a clean stop. */
  readonly intervalMs?: number;
  /** Length of the lease that picks the writing node (default 60 s). */
  readonly leaseMs?: number;
  /** The anchors' time (default Date.now). */
  readonly clock?: () => number;
  readonly logger?: AnchorLogger;
}

export interface JournalAnchors {
  /** Anchors the head now, if this node writes anchors and the head moved since the last anchor; the anchor written, or null. */
  anchorNow(): Promise<Anchor | null>;
  /** `active` while this node writes the anchors, `standby` while another node holds their lease. */
  role(): 'active' | 'standby';
  /** Writes a last anchor (when this node writes them) and gives the lease up. */
  stop(): Promise<void>;
}

interface Tail {
  readonly line: string | null;
  readonly torn: boolean;
  /** The last line's anchor when it reads and verifies with this key. */
  readonly anchor: Anchor | null;
}

/** The end of the anchor file; refuses a file whose last anchor another key signed (two keys cannot extend one file). */
async function readTail(file: string, key: AnchorSigningKey, logger?: AnchorLogger): Promise<Tail> {
  const { last, torn } = await readAnchorTail(file);
  if (last === null) return { line: null, torn, anchor: null };
  const signer = keyOfLine(last);
  if (signer !== null && signer !== key.id) {
    throw new AnchorError(`the anchor file ${file} is signed with key ${signer}, but the anchor key is ${key.id}: give the key it was written with (TAKT_ANCHOR_KEY), or a new anchor file (TAKT_ANCHOR_FILE)`);
  }
  const reading = readAnchorLine(last, key);
  if (!reading.ok) logger?.warn({ file, problem: reading.problem }, `the last line of the anchor file does not verify (${reading.detail}); the next anchor follows it`);
  return { line: last, torn, anchor: reading.ok ? reading.anchor : null };
}

/**
 * Writes the journal head (seq, hash, time), signed, as one line appended to the anchor file when this node takes the
 * anchoring over, every `intervalMs` and at a clean stop, on the one node of those sharing the store that holds the `journal-anchor` lease. An unchanged
 * head adds no line. Each line names the digest of the line before it. Before signing, the journal must still hold
 * the last anchored hash at its seq: a history that contradicts its last anchor is reported, never signed.
 * Throws an AnchorError at once when the anchor file was signed with another key.
 */
export async function startJournalAnchors(store: Store, options: JournalAnchorOptions): Promise<JournalAnchors> {
  const { file, key, logger } = options;
  const clock = options.clock ?? Date.now;
  let tail = await readTail(file, key, logger);
  let active = false;
  let timer: NodeJS.Timeout | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const write = async (): Promise<Anchor | null> => {
    if (!active) return null;
    const head = await readJournalHead(store.db);
    if (!head || head.seq === 0) return null;
    // What is anchored must survive a crash of the store (SQLite flushes its log after the commit).
    await store.durable();
    const before = tail.anchor;
    if (before && before.seq === head.seq && before.hash === head.hash) return null;
    if (before && (await journalHashesAt(store.db, [before.seq])).get(before.seq) !== before.hash) {
      logger?.error({ file, seq: before.seq }, `the journal no longer holds the hash anchored at seq ${before.seq}: its history was changed (or restored from a backup); no anchor is written over it`);
      return null;
    }
    const fields = { seq: head.seq, hash: head.hash, at: clock(), prev: tail.line === null ? null : lineDigest(tail.line) };
    const line = signAnchor(fields, key);
    await appendAnchorLine(file, line, tail.torn);
    const anchor: Anchor = { ...fields, key: key.id };
    tail = { line, torn: false, anchor };
    logger?.info({ seq: anchor.seq }, 'journal anchored');
    return anchor;
  };
  // One write at a time: the timer's and a stop's would otherwise link to the same previous line.
  const anchorNow = (): Promise<Anchor | null> => {
    const run = queue.then(write);
    queue = run.catch(() => undefined);
    return run;
  };
  const tick = (): void => {
    anchorNow().catch((err: unknown) => logger?.error({ err, file }, 'cannot write the journal anchor'));
  };

  const lease = await startSingleton(store, {
    name: ANCHOR_LEASE, leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS, logger,
    start: async () => {
      // Another node may have written to a shared file meanwhile.
      tail = await readTail(file, key, logger);
      active = true;
      timer = setInterval(tick, options.intervalMs ?? DEFAULT_ANCHOR_INTERVAL_MS);
      timer.unref();
      // Events since the last anchor (another node's, or this one's before a crash) are anchored at once.
      tick();
    },
    stop: async () => {
      active = false;
      clearInterval(timer);
      await queue;
    },
  });
  return {
    anchorNow,
    role: () => lease.role(),
    async stop() {
      clearInterval(timer);
      await anchorNow().catch((err: unknown) => logger?.error({ err, file }, 'cannot write the last journal anchor'));
      await lease.stop();
    },
  };
}
