import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ANY_ROLE, queryRoute } from '../../../platform/http/route-kit.js';
import { idField } from '../../../platform/http/fields.js';
import type { Store } from '../../../platform/store/database.js';
import type { HierarchyLevel } from '../../../platform/store/schema.js';
import { EQUIPMENT_STATES } from '../domain/index.js';
import { reportWindow, windowQuery, windowQuerySchema } from '../shared/report-window.js';
import { scopePareto } from './downtime-pareto.query.js';
import { scopeOee } from './oee.query.js';

const PATHS: Record<HierarchyLevel, string> = { equipment: 'equipment', work_center: 'work-centers', area: 'areas', site: 'sites' };
const params = z.strictObject({ id: idField });
const paretoQuery = z.strictObject({
  ...windowQuery,
  groupBy: z.enum(['reason', 'parent', 'root']).default('reason'),
  states: z
    .string()
    .default('down,planned_stop')
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(z.enum(EQUIPMENT_STATES)).min(1)),
});

/** OEE with the ISO 22400-2 KPIs, and the downtime Pareto, at every level of the hierarchy. */
export function registerPerformanceRoutes(app: FastifyInstance, store: Store): void {
  for (const [level, path] of Object.entries(PATHS) as [HierarchyLevel, string][]) {
    queryRoute(app, {
      url: `/api/v1/${path}/:id/oee`, roles: ANY_ROLE, summary: `OEE and ISO 22400-2 KPIs of a ${level.replace('_', ' ')} over a window`, tags: ['equipment'],
      params, querystring: windowQuerySchema,
      handler: async (p, q) => scopeOee(store.db, level, p.id, reportWindow(q, Date.now())),
    });
    queryRoute(app, {
      url: `/api/v1/${path}/:id/downtime-pareto`, roles: ANY_ROLE, summary: `Downtime by reason of a ${level.replace('_', ' ')} over a window`, tags: ['equipment'],
      params, querystring: paretoQuery,
      handler: async (p, q) => scopePareto(store.db, level, p.id, { ...reportWindow(q, Date.now()), groupBy: q.groupBy, states: q.states }),
    });
  }
}
