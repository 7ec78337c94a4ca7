import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { notFound } from '../../../platform/errors/violation.js';
import { idField, nonNegativeQuantity, positiveQuantity, reasonField } from '../../../platform/http/fields.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import type { Store } from '../../../platform/store/database.js';
import { signingFields } from '../../compliance/signatures/index.js';
import { presentLot } from '../../inventory/index.js';
import { findNode } from '../../resources/index.js';
import { dispatchList, type DispatchItem } from '../dispatch/dispatch-list.query.js';
import { PRIORITY_MAX } from '../dispatch/dispatch-move.js';
import { moveInDispatchList } from '../dispatch/move-in-dispatch-list.js';
import { presentOperation, presentOrder } from '../production.present.js';
import { findOperation, findOrder } from '../work-orders/work-order.repository.js';
import { completeOperation } from './complete-operation.js';
import { consumeMaterial } from './consume-material.js';
import { pauseOperation, resumeOperation } from './pause-resume-operation.js';
import { produceLot } from './produce-lot.js';
import { reportQuantities } from './report-quantities.js';
import { startOperation } from './start-operation.js';

const opParams = z.strictObject({ id: z.string().min(1).max(120) });
const lotBody = z.strictObject({ lotId: idField, quantity: positiveQuantity });
const reportBody = z
  .strictObject({ good: nonNegativeQuantity, scrap: nonNegativeQuantity.default(0), scrapReason: reasonField.optional() })
  .refine((b) => b.good + b.scrap > 0, { message: 'report some good or scrap', path: ['good'] })
  .refine((b) => b.scrap === 0 || b.scrapReason !== undefined, { message: 'scrap needs a reason', path: ['scrapReason'] });
const SHOP_FLOOR = ['operator', 'supervisor'] as const;

/** Execution at the station: start, pause, resume, consume, produce, report, complete; and the dispatch list. */
export function registerOperationRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  const present = (r: Parameters<typeof presentOperation>[0]) => presentOperation(r);
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/operations/:id/start', roles: SHOP_FLOOR, summary: 'Start an operation on equipment', tags: ['execution'],
    params: opParams, body: z.strictObject({ equipmentId: idField }), command: startOperation,
    input: (p, b) => ({ operationId: p.id, equipmentId: b.equipmentId }), present,
  });
  for (const [verb, cmd] of [['pause', pauseOperation], ['resume', resumeOperation]] as const) {
    commandRoute(app, runner, {
      method: 'POST', url: `/api/v1/operations/:id/${verb}`, roles: SHOP_FLOOR, summary: `${verb === 'pause' ? 'Pause' : 'Resume'} an operation`, tags: ['execution'],
      params: opParams, body: z.strictObject({ reason: reasonField.optional() }), command: cmd, input: (p, b) => ({ operationId: p.id, reason: b.reason }), present,
    });
  }
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/operations/:id/consume', roles: SHOP_FLOOR, summary: 'Consume a quantity of a lot', tags: ['execution'],
    params: opParams, body: lotBody, command: consumeMaterial, input: (p, b) => ({ operationId: p.id, lotId: b.lotId, quantity: b.quantity }),
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/operations/:id/produce', roles: SHOP_FLOOR, summary: 'Produce output into a lot', tags: ['execution'],
    params: opParams, body: lotBody, command: produceLot, input: (p, b) => ({ operationId: p.id, lotId: b.lotId, quantity: b.quantity }),
    present: (r) => ({ operationId: r.operationId, producedTotal: r.producedTotal, lot: presentLot(r.lot) }),
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/operations/:id/report', roles: SHOP_FLOOR, summary: 'Report good and scrap (with reason) in one action', tags: ['execution'],
    params: opParams, body: reportBody, command: reportQuantities,
    input: (p, b) => ({ operationId: p.id, good: b.good, scrap: b.scrap, scrapReason: b.scrapReason }), present: (r) => ({ ...presentOperation(r), orderGood: r.orderGood }),
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/operations/:id/complete', roles: SHOP_FLOOR, summary: 'Complete an operation', tags: ['execution'],
    params: opParams, body: z.strictObject({ ...signingFields }), command: completeOperation,
    input: (p, b) => ({ operationId: p.id, signature: b.signature, witness: b.witness }),
    present: (r) => ({ ...presentOperation(r), orderStatus: r.orderStatus }),
  });
  queryRoute(app, {
    url: '/api/v1/operations/:id', roles: ANY_ROLE, summary: 'Read an operation with its order', tags: ['execution'], params: opParams,
    handler: async (p) => {
      const op = await findOperation(store.db, p.id);
      if (!op) throw notFound('operation', p.id);
      const order = await findOrder(store.db, op.workOrderId);
      return { ...presentOperation(op), order: order ? presentOrder(order) : null };
    },
  });
  queryRoute(app, {
    url: '/api/v1/work-centers/:id/dispatch-list', roles: ANY_ROLE, summary: 'Operations ready or running at a work center, in dispatch order', tags: ['execution'],
    params: z.strictObject({ id: idField }),
    handler: async (p) => {
      const node = await findNode(store.db, p.id);
      if (node?.level !== 'work_center') throw notFound('work center', p.id);
      return presentList(p.id, await dispatchList(store.db, p.id));
    },
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/work-centers/:id/dispatch-list/move', roles: ['supervisor'], tags: ['execution'],
    summary: "Move an order to a place among the work center's waiting operations (priorities change in one transaction)",
    params: z.strictObject({ id: idField }),
    body: z.strictObject({ workOrderId: idField, position: z.number().int().min(0).max(2 * PRIORITY_MAX), reason: reasonField.optional() }),
    command: moveInDispatchList, input: (p, b) => ({ workCenterId: p.id, ...b }), present: (r) => presentList(r.workCenterId, r.items),
  });
}

/** A dispatch list as the API shows it. */
function presentList(workCenterId: string, items: readonly DispatchItem[]) {
  return { workCenterId, items: items.map((i) => ({ ...i, operation: presentOperation(i.operation), dueAt: i.dueAt === null ? null : new Date(i.dueAt).toISOString() })) };
}
