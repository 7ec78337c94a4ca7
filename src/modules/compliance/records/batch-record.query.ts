import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { canonicalJson } from '../../../platform/journal/canonical-json.js';
import type { JournalEvent } from '../../../platform/journal/journal.repository.js';
import type { Database } from '../../../platform/store/schema.js';
import { buildRecordContent, operationResolver, signaturesIn } from './batch-record.builder.js';
import { loadRecordEvents, loadSnapshot, RECORD_ENTITY, RECORD_RULES, signoffsOf, underRules, type Signoff } from './batch-record.repository.js';
import type { BatchRecord, OrderSnapshot, RecordContent, SignoffSummary } from './batch-record.types.js';
import { amendmentOf } from './record-exceptions.js';

type Db = Kysely<Database> | Transaction<Database>;

/** SHA-256 (hex) of the canonical JSON of a record's content: what a release stores and a reader checks. */
export function contentHash(content: RecordContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

const summary = (s: Signoff): SignoffSummary => ({ kind: s.kind, at: new Date(s.at).toISOString(), actor: s.actor, lastSeq: s.lastSeq, lastHash: s.lastHash, contentHash: s.contentHash });

/** What a record is assembled from. */
export interface RecordSource {
  readonly snapshot: OrderSnapshot;
  /** The order's events under the current rules. */
  readonly events: readonly JournalEvent[];
  readonly signoffs: readonly Signoff[];
  /** Under the rules of its release, when it was released under others than the current ones. */
  readonly releasedEvents?: readonly JournalEvent[];
}

/** The order's snapshot and journal events, or undefined when there is no such order. */
export async function loadRecordSource(db: Db, id: string): Promise<RecordSource | undefined> {
  const snapshot = await loadSnapshot(db, id);
  if (!snapshot) return undefined;
  const signoffs = await signoffsOf(db, id);
  const release = signoffs.find((s) => s.kind === 'release');
  const loaded = await loadRecordEvents(db, snapshot);
  const { events } = loaded;
  if (!release || release.rules === RECORD_RULES) return { snapshot, events, signoffs };
  return { snapshot, events, signoffs, releasedEvents: underRules(loaded, release.rules) };
}

/**
 * Assembles the record. Before release: the content over every event so far. After release: the content rebuilt
 * from the events up to the release's cutoff only, under its rules (so it is exactly what was signed), its hash
 * checked against the stored one, and every later event listed as an amendment.
 */
export function assembleRecord(source: RecordSource, now: number): BatchRecord {
  const release = source.signoffs.find((s) => s.kind === 'release');
  const cutoff = release?.lastSeq ?? Number.POSITIVE_INFINITY;
  // Exactly what was signed: the events up to the cutoff under the rules of the release.
  const content = buildRecordContent(source.snapshot, (source.releasedEvents ?? source.events).filter((e) => e.seq <= cutoff), release?.rules ?? RECORD_RULES);
  const hash = contentHash(content);
  const after = source.events.filter((e) => e.seq > cutoff);
  const opOf = operationResolver(source.snapshot, source.events);
  // The release's own sign-off and signatures are not amendments: they are the release.
  const isReleaseItself = (e: JournalEvent): boolean => e.entity === RECORD_ENTITY && (e.action === 'batch-record.released' || (e.action === 'signature.signed' && e.data.signedAction === 'batch-record.release'));
  const lastHashNow = (source.releasedEvents ?? source.events).find((e) => e.seq === release?.lastSeq)?.hash;
  return {
    content,
    contentHash: hash,
    released: release !== undefined,
    release: release
      ? { ...summary(release), currentHash: hash, verified: hash === release.contentHash && lastHashNow === release.lastHash, signatures: signaturesIn(after.filter(isReleaseItself)) }
      : null,
    reviews: source.signoffs
      .filter((s) => s.kind === 'review')
      .map((s) => ({ ...summary(s), eventsSince: source.events.filter((e) => e.seq > s.lastSeq && e.seq <= cutoff && e.entity !== RECORD_ENTITY).length })),
    amendments: after.filter((e) => !isReleaseItself(e)).map((e) => amendmentOf(e, opOf)),
    generatedAt: new Date(now).toISOString(),
  };
}

/** The record of an order, or undefined when there is no such order. */
export async function batchRecord(db: Db, id: string, now: number): Promise<BatchRecord | undefined> {
  const source = await loadRecordSource(db, id);
  return source ? assembleRecord(source, now) : undefined;
}
