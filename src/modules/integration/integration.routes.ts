import type { FastifyInstance } from 'fastify';
import type { CommandRunner } from '../../platform/commands/command-runner.js';
import type { Store } from '../../platform/store/database.js';
import { registerB2mmlRoutes } from './inbound/b2mml.routes.js';
import { resolveIntegrationOptions, type IntegrationOptions } from './integration.options.js';
import { registerPerformanceRoutes } from './outbound/performance.routes.js';
import { registerSubscriptionRoutes } from './outbox/subscriptions.routes.js';

/**
 * Every route of the integration module: B2MML in (POST /integration/b2mml), subscriptions and deliveries of the
 * outbox, and the JSON (or B2MML) actuals of an order (GET /work-orders/{id}/performance).
 */
export function registerIntegrationRoutes(app: FastifyInstance, runner: CommandRunner, store: Store, options: IntegrationOptions = {}): void {
  const resolved = resolveIntegrationOptions(options);
  registerB2mmlRoutes(app, runner, { schemas: resolved.schemas });
  registerSubscriptionRoutes(app, runner, store, { folderBase: resolved.folderBase, mqttUrl: resolved.mqttUrl, webhookHosts: resolved.webhookHosts });
  registerPerformanceRoutes(app, store);
}
