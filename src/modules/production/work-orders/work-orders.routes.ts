import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { notFound } from '../../../platform/errors/violation.js';
import { idField, positiveQuantity, reasonField, revisionField } from '../../../platform/http/fields.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import { iso, isoTime } from '../../../platform/http/time.js';
import { readJournal } from '../../../platform/journal/journal.repository.js';
import type { Store } from '../../../platform/store/database.js';
import { consumptionsOf, productionsOf, reportsOf } from '../operations/operation.repository.js';
import { PRIORITY_MAX, PRIORITY_MIN } from '../dispatch/dispatch-move.js';
import { presentEvent } from '../../compliance/index.js';
import { presentOperation, presentOrder } from '../production.present.js';
import { cancelWorkOrder } from './transitions/cancel-work-order.js';
import { closeWorkOrder } from './transitions/close-work-order.js';
import { createWorkOrder } from './transitions/create-work-order.js';
import { holdWorkOrder } from './transitions/hold-work-order.js';
import { releaseWorkOrder } from './transitions/release-work-order.js';
import { reprioritizeWorkOrder } from './transitions/reprioritize-work-order.js';
import { unholdWorkOrder } from './transitions/unhold-work-order.js';
import { bomOf, findOrder, listOrders, operationsOf, type OrderStatus } from './work-order.repository.js';

const params = z.strictObject({ id: idField });
const priorityField = z.number().int().min(PRIORITY_MIN).max(PRIORITY_MAX);
const createBody = z.strictObject({
  id: idField,
  materialId: idField,
  quantity: positiveQuantity,
  dueAt: isoTime.optional(),
  priority: priorityField.optional(),
  tolerance: z.number().min(0).max(10).optional(),
  revision: revisionField.optional(),
});
const optionalReason = z.strictObject({ reason: reasonField.optional() });
const requiredReason = z.strictObject({ reason: reasonField });
const PLANNERS = ['supervisor', 'integration'] as const;
const STATUSES = ['created', 'released', 'in_progress', 'on_hold', 'completed', 'cancelled', 'closed'] as const;

/** Work orders: create (snapshot of the approved revision), status transitions, reads with their history. */
export function registerWorkOrderRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/work-orders', roles: PLANNERS, status: 201, summary: 'Create a work order from the approved revision', tags: ['production'],
    body: createBody, command: createWorkOrder, input: (_p, b) => b,
    present: (r) => ({ ...presentOrder(r), operations: r.operations.map((o) => ({ id: o.id, seq: o.seq, name: o.name, workCenterId: o.workCenterId, status: o.status })), bom: r.bom }),
  });
  const transitions = [
    ['release', releaseWorkOrder, optionalReason],
    ['hold', holdWorkOrder, requiredReason],
    ['unhold', unholdWorkOrder, optionalReason],
    ['cancel', cancelWorkOrder, optionalReason],
    ['close', closeWorkOrder, optionalReason],
  ] as const;
  for (const [verb, cmd, body] of transitions) {
    commandRoute(app, runner, {
      method: 'POST', url: `/api/v1/work-orders/:id/${verb}`, roles: verb === 'hold' || verb === 'unhold' ? [...PLANNERS, 'quality'] : PLANNERS,
      summary: `${verb[0]!.toUpperCase()}${verb.slice(1)} a work order`, tags: ['production'], params, body: body as typeof optionalReason, command: cmd,
      input: (p, b) => ({ id: p.id, reason: b.reason }), present: presentOrder,
    });
  }
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/work-orders/:id/priority', roles: ['supervisor'], summary: 'Change the priority (dispatch order)', tags: ['production'],
    params, body: z.strictObject({ priority: priorityField, reason: reasonField.optional() }), command: reprioritizeWorkOrder,
    input: (p, b) => ({ id: p.id, priority: b.priority, reason: b.reason }), present: presentOrder,
  });
  queryRoute(app, {
    url: '/api/v1/work-orders', roles: ANY_ROLE, summary: 'List work orders', tags: ['production'],
    querystring: z.strictObject({ status: z.enum(STATUSES).optional(), limit: z.coerce.number().int().min(1).max(2000).optional() }),
    handler: async (_p, q) => ({ items: (await listOrders(store.db, { ...(q.status ? { status: q.status as OrderStatus } : {}), ...(q.limit ? { limit: q.limit } : {}) })).map(presentOrder) }),
  });
  queryRoute(app, {
    url: '/api/v1/work-orders/:id', roles: ANY_ROLE, summary: 'A work order with operations, quantities, consumed and produced lots', tags: ['production'], params,
    handler: async (p) => {
      const order = await findOrder(store.db, p.id);
      if (!order) throw notFound('work order', p.id);
      const ops = await operationsOf(store.db, p.id);
      const at = (r: { at: number }) => ({ ...r, at: iso(r.at) });
      return {
        ...presentOrder(order),
        operations: ops.map(presentOperation),
        bom: await bomOf(store.db, p.id),
        consumptions: (await consumptionsOf(store.db, p.id)).map(at),
        productions: (await productionsOf(store.db, p.id)).map(at),
        reports: (await reportsOf(store.db, ops.map((o) => o.id))).map(at),
      };
    },
  });
  queryRoute(app, {
    url: '/api/v1/work-orders/:id/journal', roles: ANY_ROLE, summary: "The order's journal: its own, its operations' and its lots' events", tags: ['production'], params,
    handler: async (p) => {
      const order = await findOrder(store.db, p.id);
      if (!order) throw notFound('work order', p.id);
      const ops = await operationsOf(store.db, p.id);
      const events = [...(await readJournal(store.db, { entity: 'work-order', entityId: p.id }))];
      for (const op of ops) events.push(...(await readJournal(store.db, { entity: 'operation', entityId: op.id })));
      const lots = new Set([...(await consumptionsOf(store.db, p.id)), ...(await productionsOf(store.db, p.id))].map((r) => r.lot_id));
      for (const lot of lots) events.push(...(await readJournal(store.db, { entity: 'lot', entityId: lot })).filter((e) => e.data.workOrderId === p.id));
      events.sort((a, b) => a.seq - b.seq);
      return { events: events.map(presentEvent) };
    },
  });
}
