import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../../platform/errors/violation.js';
import { idField } from '../../../platform/http/fields.js';
import { ANY_ROLE, queryRoute } from '../../../platform/http/route-kit.js';
import type { Store } from '../../../platform/store/database.js';
import { orderActuals, performanceReceiver } from './order-actuals.query.js';
import { writePerformance } from './performance-message.builder.js';
import { presentActuals } from './performance.present.js';

/**
 * GET /api/v1/work-orders/{id}/performance: the order's actuals (produced and consumed lots, scrap, start/end,
 * equipment) as JSON, or with `?format=b2mml-v0600|b2mml-v0701` as the B2MML message the outbox would send.
 */
export function registerPerformanceRoutes(app: FastifyInstance, store: Store): void {
  queryRoute(app, {
    url: '/api/v1/work-orders/:id/performance', roles: ANY_ROLE, tags: ['production', 'integration'],
    summary: 'The actuals of a work order: produced and consumed lots, scrap, times, equipment (JSON or B2MML)',
    params: z.strictObject({ id: idField }),
    querystring: z.strictObject({ format: z.enum(['json', 'b2mml-v0600', 'b2mml-v0701']).optional() }),
    handler: async (p, q, _req, reply) => {
      const actuals = await orderActuals(store.db, p.id);
      if (!actuals) throw notFound('work order', p.id);
      const format = q.format ?? 'json';
      if (format === 'json') return presentActuals(actuals);
      const xml = writePerformance(actuals, format, { bodId: randomUUID(), createdAt: Date.now(), receiverLogicalId: await performanceReceiver(store.db, p.id) });
      return reply.type('application/xml; charset=utf-8').send(xml);
    },
  });
}
