import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { notFound, Refusal } from '../../../platform/errors/violation.js';
import { idField, reasonField, retentionDaysField } from '../../../platform/http/fields.js';
import { commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import type { Store } from '../../../platform/store/database.js';
import { deliveryCounts, findDelivery, listDeliveries } from './delivery.repository.js';
import { putOutboxRetention } from './outbox-retention.commands.js';
import { readOutboxRetention } from './outbox-retention.repository.js';
import { presentDelivery, presentSubscription } from './outbox.present.js';
import { redeliver } from './redeliver.command.js';
import { checkTarget, type TargetPolicy } from './subscription-target.guard.js';
import { createSubscription, deleteSubscription } from './subscription.commands.js';
import { activeSubscriptions, findSubscription } from './subscription.repository.js';
import { DELIVERY_FORMATS, DELIVERY_STATUSES, PERFORMANCE_EVENT, SUBSCRIPTION_KINDS } from './subscription.types.js';

const INTEGRATORS = ['integration'] as const;
const TAGS = ['integration'];
const params = z.strictObject({ id: idField });

const eventType = z.string().max(100).regex(/^(\*|[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*)$/, 'must be an event type such as work-order.completed, or *');

const retentionBody = z.strictObject({ deliveredDays: retentionDaysField, deadDays: retentionDaysField });

const subscriptionBody = z
  .strictObject({
    kind: z.enum(SUBSCRIPTION_KINDS),
    target: z.string().min(1).max(2000),
    events: z.array(eventType).min(1).max(100),
    format: z.enum(DELIVERY_FORMATS).default('json'),
    secret: z.string().min(16).max(256).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.secret !== undefined && b.kind !== 'webhook') ctx.addIssue({ code: 'custom', path: ['secret'], message: 'only webhooks are signed; a secret is for kind webhook' });
    if (b.format !== 'json' && b.events.some((e) => e !== '*' && e !== PERFORMANCE_EVENT)) {
      ctx.addIssue({ code: 'custom', path: ['events'], message: `the ${b.format} format is the performance of a completed order: events may name only ${PERFORMANCE_EVENT} (or *)` });
    }
  });

/** Subscriptions (webhook, folder, MQTT targets) and their deliveries: list, inspect, redeliver dead letters, retention. */
export function registerSubscriptionRoutes(app: FastifyInstance, runner: CommandRunner, store: Store, policy: TargetPolicy): void {
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/integration/subscriptions', roles: INTEGRATORS, status: 201, tags: TAGS,
    summary: 'Subscribe a webhook, folder or MQTT topic to events (json) or to order performance (b2mml-v0600, b2mml-v0701)',
    body: subscriptionBody, command: createSubscription,
    input: (_p, b) => {
      const checked = checkTarget(b.kind, b.target, policy);
      if (!checked.ok) throw new Refusal(checked.violations);
      return { kind: b.kind, target: checked.target, events: b.events, format: b.format, secret: b.secret };
    },
    // The only answer that carries the secret: the receiver needs it to check signatures.
    present: (s) => ({ ...presentSubscription(s), secret: s.secret }),
  });
  queryRoute(app, {
    url: '/api/v1/integration/subscriptions', roles: INTEGRATORS, tags: TAGS, summary: 'List the subscriptions',
    handler: async () => ({ items: (await activeSubscriptions(store.db)).map(presentSubscription) }),
  });
  queryRoute(app, {
    url: '/api/v1/integration/subscriptions/:id', roles: INTEGRATORS, tags: TAGS, summary: 'A subscription with its deliveries counted by status', params,
    handler: async (p) => {
      const s = await findSubscription(store.db, p.id);
      if (!s || s.deletedAt !== null) throw notFound('subscription', p.id);
      return { ...presentSubscription(s), deliveries: await deliveryCounts(store.db, s.id) };
    },
  });
  commandRoute(app, runner, {
    method: 'DELETE', url: '/api/v1/integration/subscriptions/:id', roles: INTEGRATORS, tags: TAGS, params,
    summary: 'End a subscription; what it is still owed is cancelled', command: deleteSubscription, input: (p) => ({ id: p.id }),
    present: (s) => ({ ...presentSubscription(s), cancelledDeliveries: s.cancelledDeliveries }),
  });
  queryRoute(app, {
    url: '/api/v1/integration/deliveries', roles: INTEGRATORS, tags: TAGS, summary: 'Deliveries, newest first (status=dead: the dead letters)',
    querystring: z.strictObject({
      status: z.enum(DELIVERY_STATUSES).optional(),
      subscriptionId: idField.optional(),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
    handler: async (_p, q) => ({ items: (await listDeliveries(store.db, q)).map((d) => presentDelivery(d)) }),
  });
  queryRoute(app, {
    url: '/api/v1/integration/deliveries/:id', roles: INTEGRATORS, tags: TAGS, summary: 'One delivery with its message', params,
    handler: async (p) => {
      const d = await findDelivery(store.db, p.id);
      if (!d) throw notFound('delivery', p.id);
      return presentDelivery(d, true);
    },
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/integration/deliveries/:id/redeliver', roles: INTEGRATORS, tags: TAGS, params,
    summary: 'Send a dead (or delivered) message again, same id and content, attempts counted afresh',
    body: z.strictObject({ reason: reasonField.optional() }), command: redeliver,
    input: (p, b) => ({ id: p.id, reason: b.reason }), present: (d) => presentDelivery(d),
  });
  queryRoute(app, {
    url: '/api/v1/integration/outbox-retention', roles: INTEGRATORS, tags: TAGS,
    summary: 'How many days finished deliveries are kept (0: for ever): delivered ones (default 7), dead or cancelled ones (default 30)',
    handler: async () => readOutboxRetention(store.db),
  });
  commandRoute(app, runner, {
    method: 'PUT', url: '/api/v1/integration/outbox-retention', roles: [], tags: TAGS, body: retentionBody,
    summary: 'Set how long finished deliveries are kept (administrators); older ones are deleted hourly, each run journaled; pending ones never',
    command: putOutboxRetention, input: (_p, b) => b,
  });
}
