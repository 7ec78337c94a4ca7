import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { actorOf, ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import { idField } from '../../../platform/http/fields.js';
import { iso, isoTime } from '../../../platform/http/time.js';
import type { Store } from '../../../platform/store/database.js';
import { recordCount } from '../counts/record-count.command.js';
import { coalesceIntervals, EQUIPMENT_STATES } from '../domain/index.js';
import { putEquipmentSettings } from '../settings/put-equipment-settings.command.js';
import { COUNT_SOURCES, settingsOf } from '../settings/equipment-settings.repository.js';
import { requireEquipment } from '../shared/equipment-node.js';
import { reportWindow, windowQuerySchema } from '../shared/report-window.js';
import { currentStretch, intervalsOverlapping } from './equipment-state.repository.js';
import { presentInterval, recordState } from './record-state.command.js';

const params = z.strictObject({ id: idField });
const REPORTERS = ['operator', 'supervisor', 'engineer', 'integration'] as const;
const count = z.number().refine((n) => Number.isFinite(n), 'must be a finite number');

const stateBody = z.strictObject({
  state: z.enum(EQUIPMENT_STATES),
  reason: z.string().trim().max(100).nullable().optional(),
  at: isoTime.optional(),
  raiseMaintenanceOrder: z.boolean().optional(),
});

const countBody = z.strictObject({
  total: count,
  reject: count,
  rework: count.optional(),
  at: isoTime.optional(),
  source: z.enum(['machine', 'operator']).optional(),
});

const settingsBody = z.strictObject({
  microStopThresholdSec: z.number().min(0).max(86_400).optional(),
  countSource: z.enum(COUNT_SOURCES).optional(),
  reasonRequiredFor: z.array(z.enum(EQUIPMENT_STATES)).max(7).optional(),
});

/** Machines and integrations report as the machine; a person's report is the operator's unless it says otherwise. */
function countOrigin(req: FastifyRequest, source: 'machine' | 'operator' | undefined): 'machine' | 'operator' {
  return source ?? (actorOf(req).roles.includes('integration') ? 'machine' : 'operator');
}

/** State events, counts, the state history and the per-equipment settings. */
export function registerMachineDataRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/equipment/:id/state', roles: REPORTERS, summary: 'Report an equipment state (late events re-cut the history)', tags: ['equipment'],
    params, body: stateBody, command: recordState,
    input: (p, b) => ({ equipmentId: p.id, state: b.state, reason: b.reason, at: b.at, raiseMaintenanceOrder: b.raiseMaintenanceOrder }),
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/equipment/:id/counts', roles: REPORTERS, summary: 'Report units produced (increments)', tags: ['equipment'],
    params, body: countBody, command: recordCount,
    input: (p, b, req) => ({ equipmentId: p.id, total: b.total, reject: b.reject, rework: b.rework, at: b.at, source: countOrigin(req, b.source) }),
  });
  queryRoute(app, {
    url: '/api/v1/equipment/:id/states', roles: ANY_ROLE, summary: 'State history of a piece of equipment over a window', tags: ['equipment'],
    params, querystring: windowQuerySchema,
    handler: async (p, q) => {
      const w = reportWindow(q, Date.now());
      await requireEquipment(store.db, p.id);
      // As people read them: a state reported again joins the interval it repeats.
      const intervals = coalesceIntervals(await intervalsOverlapping(store.db, p.id, w.from, w.to));
      const current = await currentStretch(store.db, p.id);
      return { equipmentId: p.id, from: iso(w.from), to: iso(w.to), current: current ? presentInterval(current) : null, intervals: intervals.map(presentInterval) };
    },
  });
  commandRoute(app, runner, {
    method: 'PUT', url: '/api/v1/equipment/:id/settings', roles: ['engineer'], summary: 'Micro-stop threshold, count source, states needing a reason', tags: ['equipment'],
    params, body: settingsBody, command: putEquipmentSettings,
    input: (p, b) => ({ equipmentId: p.id, microStopThresholdSec: b.microStopThresholdSec, countSource: b.countSource, reasonRequiredFor: b.reasonRequiredFor }),
  });
  queryRoute(app, {
    url: '/api/v1/equipment/:id/settings', roles: ANY_ROLE, summary: 'Performance settings of a piece of equipment', tags: ['equipment'], params,
    handler: async (p) => {
      await requireEquipment(store.db, p.id);
      return (await settingsOf(store.db, [p.id])).get(p.id);
    },
  });
}
