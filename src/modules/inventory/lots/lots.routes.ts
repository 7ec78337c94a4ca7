import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { notFound } from '../../../platform/errors/violation.js';
import { idField, positiveQuantity, reasonField } from '../../../platform/http/fields.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import { iso, isoTime } from '../../../platform/http/time.js';
import type { Store } from '../../../platform/store/database.js';
import { signingFields } from '../../compliance/signatures/index.js';
import { holdLot, receiveLot, releaseLot } from './lot.commands.js';
import { findLot, listLots, LOT_STATUSES, type Lot } from './lot.repository.js';
import { LOT_RELEASE_ROLES } from './lot.rules.js';
import { registerSublotRoutes } from './sublots.routes.js';

/** A lot as the API shows it. */
export function presentLot(l: Lot): Record<string, unknown> {
  return { ...l, expiresAt: iso(l.expiresAt), createdAt: iso(l.createdAt) };
}

const params = z.strictObject({ id: idField });
const receiveBody = z.strictObject({
  id: idField,
  materialId: idField,
  quantity: positiveQuantity,
  expiresAt: isoTime.optional(),
  status: z.enum(['quarantine', 'released', 'on_hold']).optional(),
  supplierLot: z.string().min(1).max(100).optional(),
  // Receiving as released is a release: signed when the lot.release policy asks (the fields are the release's).
  ...signingFields,
});
const reasonBody = z.strictObject({ reason: reasonField });
const listQuery = z.strictObject({ materialId: idField.optional(), status: z.enum(LOT_STATUSES).optional(), workOrderId: idField.optional(), limit: z.coerce.number().int().min(1).max(5000).optional() });
const STOCK = ['operator', 'supervisor', 'quality', 'integration'] as const;

/** Receive, hold, release, split, merge and read lots. */
export function registerLotRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/lots', roles: STOCK, status: 201, summary: 'Receive a lot (as released: signed, by a role that may release, when the lot.release policy asks)', tags: ['inventory'],
    body: receiveBody, command: receiveLot, input: (_p, b) => b, present: presentLot,
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/lots/:id/hold', roles: ['supervisor', 'quality'], summary: 'Put a lot on hold', tags: ['inventory'],
    params, body: reasonBody, command: holdLot, input: (p, b) => ({ id: p.id, reason: b.reason }), present: presentLot,
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/lots/:id/release', roles: LOT_RELEASE_ROLES, summary: 'Release a lot from quarantine or hold', tags: ['inventory'],
    params, body: reasonBody.extend(signingFields), command: releaseLot,
    input: (p, b) => ({ id: p.id, reason: b.reason, signature: b.signature, witness: b.witness }), present: presentLot,
  });
  queryRoute(app, {
    url: '/api/v1/lots/:id', roles: ANY_ROLE, summary: 'Read a lot', tags: ['inventory'], params,
    handler: async (p) => {
      const lot = await findLot(store.db, p.id);
      if (!lot) throw notFound('lot', p.id);
      return presentLot(lot);
    },
  });
  queryRoute(app, {
    url: '/api/v1/lots', roles: ANY_ROLE, summary: 'List lots', tags: ['inventory'], querystring: listQuery,
    handler: async (_p, q) => ({ items: (await listLots(store.db, q)).map(presentLot) }),
  });
  registerSublotRoutes(app, runner);
}
