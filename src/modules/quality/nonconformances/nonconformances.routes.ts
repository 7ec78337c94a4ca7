import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { notFound } from '../../../platform/errors/violation.js';
import { idField, reasonField } from '../../../platform/http/fields.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import { iso } from '../../../platform/http/time.js';
import type { Store } from '../../../platform/store/database.js';
import { signingFields } from '../../compliance/signatures/index.js';
import { resultsOfInspection } from '../inspections/inspection.repository.js';
import { dispositionNonconformance } from './disposition-nonconformance.command.js';
import { DECISIONS, findNonconformance, listNonconformances, type Nonconformance } from './nonconformance.repository.js';

const ncParams = z.strictObject({ id: z.string().min(1).max(40) });

export function presentNonconformance(n: Nonconformance) {
  return {
    id: n.id, status: n.status, characteristic: n.characteristicCode, inspectionId: n.inspectionId, operationId: n.operationId,
    workOrderId: n.workOrderId, lotId: n.lotId, orderHeld: n.orderHeld, lotHeld: n.lotHeld, description: n.description, findings: n.findings,
    openedAt: iso(n.openedAt), openedBy: n.openedBy, decision: n.decision, reason: n.decisionReason, decidedAt: iso(n.decidedAt), decidedBy: n.decidedBy,
  };
}

/** Nonconformances: list and read for everyone; the disposition is the quality role's (admin always may). */
export function registerNonconformanceRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  queryRoute(app, {
    url: '/api/v1/nonconformances', roles: ANY_ROLE, summary: 'Nonconformances, newest first', tags: ['quality'],
    querystring: z.strictObject({ status: z.enum(['open', 'closed']).optional(), workOrderId: idField.optional() }),
    handler: async (_p, q) => ({ items: (await listNonconformances(store.db, { status: q.status, workOrderId: q.workOrderId })).map(presentNonconformance) }),
  });
  queryRoute(app, {
    url: '/api/v1/nonconformances/:id', roles: ANY_ROLE, summary: 'A nonconformance with the results of the inspection that opened it', tags: ['quality'],
    params: ncParams,
    handler: async (p) => {
      const n = await findNonconformance(store.db, p.id);
      if (!n) throw notFound('nonconformance', p.id);
      const results = await resultsOfInspection(store.db, n.inspectionId);
      return { ...presentNonconformance(n), results: results.map((r) => ({ ...(r.value === null ? { pass: r.inSpec } : { value: r.value }), inSpec: r.inSpec, at: iso(r.at), actor: r.actor })) };
    },
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/nonconformances/:id/disposition', roles: ['quality'], tags: ['quality'],
    summary: 'Decide a nonconformance: use as is, rework, scrap or return to vendor; releases or rejects what it held',
    params: ncParams,
    body: z.strictObject({ decision: z.enum(DECISIONS), reason: reasonField, ...signingFields }),
    command: dispositionNonconformance,
    input: (p, b) => ({ nonconformanceId: p.id, decision: b.decision, reason: b.reason, signature: b.signature, witness: b.witness }),
    present: (r) => ({ ...presentNonconformance(r.nonconformance), orderStatus: r.orderStatus, lotStatus: r.lotStatus }),
  });
}
