import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import { idField } from '../../../platform/http/fields.js';
import type { Store } from '../../../platform/store/database.js';
import { requireNode } from '../shared/equipment-node.js';
import { deleteSiteShift, putSiteShift } from './put-site-shift.command.js';
import { shiftsOf } from './site-shift.repository.js';

const params = z.strictObject({ id: idField, code: idField });
const wallTime = z.string().max(10);
const body = z.strictObject({
  start: wallTime,
  end: wallTime,
  days: z.array(z.number()).max(7).optional(),
  breaks: z.array(z.strictObject({ start: wallTime, end: wallTime })).max(24).default([]),
});
const PLANNERS = ['engineer', 'supervisor'] as const;

/** Shift calendars of sites. */
export function registerSiteShiftRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  commandRoute(app, runner, {
    method: 'PUT', url: '/api/v1/sites/:id/shifts/:code', roles: PLANNERS, summary: 'Create or update a shift of a site (site time zone; breaks are planned stops)', tags: ['equipment'],
    params, body, command: putSiteShift,
    input: (p, b) => ({ siteId: p.id, code: p.code, start: b.start, end: b.end, days: b.days, breaks: b.breaks }),
  });
  commandRoute(app, runner, {
    method: 'DELETE', url: '/api/v1/sites/:id/shifts/:code', roles: PLANNERS, summary: 'Remove a shift from a site', tags: ['equipment'],
    params, command: deleteSiteShift, input: (p) => ({ siteId: p.id, code: p.code }),
  });
  queryRoute(app, {
    url: '/api/v1/sites/:id/shifts', roles: ANY_ROLE, summary: 'Shift calendar of a site', tags: ['equipment'],
    params: z.strictObject({ id: idField }),
    handler: async (p) => {
      const site = await requireNode(store.db, 'site', p.id);
      return { siteId: p.id, timeZone: site.timeZone ?? 'UTC', items: await shiftsOf(store.db, p.id) };
    },
  });
}
