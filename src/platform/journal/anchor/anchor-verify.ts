import type { Kysely } from 'kysely';
import { iso } from '../../http/time.js';
import type { Database } from '../../store/schema.js';
import { journalHashesAt, verifyJournal } from '../journal.repository.js';
import { readAnchorLines } from './anchor-file.js';
import type { AnchorVerifyKey } from './anchor-key.js';
import { lineDigest, readAnchorLine, type Anchor, type AnchorLineProblem } from './anchor-line.js';

/**
 * Why an anchor disagrees: its line is unreadable, signed with another key, or changed (`bad-signature`); a line
 * before it was removed, inserted or changed (`broken-link`); the journal ends before its seq (`beyond-journal`:
 * events were removed, or the store was restored from an older backup); the journal holds another hash at its seq
 * (`hash-differs`: an event up to that seq was changed and the chain re-hashed).
 */
export type AnchorProblem = AnchorLineProblem | 'broken-link' | 'beyond-journal' | 'hash-differs';

export interface AnchorDisagreement {
  /** The line of the anchor file (from 1). */
  readonly line: number;
  readonly seq: number | null;
  readonly at: number | null;
  readonly problem: AnchorProblem;
  readonly detail: string;
}

export interface AnchorCheck {
  /** Lines of the anchor file checked. */
  readonly checked: number;
  /** The last anchor of the file that holds. */
  readonly last: { readonly seq: number; readonly at: number } | null;
  /** The first anchor in file order that disagrees; null when every one holds. */
  readonly disagreement: AnchorDisagreement | null;
}

/** The chain check with the anchors' beside it: ok only when the chain holds and every anchor agrees. */
export interface AnchoredVerifyResult {
  readonly ok: boolean;
  readonly events: number;
  /** The first seq where the chain breaks; absent while it holds. */
  readonly brokenAt?: number;
  readonly anchors: AnchorCheck;
}

/**
 * Checks each line of an anchor file: its signature with the key, its link to the line before, and that the journal
 * holds exactly the anchored hash at the anchored seq. With the chain verified as well, an event changed up to an
 * anchored seq shows even when every later hash and the head were recomputed. Reports the first line that disagrees.
 */
export async function checkAnchors(db: Kysely<Database>, lines: readonly string[], key: AnchorVerifyKey): Promise<AnchorCheck> {
  const problems: AnchorDisagreement[] = [];
  const anchors: { line: number; anchor: Anchor }[] = [];
  lines.forEach((text, i) => {
    const line = i + 1;
    const reading = readAnchorLine(text, key);
    if (!reading.ok) {
      problems.push({ line, seq: null, at: null, problem: reading.problem, detail: reading.detail });
      return;
    }
    const { anchor } = reading;
    const expected = i === 0 ? null : lineDigest(lines[i - 1] ?? '');
    if (anchor.prev !== expected) {
      const detail = i === 0 ? 'the first line names a line before it: the beginning of the file was removed' : `it does not follow line ${i}: a line was removed, inserted or changed before it`;
      problems.push({ line, seq: anchor.seq, at: anchor.at, problem: 'broken-link', detail });
      return;
    }
    anchors.push({ line, anchor });
  });
  const stored = await journalHashesAt(db, anchors.map((a) => a.anchor.seq));
  for (const { line, anchor } of anchors) {
    const hash = stored.get(anchor.seq);
    if (hash === undefined) problems.push({ line, seq: anchor.seq, at: anchor.at, problem: 'beyond-journal', detail: `the journal has no event ${anchor.seq} any more` });
    else if (hash !== anchor.hash) problems.push({ line, seq: anchor.seq, at: anchor.at, problem: 'hash-differs', detail: `the journal's event ${anchor.seq} has another hash than anchored: an event up to it was changed` });
  }
  const disagreement = problems.reduce<AnchorDisagreement | null>((first, p) => (first === null || p.line < first.line ? p : first), null);
  const holding = anchors.filter((a) => !problems.some((p) => p.line === a.line)).at(-1)?.anchor;
  return { checked: lines.length, last: holding ? { seq: holding.seq, at: holding.at } : null, disagreement };
}

/** `verifyJournal` and `checkAnchors` over the anchor file; throws an AnchorError when the file is not there. */
export async function verifyJournalAnchored(db: Kysely<Database>, anchorFile: string, key: AnchorVerifyKey): Promise<AnchoredVerifyResult> {
  const lines = await readAnchorLines(anchorFile);
  const chain = await verifyJournal(db);
  const anchors = await checkAnchors(db, lines, key);
  return { ...chain, ok: chain.ok && anchors.disagreement === null, anchors };
}

/** The result as the API and the command line show it: times as ISO-8601, the anchor file named. */
export interface AnchoredVerifyView {
  readonly ok: boolean;
  readonly events: number;
  readonly brokenAt?: number;
  readonly anchors: {
    readonly file: string;
    readonly checked: number;
    readonly last: { readonly seq: number; readonly at: string } | null;
    readonly disagreement: (Omit<AnchorDisagreement, 'at'> & { readonly at: string | null }) | null;
  };
}

export function presentAnchoredVerify(r: AnchoredVerifyResult, file: string): AnchoredVerifyView {
  const { last, disagreement } = r.anchors;
  return {
    ok: r.ok, events: r.events, ...(r.brokenAt !== undefined ? { brokenAt: r.brokenAt } : {}),
    anchors: {
      file, checked: r.anchors.checked,
      last: last ? { seq: last.seq, at: iso(last.at) } : null,
      disagreement: disagreement ? { ...disagreement, at: iso(disagreement.at) } : null,
    },
  };
}
