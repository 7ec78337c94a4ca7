import type { StateEvent, StateInterval } from './equipment-state.js';
import { parseStateEvent, type StateEventInput, type StateEventRules } from './state-event.validation.js';
import type { Violation } from '../../../platform/errors/violation.js';

/**
 * The outcome of applying one event: the new history and exactly which intervals left it and which entered it,
 * so a store can delete `removed` and insert `added` instead of rewriting the history.
 */
export type StateHistoryChange = {
  readonly history: readonly StateInterval[];
  readonly added: readonly StateInterval[];
  readonly removed: readonly StateInterval[];
};

/** Whether two intervals or events say the same: the same state with the same reason. */
export const sameState = (a: { state: string; reason: string | null }, b: { state: string; reason: string | null }) =>
  a.state === b.state && a.reason === b.reason;

/** Index of the interval containing `at` (from <= at < to), or -1. */
const indexContaining = (history: readonly StateInterval[], at: number): number => {
  let lo = 0;
  let hi = history.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const iv = history[mid];
    if (iv === undefined) break;
    if (at < iv.from) hi = mid - 1;
    else if (iv.to !== null && at >= iv.to) lo = mid + 1;
    else return mid;
  }
  return -1;
};

/**
 * Applies a state event to a history and returns the new history plus what changed.
 *
 * The history is a list of intervals sorted by `from`, contiguous (each `to` is the next `from`), the last one
 * possibly open (`to === null`). Each interval is one reported event: the state at an instant is the one of the
 * latest event at or before it, whatever order the events arrived in. The function also works on a contiguous
 * slice of the history, as long as the slice contains the interval covering `event.at`.
 *
 * Semantics (an event says "from `at` on, the state is X, until the next event"):
 * - a late event (backfill) is inserted in order: the interval it falls into is cut at `at`, the new interval runs
 *   until the next existing event, later intervals are kept;
 * - an event at the same `at` as an existing one replaces it (last writer wins: this is how a correction is
 *   recorded); sending the very same event again changes nothing;
 * - an event before the first interval opens an interval up to the first event;
 * - an event repeating the state already in force is still kept as a boundary. Dropping or merging it would make
 *   the result depend on arrival order: a late `down` arriving between two `running` reports must stop at the
 *   second one. Readers that need whole stops use `coalesceIntervals`.
 * The input is never modified.
 */
export const applyStateEvent = (history: readonly StateInterval[], event: StateEvent): StateHistoryChange => {
  const fresh = (to: number | null): StateInterval => ({ state: event.state, reason: event.reason, from: event.at, to });
  const first = history[0];
  if (first === undefined) {
    const only = fresh(null);
    return { history: [only], added: [only], removed: [] };
  }
  if (event.at < first.from) {
    const head = fresh(first.from);
    return { history: [head, ...history], added: [head], removed: [] };
  }
  const k = indexContaining(history, event.at);
  const current = history[k];
  if (current === undefined) {
    // `at` lies after a closed last interval: the history resumes at `at`.
    const tail = fresh(null);
    return { history: [...history, tail], added: [tail], removed: [] };
  }
  const tail = fresh(current.to);
  if (current.from === event.at && sameState(current, event)) return { history, added: [], removed: [] };
  const pieces = current.from === event.at ? [tail] : [{ ...current, to: event.at }, tail];
  return {
    history: [...history.slice(0, k), ...pieces, ...history.slice(k + 1)],
    added: pieces,
    removed: [current],
  };
};

/** Result of {@link recordStateEvent}: the change, or every field problem of the input. */
export type RecordStateEventResult =
  | ({ readonly ok: true } & StateHistoryChange)
  | { readonly ok: false; readonly problems: readonly Violation[] };

/** Validates an incoming event (see `validateStateEvent`) and applies it with {@link applyStateEvent}. */
export const recordStateEvent = (
  history: readonly StateInterval[],
  input: StateEventInput,
  rules: StateEventRules,
): RecordStateEventResult => {
  const parsed = parseStateEvent(input, rules);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  return { ok: true, ...applyStateEvent(history, parsed.value) };
};

/** Builds a history from events in any order: the same result as applying them one by one in time order. */
export const historyFromEvents = (events: readonly StateEvent[]): StateInterval[] => {
  const sorted = [...events].sort((a, b) => a.at - b.at);
  let history: readonly StateInterval[] = [];
  for (const e of sorted) history = applyStateEvent(history, e).history;
  return [...history];
};

/**
 * Every breach of the history invariant (sorted, contiguous, non-empty intervals, only the last open), as
 * messages. Useful when loading a history from storage.
 */
export const historyIssues = (history: readonly StateInterval[]): string[] => {
  const issues: string[] = [];
  history.forEach((iv, i) => {
    const next = history[i + 1];
    if (iv.to !== null && iv.to <= iv.from) issues.push(`interval ${i} is empty or reversed`);
    if (next === undefined) return;
    if (iv.to === null) issues.push(`interval ${i} is open but not last`);
    else if (iv.to !== next.from) issues.push(`interval ${i} ends at ${iv.to} but interval ${i + 1} starts at ${next.from}`);
  });
  return issues;
};

/**
 * The history with neighbours of equal state and reason merged into one interval: the view of whole stops and
 * runs. Returns the input itself when nothing needs merging.
 */
export const coalesceIntervals = (history: readonly StateInterval[]): readonly StateInterval[] => {
  let needed = false;
  for (let i = 1; i < history.length && !needed; i++) {
    const a = history[i - 1];
    const b = history[i];
    if (a !== undefined && b !== undefined && a.to === b.from && sameState(a, b)) needed = true;
  }
  if (!needed) return history;
  const out: StateInterval[] = [];
  for (const iv of history) {
    const last = out[out.length - 1];
    if (last !== undefined && last.to === iv.from && sameState(last, iv)) out[out.length - 1] = { ...last, to: iv.to };
    else out.push(iv);
  }
  return out;
};
