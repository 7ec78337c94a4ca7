import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import { idField, nameField } from '../../../platform/http/fields.js';
import type { Store } from '../../../platform/store/database.js';
import { allReasons } from './downtime-reason.repository.js';
import { putDowntimeReason } from './put-downtime-reason.command.js';

const body = z.strictObject({
  name: nameField,
  parentCode: idField.nullable().optional(),
  planned: z.boolean(),
  raisesMaintenanceOrder: z.boolean().optional(),
});

/** The downtime reason tree. */
export function registerDowntimeReasonRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  commandRoute(app, runner, {
    method: 'PUT', url: '/api/v1/downtime-reasons/:code', roles: ['engineer'], summary: 'Create or update a downtime reason', tags: ['equipment'],
    params: z.strictObject({ code: idField }), body, command: putDowntimeReason,
    input: (p, b) => ({ code: p.code, name: b.name, parentCode: b.parentCode, planned: b.planned, raisesMaintenanceOrder: b.raisesMaintenanceOrder }),
  });
  queryRoute(app, {
    url: '/api/v1/downtime-reasons', roles: ANY_ROLE, summary: 'The downtime reason tree', tags: ['equipment'],
    handler: async () => ({ items: await allReasons(store.db) }),
  });
}
