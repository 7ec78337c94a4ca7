import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { notFound } from '../../../platform/errors/violation.js';
import { idField, nameField } from '../../../platform/http/fields.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import type { Store } from '../../../platform/store/database.js';
import { findMaterial, listMaterials } from './material.repository.js';
import { putMaterial } from './put-material.command.js';

/** A unit of measure code (UN/CEFACT-like: kg, pcs, m, l, EA...). */
export const uomField = z.string().min(1).max(20).regex(/^[A-Za-z0-9%._/-]+$/, 'must be a unit code such as kg, pcs, m');

const params = z.strictObject({ id: idField });
const body = z.strictObject({
  name: nameField,
  uom: uomField,
  lotControlled: z.boolean(),
  shelfLifeDays: z.number().int().positive().max(36500).nullable().optional(),
});

/** PUT/GET materials. */
export function registerMaterialRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  commandRoute(app, runner, {
    method: 'PUT', url: '/api/v1/materials/:id', roles: ['engineer'], summary: 'Create or update a material', tags: ['master data'],
    params, body, command: putMaterial,
    input: (p, b) => ({ id: p.id, name: b.name, uom: b.uom, lotControlled: b.lotControlled, shelfLifeDays: b.shelfLifeDays ?? null }),
  });
  queryRoute(app, {
    url: '/api/v1/materials/:id', roles: ANY_ROLE, summary: 'Read a material', tags: ['master data'], params,
    handler: async (p) => (await findMaterial(store.db, p.id)) ?? Promise.reject(notFound('material', p.id)),
  });
  queryRoute(app, {
    url: '/api/v1/materials', roles: ANY_ROLE, summary: 'List materials', tags: ['master data'],
    handler: async () => ({ items: await listMaterials(store.db) }),
  });
}
