import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../../platform/errors/violation.js';
import { idField } from '../../../platform/http/fields.js';
import { ANY_ROLE, queryRoute } from '../../../platform/http/route-kit.js';
import type { Store } from '../../../platform/store/database.js';
import { traceLot } from './trace-lot.query.js';

const params = z.strictObject({ id: idField });
const query = z.strictObject({
  direction: z.enum(['backward', 'forward']).default('backward'),
  maxDepth: z.coerce.number().int().min(0).max(1000).optional(),
});

/** The genealogy of a lot: backward to what went into it, forward to everything made from it (with the recall scope). */
export function registerGenealogyRoutes(app: FastifyInstance, store: Store): void {
  queryRoute(app, {
    url: '/api/v1/lots/:id/genealogy', roles: ANY_ROLE, tags: ['inventory'],
    summary: 'Trace a lot backward or forward through every level of its genealogy',
    params, querystring: query,
    handler: async (p, q) => {
      const trace = await traceLot(store.db, p.id, q.direction, q.maxDepth === undefined ? {} : { maxDepth: q.maxDepth });
      if (!trace) throw notFound('lot', p.id);
      return trace;
    },
  });
}
