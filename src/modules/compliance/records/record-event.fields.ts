import type { JournalEvent } from '../../../platform/journal/journal.repository.js';

/** Typed reads of a journal event's data (plain JSON written by the commands). */
export const str = (e: JournalEvent, key: string): string | null => (typeof e.data[key] === 'string' ? (e.data[key] as string) : null);
export const num = (e: JournalEvent, key: string): number | null => (typeof e.data[key] === 'number' ? (e.data[key] as number) : null);
export const when = (ms: number): string => new Date(ms).toISOString();

/** The status an event moved its entity to, from its `changes.status`. */
export function statusAfter(e: JournalEvent): string | null {
  const changes = e.data.changes as Record<string, { after?: unknown }> | undefined;
  const after = changes?.status?.after;
  return typeof after === 'string' ? after : null;
}
