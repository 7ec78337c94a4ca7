import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { notFound } from '../../../platform/errors/violation.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import { idField, nameField } from '../../../platform/http/fields.js';
import { iso, isoTime } from '../../../platform/http/time.js';
import type { Store } from '../../../platform/store/database.js';
import { settingsOf } from '../settings/equipment-settings.repository.js';
import { requireEquipment } from '../shared/equipment-node.js';
import { completeMaintenanceOrder } from './complete-maintenance-order.command.js';
import { generateMaintenanceOrders } from './generate-maintenance-orders.command.js';
import { findMaintenanceOrder, listMaintenanceOrders } from './maintenance.repository.js';
import { planStates } from './maintenance-status.query.js';
import { presentOrder } from './maintenance-order.present.js';
import { presentPlan, putMaintenancePlan } from './put-maintenance-plan.command.js';

const positive = z.number().positive().max(1e9);
/** A calendar interval's due date must stay a date: 100 years is the longest interval a plan may have. */
const days = z.number().positive().max(36_500, 'a calendar interval is at most 36500 days (100 years)');
const planBody = z.strictObject({
  name: nameField,
  every: z.union([z.strictObject({ days }), z.strictObject({ runHours: positive }), z.strictObject({ cycles: positive })]),
  leadFraction: z.number().min(0).max(1).optional(),
  grace: z.number().min(0).max(1e9).optional(),
  lastDoneAt: isoTime.optional(),
});
const orderParams = z.strictObject({ id: z.string().min(1).max(200) });
const MAINTAINERS = ['engineer', 'supervisor', 'operator'] as const;

/** Maintenance plans per equipment, generated orders, their completion. */
export function registerMaintenanceRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  commandRoute(app, runner, {
    method: 'PUT', url: '/api/v1/equipment/:id/maintenance-plans/:code', roles: ['engineer'], summary: 'Create or update a preventive maintenance plan', tags: ['maintenance'],
    params: z.strictObject({ id: idField, code: idField }), body: planBody, command: putMaintenancePlan,
    input: (p, b) => ({ equipmentId: p.id, code: p.code, name: b.name, every: b.every, leadFraction: b.leadFraction, grace: b.grace, lastDoneAt: b.lastDoneAt }),
  });
  queryRoute(app, {
    url: '/api/v1/equipment/:id/maintenance-plans', roles: ANY_ROLE, summary: 'Maintenance plans of a piece of equipment with their status now', tags: ['maintenance'],
    params: z.strictObject({ id: idField }),
    handler: async (p) => {
      await requireEquipment(store.db, p.id);
      const settings = (await settingsOf(store.db, [p.id])).get(p.id);
      const states = await planStates(store.db, p.id, Date.now(), settings?.countSource ?? 'auto');
      return { equipmentId: p.id, items: states.map((s) => ({ ...presentPlan(s.plan), usage: s.usage, status: { ...s.status, dueAt: iso(s.status.dueAt) } })) };
    },
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/maintenance/generate', roles: ['engineer', 'supervisor', 'integration'], summary: 'Open orders for every due maintenance plan', tags: ['maintenance'],
    body: z.strictObject({ equipmentId: idField.optional() }), command: generateMaintenanceOrders,
    input: (_p, b) => ({ equipmentId: b.equipmentId }),
  });
  queryRoute(app, {
    url: '/api/v1/maintenance-orders', roles: ANY_ROLE, summary: 'Maintenance orders', tags: ['maintenance'],
    querystring: z.strictObject({ equipmentId: idField.optional(), status: z.enum(['open', 'completed']).optional() }),
    handler: async (_p, q) => ({ items: (await listMaintenanceOrders(store.db, q)).map(presentOrder) }),
  });
  queryRoute(app, {
    url: '/api/v1/maintenance-orders/:id', roles: ANY_ROLE, summary: 'A maintenance order', tags: ['maintenance'], params: orderParams,
    handler: async (p) => {
      const order = await findMaintenanceOrder(store.db, p.id);
      if (!order) throw notFound('maintenance order', p.id);
      return presentOrder(order);
    },
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/maintenance-orders/:id/complete', roles: MAINTAINERS, summary: 'Complete a maintenance order with notes', tags: ['maintenance'],
    params: orderParams, body: z.strictObject({ notes: z.string().trim().min(1).max(4000), performedAt: isoTime.optional() }), command: completeMaintenanceOrder,
    input: (p, b) => ({ orderId: p.id, notes: b.notes, performedAt: b.performedAt }),
  });
}
