import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ANY_ROLE, queryRoute } from '../../../platform/http/route-kit.js';
import { iso, isoTime } from '../../../platform/http/time.js';
import { readJournal, verifyJournal, type JournalEvent } from '../../../platform/journal/journal.repository.js';
import { AnchorError, type AnchorVerifyKey } from '../../../platform/journal/anchor/anchor-key.js';
import { presentAnchoredVerify, verifyJournalAnchored } from '../../../platform/journal/anchor/anchor-verify.js';
import { Refusal, violation } from '../../../platform/errors/violation.js';
import type { Store } from '../../../platform/store/database.js';
import { registerJournalExport } from './journal-export.routes.js';

const journalQuery = z.strictObject({
  after: z.coerce.number().int().min(0).optional(),
  // A page holds at most 5,000 events: a larger limit is taken as 5,000 (page on with `after`).
  limit: z.coerce.number().int().min(1).transform((n) => Math.min(n, 5000)).optional(),
  entity: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  actor: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
});

/** Names of the members of event data that hold a time (epoch ms in the store): `dueAt`, `expiresAt`, `validUntil`, ... */
const TIME_NAME = /(At|Until)$/;
/** Epoch ms from 1973 to 5138: a number under a time's name outside it is not a time (a count, a flag) and stays. */
const isEpochMs = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1e11 && v < 1e14;

/**
 * Event data as the API shows it: every time (a member named like one, also the `before`/`after` of a change to one)
 * as ISO-8601, as everywhere in the API. The store keeps epoch ms and the hashes are over what it keeps.
 */
export function presentData(value: unknown, timeName = false): unknown {
  if (timeName && isEpochMs(value)) return iso(value);
  if (Array.isArray(value)) return value.map((v) => presentData(v));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, presentData(v, TIME_NAME.test(k) || (timeName && (k === 'before' || k === 'after')))]),
  );
}

/** A journal event as the API shows it: its time and the times in its data as ISO-8601. */
export function presentEvent(e: JournalEvent): Omit<JournalEvent, 'at'> & { at: string } {
  return { ...e, at: iso(e.at), data: presentData(e.data) as JournalEvent['data'] };
}

const AUDITORS = ['supervisor', 'quality', 'engineer'] as const;

/**
 * GET /journal, GET /journal/verify, and GET /journal/anchors/verify (admin: the chain and the signed anchors of the
 * anchor file this node writes; 404 on a node that writes none).
 */
export function registerJournalRoutes(app: FastifyInstance, store: Store, anchors?: { readonly file: string; readonly key: AnchorVerifyKey }): void {
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
  queryRoute(app, {
    url: '/api/v1/journal/anchors/verify', roles: ['admin'], summary: 'Check the journal against the signed anchors of its head kept outside the store', tags: ['journal'],
    handler: async () => {
      if (!anchors) throw new Refusal([violation('NOT_FOUND', 'this node writes no journal anchors (TAKT_ANCHOR_INTERVAL=off, or not started by takt serve)')]);
      try {
        return presentAnchoredVerify(await verifyJournalAnchored(store.db, anchors.file, anchors.key), anchors.file);
      } catch (error) {
        // No anchor file yet: this node has not written an anchor (another node of several may write them).
        if (error instanceof AnchorError) throw new Refusal([violation('NOT_FOUND', error.message)]);
        throw error;
      }
    },
  });
}
