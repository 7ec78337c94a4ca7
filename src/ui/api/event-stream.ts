import { signal } from '@preact/signals';
import { bearer } from './client.js';
import { SseParser } from './sse-parser.js';
import type { JournalEvent } from './types.js';

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** The state of the live event stream, for the "live" indicator. */
export const streamState = signal<StreamState>('closed');

type Listener = (e: JournalEvent) => void;
const listeners = new Set<Listener>();
let lastSeq: number | null = null;
/** Where a reconnect resumes when no event came over the stream yet (the journal was read up to here). */
let resumeHint: number | null = null;
let controller: AbortController | null = null;
let users = 0;

/** Receives every committed event while subscribed; the stream runs while anyone listens. */
export function onEvent(listener: Listener): () => void {
  listeners.add(listener);
  users += 1;
  if (users === 1) void run();
  return () => {
    listeners.delete(listener);
    users -= 1;
    if (users === 0) stop();
  };
}

/**
 * A reconnect before any streamed event resumes after this sequence number (read from the journal); events that
 * arrive over the stream are never dropped for it, so every listener still sees them.
 */
export function resumeAfter(seq: number): void {
  if (resumeHint === null || seq > resumeHint) resumeHint = seq;
}

function stop(): void {
  controller?.abort();
  controller = null;
  // Screens shown next load their state fresh: no replay of what happened while nobody listened.
  lastSeq = null;
  resumeHint = null;
  streamState.value = 'closed';
}

function parseEvent(data: string): JournalEvent | null {
  try {
    const e = JSON.parse(data) as JournalEvent;
    return typeof e.seq === 'number' ? e : null;
  } catch {
    return null;
  }
}

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Reads GET /events with fetch rather than EventSource: the token goes in the Authorization header (not in a URL
 * that proxies log), every event type arrives through one reader, and a reconnect sends Last-Event-ID so the server
 * replays what was missed, without gaps or repeats.
 */
async function run(): Promise<void> {
  const mine = new AbortController();
  controller = mine;
  let delay = 500;
  while (!mine.signal.aborted) {
    streamState.value = streamState.value === 'live' ? 'reconnecting' : streamState.value === 'closed' ? 'connecting' : streamState.value;
    try {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (bearer.value) headers.authorization = `Bearer ${bearer.value}`;
      const resume = lastSeq ?? resumeHint;
      if (resume !== null) headers['last-event-id'] = String(resume);
      const res = await fetch('/api/v1/events', { headers, signal: mine.signal, cache: 'no-store' });
      if (!res.ok || !res.body) throw new Error(`event stream answered ${res.status}`);
      streamState.value = 'live';
      delay = 500;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const m of parser.push(value)) {
          const e = parseEvent(m.data);
          if (!e || (lastSeq !== null && e.seq <= lastSeq)) continue;
          lastSeq = e.seq;
          for (const l of [...listeners]) {
            try {
              l(e);
            } catch (error) {
              console.error('event listener failed', error);
            }
          }
        }
      }
    } catch {
      /* reconnect below */
    }
    if (mine.signal.aborted) break;
    streamState.value = 'reconnecting';
    await wait(delay);
    delay = Math.min(delay * 2, 5000);
  }
}
