import { schemasFromEnvironment, type B2mmlSchemas } from './b2mml/index.js';
import type { OutboxLogger } from './outbox/outbox.dispatcher.js';
import type { OutboxOptions } from './outbox/outbox.options.js';
import { parseWebhookHosts, WEBHOOK_HOSTS_ENV, type WebhookHosts } from './outbox/webhook-hosts.policy.js';

/** What the integration module needs from the composition root; absent fields come from the environment. */
export interface IntegrationOptions {
  /** MESA schemas for inbound XSD validation (default TAKT_B2MML_SCHEMAS; null: not validated against the XSD). */
  readonly schemas?: B2mmlSchemas | null;
  /** The folder that folder-drop subscriptions write below (default TAKT_OUTBOX_DIR; null: folder drops off). */
  readonly folderBase?: string | null;
  /** The broker of MQTT subscriptions that name only a topic (default TAKT_MQTT_URL). */
  readonly mqttUrl?: string | null;
  /** The hosts webhook subscriptions may target (default TAKT_WEBHOOK_HOSTS; null: any host but link-local ones). */
  readonly webhookHosts?: WebhookHosts;
  readonly outbox?: OutboxOptions;
  readonly logger?: OutboxLogger;
}

export const OUTBOX_DIR_ENV = 'TAKT_OUTBOX_DIR';
export const MQTT_URL_ENV = 'TAKT_MQTT_URL';

export interface ResolvedIntegrationOptions {
  readonly schemas: B2mmlSchemas | null;
  readonly folderBase: string | null;
  readonly mqttUrl: string | null;
  readonly webhookHosts: WebhookHosts;
  readonly outbox: OutboxOptions;
  readonly logger?: OutboxLogger;
}

const fromEnv = (env: NodeJS.ProcessEnv, name: string): string | null => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? null : value;
};

export function resolveIntegrationOptions(o: IntegrationOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedIntegrationOptions {
  return {
    schemas: o.schemas !== undefined ? o.schemas : schemasFromEnvironment(env),
    folderBase: o.folderBase !== undefined ? o.folderBase : fromEnv(env, OUTBOX_DIR_ENV),
    mqttUrl: o.mqttUrl !== undefined ? o.mqttUrl : fromEnv(env, MQTT_URL_ENV),
    webhookHosts: o.webhookHosts !== undefined ? o.webhookHosts : parseWebhookHosts(env[WEBHOOK_HOSTS_ENV]),
    outbox: o.outbox ?? {},
    ...(o.logger ? { logger: o.logger } : {}),
  };
}
