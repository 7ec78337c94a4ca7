import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../../platform/errors/violation.js';
import { idField } from '../../../platform/http/fields.js';
import { ANY_ROLE, queryRoute } from '../../../platform/http/route-kit.js';
import type { Store } from '../../../platform/store/database.js';
import type { GenealogyIndex } from './genealogy-index.js';
import { traceLot } from './trace-lot.query.js';

const params = z.strictObject({ id: idField });
const query = z.strictObject({
  direction: z.enum(['backward', 'forward']).default('backward'),
  maxDepth: z.coerce.number().int().min(0).max(1000).optional(),
});

/**
 * The genealogy of a lot: backward to what went into it, forward to everything made from it (with the recall scope).
 * From the genealogy held in memory when there is one and it is loaded, else by walking the store: the same answer.
 */
export function registerGenealogyRoutes(app: FastifyInstance, store: Store, index: GenealogyIndex | null = null): void {
  queryRoute(app, {
    url: '/api/v1/lots/:id/genealogy', roles: ANY_ROLE, tags: ['inventory'],
    summary: 'Trace a lot backward or forward through every level of its genealogy',
    params, querystring: query,
    handler: async (p, q, _req, reply) => {
      const options = q.maxDepth === undefined ? {} : { maxDepth: q.maxDepth };
      const fromMemory = index ? await index.traceJson(p.id, q.direction, options) : null;
      // JSON bytes written by the graph: thousands of lots cost no objects or strings to build and serialize.
      if (fromMemory !== null) return reply.type('application/json; charset=utf-8').send(fromMemory);
      const trace = await traceLot(store.db, p.id, q.direction, options);
      if (!trace) throw notFound('lot', p.id);
      return trace;
    },
  });
}
