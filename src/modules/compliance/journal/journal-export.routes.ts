import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { iso, isoTime } from '../../../platform/http/time.js';
import { readJournal, type JournalEvent, type JournalQuery } from '../../../platform/journal/journal.repository.js';
import type { Store } from '../../../platform/store/database.js';
import { csvRow } from './audit-csv.js';

const exportQuery = z.strictObject({
  format: z.enum(['csv', 'json']).default('csv'),
  entity: z.string().min(1).max(100).optional(),
  entityId: z.string().min(1).max(200).optional(),
  actor: z.string().min(1).max(100).optional(),
  action: z.string().min(1).max(100).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
});

const PAGE = 1000;
const CSV_HEADER = ['seq', 'at', 'actor', 'action', 'entity', 'entityId', 'reason', 'data', 'hash', 'prevHash'] as const;

/** Every event matching the filters, read page by page so a large journal never sits in memory whole. */
export async function* journalPages(store: Store, filter: Omit<JournalQuery, 'after' | 'limit'>, pageSize = PAGE): AsyncGenerator<JournalEvent[]> {
  let after = 0;
  for (;;) {
    const page = await readJournal(store.db, { ...filter, after, limit: pageSize });
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.seq;
  }
}

async function* csvLines(pages: AsyncGenerator<JournalEvent[]>): AsyncGenerator<string> {
  yield `\ufeff${csvRow([...CSV_HEADER])}`;
  for await (const page of pages) {
    yield page.map((e) => csvRow([e.seq, iso(e.at), e.actor, e.action, e.entity, e.entityId, e.reason, JSON.stringify(e.data), e.hash, e.prevHash])).join('');
  }
}

async function* jsonChunks(pages: AsyncGenerator<JournalEvent[]>, filters: Record<string, unknown>): AsyncGenerator<string> {
  yield `{"filters":${JSON.stringify(filters)},"events":[`;
  let separator = '';
  for await (const page of pages) {
    yield separator + page.map((e) => JSON.stringify({ ...e, at: iso(e.at) })).join(',');
    separator = ',';
  }
  yield ']}';
}

/**
 * GET /journal/export?format=csv|json: the audit trail (who, when, what, the previous and new values in `data`,
 * the reason, the hash chain) filtered by entity, entity id, actor, action and time window, streamed page by page.
 */
export function registerJournalExport(app: FastifyInstance, store: Store): void {
  app.withTypeProvider<ZodTypeProvider>().route({
    method: 'GET',
    url: '/api/v1/journal/export',
    config: { roles: ['supervisor', 'quality', 'engineer'] },
    schema: { summary: 'Export the audit trail as CSV or JSON, filtered, streamed', tags: ['journal'], querystring: exportQuery },
    handler: async (req, reply) => {
      const q = req.query;
      refuseIfAny(q.from !== undefined && q.to !== undefined && q.to <= q.from ? [violation('INVALID_FIELD', 'to must be after from', { field: 'to' })] : []);
      const filter = { entity: q.entity, entityId: q.entityId, actor: q.actor, action: q.action, from: q.from, to: q.to };
      const pages = journalPages(store, filter);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const body = q.format === 'csv' ? csvLines(pages) : jsonChunks(pages, { ...filter, from: q.from === undefined ? undefined : iso(q.from), to: q.to === undefined ? undefined : iso(q.to) });
      return reply
        .header('content-type', q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="takt-journal-${stamp}.${q.format}"`)
        .send(Readable.from(body));
    },
  });
}
