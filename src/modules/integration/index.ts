/**
 * Integration: ERP exchange in B2MML (V0600/V0701 in and out), the outbox (webhooks, folder drops, MQTT) fed by the
 * journal, the JSON actuals of an order, and the Sparkplug B host (its own folder).
 */
export { registerIntegrationRoutes } from './integration.routes.js';
export { resolveIntegrationOptions, OUTBOX_DIR_ENV, MQTT_URL_ENV, type IntegrationOptions } from './integration.options.js';
export { startOutboxDispatcher } from './outbox/outbox.starter.js';
export { registerOutboxMetrics } from './outbox/outbox.metrics.js';
export { OutboxDispatcher, type OutboxLogger, type RoundResult } from './outbox/outbox.dispatcher.js';
export { resolveOutboxOptions, retryDelay, type OutboxOptions } from './outbox/outbox.options.js';
export { webhookSignature, SIGNATURE_HEADER, MESSAGE_ID_HEADER, EVENT_HEADER } from './outbox/webhook.transport.js';
export { importB2mmlFile, type ImportFileResult } from './inbound/b2mml-import.cli.js';
export { receiveB2mml, type InboundAnswer } from './inbound/b2mml-inbound.service.js';
export { importB2mmlMessage } from './inbound/b2mml-import.command.js';
export { orderActuals } from './outbound/order-actuals.query.js';
export { performanceMessage } from './outbound/performance-message.builder.js';
export { startSparkplugService, type SparkplugService, type SparkplugServiceOptions, type SparkplugServiceStatus } from './sparkplug/index.js';
export { startMappedOpcUa, opcUaWatchListOf, type MappedOpcUaOptions, type OpcUaMappingLike } from './opcua/mapped-opcua.starter.js';
export { startOpcUaClient, type OpcUaClient, type OpcUaClientOptions, type OpcUaIngest, type OpcUaWatchList } from './opcua/opcua-client.adapter.js';
export { opcUaValue, type OpcUaReading, type OpcUaScalar } from './opcua/opcua-value.js';
export { pruneOutbox } from './outbox/outbox-retention.commands.js';
