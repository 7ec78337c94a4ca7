import type { EventBus } from '../../../platform/events/event-bus.js';
import type { Store } from '../../../platform/store/database.js';
import { resolveIntegrationOptions, type IntegrationOptions } from '../integration.options.js';
import { folderDropTransport } from './folder-drop.transport.js';
import { mqttTransport } from './mqtt.transport.js';
import { OutboxDispatcher } from './outbox.dispatcher.js';
import { resolveOutboxOptions } from './outbox.options.js';
import { webhookTransport } from './webhook.transport.js';

/**
 * Starts the outbox dispatcher of this node over the store and the event bus, with the webhook, folder-drop and
 * MQTT transports. Stop it before the store closes: leases in flight are given back.
 */
export function startOutboxDispatcher(store: Store, bus: EventBus, options: IntegrationOptions = {}): OutboxDispatcher {
  const resolved = resolveIntegrationOptions(options);
  const outbox = resolveOutboxOptions(resolved.outbox);
  const dispatcher = new OutboxDispatcher(
    store,
    bus,
    {
      webhook: webhookTransport({ timeoutMs: outbox.timeoutMs }),
      folder: folderDropTransport({ base: resolved.folderBase }),
      mqtt: mqttTransport({ defaultUrl: resolved.mqttUrl, timeoutMs: outbox.timeoutMs }),
    },
    outbox,
    resolved.logger,
  );
  dispatcher.start();
  return dispatcher;
}
