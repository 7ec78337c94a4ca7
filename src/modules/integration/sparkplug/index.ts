/**
 * Sparkplug B 3.0 for Takt: Takt's own payload codec, the topic namespace, the Primary Host
 * Application session (pure state machine) and its MQTT adapter, and an edge node simulator.
 */
export { decodePayload, encodePayload, type PayloadDecodeFailure, type PayloadDecodeResult } from './sparkplug.codec.js';
export type {
  BasicWireValue, PropertyWireValue, SparkplugDataSet, SparkplugMetaData, SparkplugMetric, SparkplugPayload,
  SparkplugPropertySet, SparkplugPropertyValue, SparkplugTemplate, SparkplugTemplateParameter, WireValue,
} from './sparkplug-payload.types.js';
export { SPARKPLUG_SCALAR_TYPES, dataTypeCode, dataTypeName, type SparkplugDataType, type SparkplugScalarType } from './sparkplug-datatype.codes.js';
export { fromWireValue, toWireValue, type MetricValue, type ValueMappingFailure, type ValueResult } from './sparkplug-metric-value.mapper.js';
export { readMetricValue, typedMetric, type TypedMetricInput } from './sparkplug-metric.builder.js';
export {
  SPARKPLUG_NAMESPACE, formatSparkplugTopic, isValidSparkplugId, parseSparkplugTopic,
  type DeviceMessageType, type NodeMessageType, type SparkplugTopic, type TopicParseResult, type TopicRejection,
} from './sparkplug-topic.parser.js';
export { hostStateMessage, parseHostState, type HostState, type HostStateMessage, type HostStateParseResult } from './host-state.message.js';
export { DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_REBIRTH_INTERVAL_MS, createHostSession } from './host-session.js';
export type {
  DropReason, HostSession, HostSessionCounters, HostSessionEffect, HostSessionOptions, InboundMessage, MetricDefinition,
  MetricSource, NodeRef, NodeView,
} from './host-session.types.js';
export { REBIRTH_METRIC, rebirthCommand } from './rebirth.request.js';
export { SPARKPLUG_SUBSCRIPTION, startSparkplugHost, type SparkplugHost, type SparkplugHostOptions } from './sparkplug-host.adapter.js';
export {
  createEdgeNodeSimulator, type EdgeNodeSimulator, type EdgeNodeSimulatorOptions, type MetricPoint, type MetricValues, type OutboundMessage,
  type SimulatedMetric,
} from './edge-node.simulator.js';
export { connectEdgeNode, type EdgeNodeConnectOptions, type EdgeNodeConnection } from './edge-node.mqtt.js';
export { startEmbeddedBroker, type EmbeddedBroker, type EmbeddedBrokerOptions } from './embedded-broker.js';
export { forwardEffects, machineSourceOf, type BridgeCounters } from './sparkplug-ingest.bridge.js';
export { startSparkplugService, type SparkplugService, type SparkplugServiceOptions, type SparkplugServiceStatus } from './sparkplug.service.js';
