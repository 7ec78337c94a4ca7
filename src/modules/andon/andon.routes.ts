import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../platform/auth/roles.js';
import type { CommandRunner } from '../../platform/commands/command-runner.js';
import { notFound, Refusal, violation } from '../../platform/errors/violation.js';
import { idField, reasonField } from '../../platform/http/fields.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../platform/http/route-kit.js';
import { reportWindow } from '../../platform/http/report-window.js';
import { isoTime } from '../../platform/http/time.js';
import type { Store } from '../../platform/store/database.js';
import { activeCalls, findCall, listCalls, periodTotals } from './andon-call.repository.js';
import { acknowledgeAndonCall } from './commands/acknowledge-andon-call.js';
import { cancelAndonCall } from './commands/cancel-andon-call.js';
import { raiseAndonCall } from './commands/raise-andon-call.js';
import { resolveAndonCall } from './commands/resolve-andon-call.js';
import { ANDON_KINDS, ANDON_STATUSES } from './domain/andon-call.js';
import { summarize } from './domain/andon-summary.js';
import { presentCall, presentSummary } from './andon.present.js';

const TAGS = ['andon'];
/** Who may raise a call: anyone on the floor, and a line-side button box signed in as `integration`. */
const RAISE: readonly Role[] = ANY_ROLE;
/** Who answers calls: supervisors, quality, and engineers (who look after the equipment); admin always may. */
const RESPOND: readonly Role[] = ['supervisor', 'quality', 'engineer'];
const DAY_MS = 86_400_000;

const callParams = z.strictObject({ id: z.string().min(1).max(40) });
const noteField = z.string().trim().min(1).max(1000);
/** `open`, or several statuses comma-separated (`open,acknowledged`: every active call). */
const statusList = z.string().max(100).transform((s) => s.split(',')).pipe(z.array(z.enum(ANDON_STATUSES)).min(1));

/** Andon: raise, acknowledge, resolve and cancel calls; list them; a summary per work center. */
export function registerAndonRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/andon-calls', roles: RAISE, tags: TAGS, status: 201,
    summary: 'Raise an andon call at a work center (one active call per work center and kind)',
    body: z.strictObject({ workCenterId: idField, kind: z.enum(ANDON_KINDS), equipmentId: idField.optional(), operationId: idField.optional(), note: noteField.optional() }),
    command: raiseAndonCall,
    input: (_p, b) => b,
    present: (c) => presentCall(c, Date.now()),
  });
  queryRoute(app, {
    url: '/api/v1/andon-calls', roles: ANY_ROLE, tags: TAGS, summary: 'Andon calls, newest first (raised within from/to when given)',
    querystring: z.strictObject({
      status: statusList.optional(), workCenterId: idField.optional(), kind: z.enum(ANDON_KINDS).optional(), from: isoTime.optional(), to: isoTime.optional(),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
    handler: async (_p, q) => {
      const now = Date.now();
      if (q.from !== undefined && q.to !== undefined && !(q.to > q.from)) throw new Refusal([violation('INVALID_FIELD', 'to must lie after from', { field: 'to', details: { in: 'querystring' } })]);
      const calls = await listCalls(store.db, { statuses: q.status, workCenterId: q.workCenterId, kind: q.kind, from: q.from, to: q.to, limit: q.limit ?? 200 });
      return { items: calls.map((c) => presentCall(c, now)) };
    },
  });
  queryRoute(app, {
    url: '/api/v1/andon-calls/summary', roles: ANY_ROLE, tags: TAGS,
    summary: 'Per work center: active calls now with the oldest one\'s age, and the calls raised within from/to (default the last 24 h) with mean times to acknowledge and resolve',
    querystring: z.strictObject({ from: isoTime.optional(), to: isoTime.optional() }),
    handler: async (_p, q) => {
      const now = Date.now();
      // Default: the 24 hours up to now (or up to `to`).
      const to = q.to ?? now;
      const w = reportWindow({ from: q.from ?? to - DAY_MS, to }, now);
      const items = summarize(await activeCalls(store.db), await periodTotals(store.db, w.from, w.to), now);
      return { from: new Date(w.from).toISOString(), to: new Date(w.to).toISOString(), items: items.map(presentSummary) };
    },
  });
  queryRoute(app, {
    url: '/api/v1/andon-calls/:id', roles: ANY_ROLE, tags: TAGS, summary: 'An andon call', params: callParams,
    handler: async (p) => {
      const c = await findCall(store.db, p.id);
      if (!c) throw notFound('andon call', p.id);
      return presentCall(c, Date.now());
    },
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/andon-calls/:id/acknowledge', roles: RESPOND, tags: TAGS, summary: 'Acknowledge an open andon call: someone is on the way',
    params: callParams, body: z.strictObject({}),
    command: acknowledgeAndonCall, input: (p) => ({ id: p.id }), present: (c) => presentCall(c, Date.now()),
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/andon-calls/:id/resolve', roles: RESPOND, tags: TAGS, summary: 'Resolve an acknowledged andon call, saying what was done',
    params: callParams, body: z.strictObject({ resolution: reasonField }),
    command: resolveAndonCall, input: (p, b) => ({ id: p.id, text: b.resolution }), present: (c) => presentCall(c, Date.now()),
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/andon-calls/:id/cancel', roles: ANY_ROLE, tags: TAGS, summary: 'Cancel an open andon call (only whoever raised it, or admin)',
    params: callParams, body: z.strictObject({ reason: reasonField.optional() }),
    command: cancelAndonCall, input: (p, b) => ({ id: p.id, text: b.reason ?? null }), present: (c) => presentCall(c, Date.now()),
  });
}
