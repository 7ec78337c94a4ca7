import type { JournalEvent } from '../../../platform/journal/journal.repository.js';

/** Typed reads of a journal event's data (plain JSON written by the commands). */
export const str = (e: JournalEvent, key: string): string | null => (typeof e.data[key] === 'string' ? (e.data[key] as string) : null);
export const num = (e: JournalEvent, key: string): number | null => (typeof e.data[key] === 'number' ? (e.data[key] as number) : null);
export const when = (ms: number): string => new Date(ms).toISOString();

/** The value a field of the event's `changes` took (undefined when the event did not change it). */
export function changeAfter(e: JournalEvent, field: string): unknown {
  const changes = e.data.changes as Record<string, { after?: unknown }> | undefined;
  return changes?.[field]?.after;
}

/** The value a field of the event's `changes` took, when it is text. */
export function changedTo(e: JournalEvent, field: string): string | null {
  const after = changeAfter(e, field);
  return typeof after === 'string' ? after : null;
}

/** The status an event moved its entity to, from its `changes.status`. */
export function statusAfter(e: JournalEvent): string | null {
  return changedTo(e, 'status');
}
