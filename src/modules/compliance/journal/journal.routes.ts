import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ANY_ROLE, queryRoute } from '../../../platform/http/route-kit.js';
import { iso, isoTime } from '../../../platform/http/time.js';
import { readJournal, verifyJournal, type JournalEvent } from '../../../platform/journal/journal.repository.js';
import type { Store } from '../../../platform/store/database.js';
import { registerJournalExport } from './journal-export.routes.js';

const journalQuery = z.strictObject({
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
  entity: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  actor: z.string().max(100).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
});

/** A journal event as the API shows it: the time as ISO-8601. */
export function presentEvent(e: JournalEvent): Omit<JournalEvent, 'at'> & { at: string } {
  return { ...e, at: iso(e.at) };
}

const AUDITORS = ['supervisor', 'quality', 'engineer'] as const;

/** GET /journal and GET /journal/verify. */
export function registerJournalRoutes(app: FastifyInstance, store: Store): void {
  registerJournalExport(app, store);
  queryRoute(app, {
    url: '/api/v1/journal', roles: [...AUDITORS, 'operator'], summary: 'Read the audit journal in order', tags: ['journal'],
    querystring: journalQuery,
    handler: async (_p, q) => ({ events: (await readJournal(store.db, q)).map(presentEvent) }),
  });
  queryRoute(app, {
    url: '/api/v1/journal/verify', roles: ANY_ROLE, summary: 'Recompute the hash chain of the journal', tags: ['journal'],
    handler: async () => {
      const r = await verifyJournal(store.db);
      return r.ok ? { ok: true, events: r.events } : { ok: false, brokenAt: r.brokenAt, events: r.events };
    },
  });
}
