import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { notFound } from '../../../platform/errors/violation.js';
import { idField, nameField } from '../../../platform/http/fields.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import type { Store } from '../../../platform/store/database.js';
import type { HierarchyLevel } from '../../../platform/store/schema.js';
import { findNode, listNodes } from './hierarchy.repository.js';
import { putNode } from './put-node.command.js';

const params = z.strictObject({ id: idField });
const base = { name: nameField, parentId: idField.nullable().optional() };
const bodies = {
  site: z.strictObject({ ...base, timeZone: z.string().min(1).max(64).optional() }),
  area: z.strictObject(base),
  work_center: z.strictObject(base),
  equipment: z.strictObject({
    ...base,
    workCenterId: idField.optional(),
    idealCycleTimeSec: z.number().positive().max(1e7).nullable().optional(),
    available: z.boolean().optional(),
  }),
} as const;

const PATHS: Record<HierarchyLevel, string> = { site: 'sites', area: 'areas', work_center: 'work-centers', equipment: 'equipment' };
const WRITERS = ['engineer'] as const;

/** PUT/GET for sites, areas, work centers and equipment. */
export function registerHierarchyRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  for (const level of Object.keys(PATHS) as HierarchyLevel[]) {
    const body = bodies[level] as z.ZodType<z.output<typeof bodies.equipment> & { timeZone?: string }>;
    commandRoute(app, runner, {
      method: 'PUT',
      url: `/api/v1/${PATHS[level]}/:id`,
      roles: WRITERS,
      summary: `Create or update a ${level.replace('_', ' ')}`,
      tags: ['master data'],
      params,
      body,
      command: putNode,
      input: (p, b) => ({
        level,
        id: p.id,
        name: b.name,
        parentId: b.parentId ?? (level === 'equipment' ? b.workCenterId ?? null : null),
        timeZone: b.timeZone,
        workCenterId: b.workCenterId,
        idealCycleTimeSec: b.idealCycleTimeSec,
        available: b.available,
      }),
    });
    queryRoute(app, {
      url: `/api/v1/${PATHS[level]}/:id`,
      roles: ANY_ROLE,
      summary: `Read a ${level.replace('_', ' ')}`,
      tags: ['master data'],
      params,
      handler: async (p) => {
        const node = await findNode(store.db, p.id);
        if (!node || node.level !== level) throw notFound(level.replace('_', ' '), p.id);
        return node;
      },
    });
    queryRoute(app, {
      url: `/api/v1/${PATHS[level]}`,
      roles: ANY_ROLE,
      summary: `List ${PATHS[level]}`,
      tags: ['master data'],
      handler: async () => ({ items: await listNodes(store.db, level) }),
    });
  }
}
