import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EventBus } from '../../../platform/events/event-bus.js';
import { ANY_ROLE } from '../../../platform/http/route-kit.js';
import { readJournal, type JournalEvent } from '../../../platform/journal/journal.repository.js';
import type { Store } from '../../../platform/store/database.js';
import { presentEvent } from './journal.routes.js';

const query = z.object({ access_token: z.string().optional(), after: z.coerce.number().int().min(0).optional(), types: z.string().max(2000).optional() });

function frame(e: JournalEvent): string {
  return `id: ${e.seq}\nevent: ${e.action}\ndata: ${JSON.stringify(presentEvent(e))}\n\n`;
}

/**
 * GET /events: Server-Sent Events of every committed journal event, after commit. A reconnecting client sends
 * Last-Event-ID (or ?after=) and first receives what it missed from the journal, then the live stream, without
 * gaps or repeats. Browsers' EventSource cannot set headers, so the token may come as ?access_token=.
 *
 * When the server closes, every open stream ends at once (the response ends and its connection closes): a stream
 * never ends by itself, so the server would otherwise wait for each client to leave. The client reconnects with
 * Last-Event-ID, to another node or to this one after its restart, and misses nothing.
 */
export function registerEventStream(app: FastifyInstance, store: Store, bus: EventBus, heartbeatMs = 15_000): void {
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });
  // No implicit HEAD: Node sends a HEAD answer's headers only at its end, and a stream never ends, so HEAD hung.
  app.get('/api/v1/events', { exposeHeadRoute: false, config: { roles: ANY_ROLE, tokenInQuery: true }, schema: { summary: 'Live stream of committed events (SSE)', tags: ['events'], querystring: query } }, async (req, reply) => {
    const q = req.query as z.output<typeof query>;
    const types = q.types ? new Set(q.types.split(',')) : null;
    const lastId = Number(req.headers['last-event-id'] ?? q.after ?? NaN);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    raw.write(': takt event stream\nretry: 2000\n\n');
    let sent = Number.isFinite(lastId) ? lastId : Number.POSITIVE_INFINITY;
    const buffered: JournalEvent[] = [];
    let replaying = Number.isFinite(lastId);
    const send = (e: JournalEvent) => {
      if (raw.writableEnded || (Number.isFinite(sent) && e.seq <= sent)) return;
      sent = e.seq;
      if (!types || types.has(e.action)) raw.write(frame(e));
    };
    const unsubscribe = bus.subscribe((e) => (replaying ? buffered.push(e) : send(e)));
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), heartbeatMs);
    const release = () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(end);
    };
    const socket = req.raw.socket;
    // Ends the response, then the connection: the server's close waits for every connection to go.
    function end(): void {
      release();
      if (!raw.writableEnded) raw.end(() => socket.end());
    }
    open.add(end);
    raw.on('close', release);
    if (replaying) {
      for (let batch = await readJournal(store.db, { after: sent, limit: 1000 }); batch.length > 0 && !raw.writableEnded; batch = await readJournal(store.db, { after: sent, limit: 1000 })) {
        // Read from the store, the events may be committed but not yet on disk (SQLite flushes after the commit):
        // like every answer, they leave only once they are (live events are published only then anyway).
        await store.durable();
        batch.forEach(send);
      }
      replaying = false;
      buffered.forEach(send);
    } else {
      sent = Number.NEGATIVE_INFINITY;
    }
  });
}
