import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../platform/commands/command-runner.js';
import { notFound } from '../../platform/errors/violation.js';
import { idField, retentionDaysField } from '../../platform/http/fields.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../platform/http/route-kit.js';
import { reportWindow } from '../../platform/http/report-window.js';
import { iso, isoTime } from '../../platform/http/time.js';
import type { Store } from '../../platform/store/database.js';
import { findNode } from '../resources/index.js';
import { historyBuckets, staleMarks, unmappedMetrics } from './history/history.query.js';
import { mappingBodySchema, type MachineMapping } from './mapping/machine-mapping.js';
import { deleteMachineMapping, putMachineMapping } from './mapping/mapping.commands.js';
import { findMapping, listMappings } from './mapping/mapping.repository.js';
import { putHistoryRetention } from './history/retention.commands.js';
import { readHistoryRetention } from './history/retention.repository.js';

const params = z.strictObject({ id: idField });
const MAPPERS = ['engineer'] as const;
const retentionBody = z.strictObject({ days: retentionDaysField });

const presentMapping = (m: MachineMapping) => ({ ...m, device: m.device === '' ? null : m.device });

const historyQuery = z.strictObject({
  metric: z.string().min(1).max(300),
  from: isoTime,
  to: isoTime,
  buckets: z.coerce.number().int().min(1).max(10_000).default(100),
});

/** Machine mappings, the metrics seen but not mapped, the process history of an equipment, the ingest status. */
export function registerMachineRoutes(app: FastifyInstance, runner: CommandRunner, store: Store, status: () => unknown): void {
  commandRoute(app, runner, {
    method: 'PUT', url: '/api/v1/machines/mappings/:id', roles: MAPPERS, tags: ['machines'], params, body: mappingBodySchema,
    summary: 'Map a machine source (Sparkplug edge node or device, OPC UA server) to equipment and its metrics to roles',
    command: putMachineMapping, input: (p, b) => ({ id: p.id, ...b }), present: presentMapping,
  });
  commandRoute(app, runner, {
    method: 'DELETE', url: '/api/v1/machines/mappings/:id', roles: MAPPERS, tags: ['machines'], params,
    summary: 'Remove a machine mapping (the source and its history stay, unmapped)', command: deleteMachineMapping, input: (p) => ({ id: p.id }),
  });
  queryRoute(app, {
    url: '/api/v1/machines/mappings', roles: ANY_ROLE, tags: ['machines'], summary: 'Every machine mapping',
    handler: async () => ({ items: (await listMappings(store.db)).map(presentMapping) }),
  });
  queryRoute(app, {
    url: '/api/v1/machines/mappings/:id', roles: ANY_ROLE, tags: ['machines'], summary: 'One machine mapping', params,
    handler: async (p) => {
      const m = await findMapping(store.db, p.id);
      if (!m) throw notFound('machine mapping', p.id);
      return presentMapping(m);
    },
  });
  queryRoute(app, {
    url: '/api/v1/machines/unmapped-metrics', roles: ANY_ROLE, tags: ['machines'],
    summary: 'Metrics machines sent that no mapping gives a role, with their latest value and time (their history is kept)',
    handler: async () => {
      const items = await unmappedMetrics(store.db, await listMappings(store.db), 1000);
      return { items: items.map((s) => ({ ...s, firstSeenAt: iso(s.firstSeenAt), lastAt: iso(s.lastAt) })) };
    },
  });
  queryRoute(app, {
    url: '/api/v1/machines/history-retention', roles: ANY_ROLE, tags: ['machines'],
    summary: 'How long process history is kept, in days (0: for ever, the default)',
    handler: async () => readHistoryRetention(store.db),
  });
  commandRoute(app, runner, {
    method: 'PUT', url: '/api/v1/machines/history-retention', roles: [], tags: ['machines'], body: retentionBody,
    summary: 'Set how long process history is kept (administrators); older values are deleted hourly, each run journaled',
    command: putHistoryRetention, input: (_p, b) => b,
  });
  queryRoute(app, {
    url: '/api/v1/machines/status', roles: ANY_ROLE, tags: ['machines'],
    summary: 'Machine data ingest and Sparkplug host: counters of values, batches, state changes and of every drop by reason',
    handler: async () => status(),
  });
  queryRoute(app, {
    url: '/api/v1/equipment/:id/history', roles: ANY_ROLE, tags: ['machines'], params, querystring: historyQuery,
    summary: 'Process history of one metric of an equipment over a window, downsampled to buckets (min, max, avg, count)',
    handler: async (p, q) => {
      reportWindow(q, Date.now());
      const node = await findNode(store.db, p.id);
      if (!node || node.level !== 'equipment') throw notFound('equipment', p.id);
      const buckets = await historyBuckets(store.db, p.id, q.metric, q.from, q.to, q.buckets);
      const stale = await staleMarks(store.db, p.id, q.metric, q.from, q.to);
      return {
        equipmentId: p.id, metric: q.metric, from: iso(q.from), to: iso(q.to), buckets: q.buckets,
        points: buckets.map((b) => ({ ...b, from: iso(b.from), to: iso(b.to) })), staleAt: stale.map((t) => iso(t)),
      };
    },
  });
}
