import type { BatchRecord, ExceptionKind, InspectionEntry } from '../../modules/compliance/index.js';

/** Where the record stands in its sign-off: what a quality engineer looks for first. */
export type RecordStage = 'not-ready' | 'ready' | 'reviewed' | 'released';

export interface RecordStatus {
  readonly stage: RecordStage;
  /** The order's status as the record has it (at the release, once released). */
  readonly orderStatus: string;
  /** Who reviewed (the last review) or released it, and when; null before either. */
  readonly by: string | null;
  readonly at: string | null;
  /** Events on the order after the last review that it did not see (0 without a review). */
  readonly unreviewedEvents: number;
}

const DONE = ['completed', 'closed'];

/**
 * The record's stage: released once signed off as released; else reviewed once reviewed; else ready for review once
 * its order is completed or closed; else not ready (the order still runs). A review before completion stays a review.
 */
export function recordStatus(r: BatchRecord): RecordStatus {
  const orderStatus = r.content.header.status;
  const review = r.reviews[r.reviews.length - 1];
  const unreviewedEvents = review?.eventsSince ?? 0;
  if (r.release) return { stage: 'released', orderStatus, by: r.release.actor, at: r.release.at, unreviewedEvents };
  if (review) return { stage: 'reviewed', orderStatus, by: review.actor, at: review.at, unreviewedEvents };
  return { stage: DONE.includes(orderStatus) ? 'ready' : 'not-ready', orderStatus, by: null, at: null, unreviewedEvents: 0 };
}

export interface Verification {
  /** The released content rebuilt from the journal still gives the hash stored at release. */
  readonly verified: boolean;
  readonly amendments: number;
  /** ok: verified, nothing since; warn: verified, amended since; bad: not verified. */
  readonly tone: 'ok' | 'warn' | 'bad';
}

/** What every read after release checks: null before release. */
export function verification(r: BatchRecord): Verification | null {
  if (!r.release) return null;
  const amendments = r.amendments.length;
  return { verified: r.release.verified, amendments, tone: !r.release.verified ? 'bad' : amendments > 0 ? 'warn' : 'ok' };
}

/** The lots the record names: consumed and made. */
export function lotsOf(r: BatchRecord): Set<string> {
  return new Set(r.content.operations.flatMap((o) => [...o.consumed.map((c) => c.lotId), ...o.produced.map((p) => p.lotId)]));
}

interface EventLike {
  readonly entity: string;
  readonly entityId: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Whether a committed event can change what the record of order `id` shows: the order's own events and its sign-offs
 * (entity id is the order), events naming it, its operations' events, and its lots' (a hold on an output lot after
 * release is an amendment).
 */
export function recordConcerns(id: string, r: BatchRecord | null): (e: EventLike) => boolean {
  const ops = new Set(r?.content.operations.map((o) => o.id) ?? []);
  const lots = r ? lotsOf(r) : new Set<string>();
  return (e) =>
    e.entityId === id || e.data.workOrderId === id || (e.entity === 'operation' && ops.has(e.entityId)) || (e.entity === 'lot' && lots.has(e.entityId));
}

/** The step an operation id names, as "10 Wet granulation"; the id itself when the record has no such step. */
export function stepNames(r: BatchRecord): (operationId: string | null) => string {
  const names = new Map(r.content.operations.map((o) => [o.id, `${o.seq} ${o.name}`]));
  return (operationId) => (operationId === null ? '' : (names.get(operationId) ?? operationId));
}

/** An inspection's specification limits as text ("9.95 … 10.05", "≥ 9.95", "≤ 10.05"); empty without limits. */
export function limitsText(i: Pick<InspectionEntry, 'lsl' | 'usl'>, format: (n: number) => string): string {
  if (i.lsl !== null && i.usl !== null) return `${format(i.lsl)} … ${format(i.usl)}`;
  if (i.lsl !== null) return `≥ ${format(i.lsl)}`;
  if (i.usl !== null) return `≤ ${format(i.usl)}`;
  return '';
}

/** How many exceptions of each kind, in the order kinds first appear (for the summary above the list). */
export function exceptionCounts(r: BatchRecord): readonly (readonly [ExceptionKind, number])[] {
  const counts = new Map<ExceptionKind, number>();
  for (const e of r.content.exceptions) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return [...counts];
}

/** The record's signatures: those it contains (reviews, critical steps) and, after release, the release's own. */
export function allSignatures(r: BatchRecord): BatchRecord['content']['signatures'] {
  return [...r.content.signatures, ...(r.release?.signatures ?? [])];
}
