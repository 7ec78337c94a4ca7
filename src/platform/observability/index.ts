/**
 * Observability: the Prometheus metrics of a Takt instance (`GET /metrics`) and request ids for structured logs.
 * A module registers its own counters through `TaktMetrics.counter()` (Takt.metrics, or ModuleDeps.metrics).
 */
export { TaktMetrics, type ModuleCounter, type GaugeReader } from './metrics.js';
export { registerMetricsRoute, METRICS_ROLES } from './metrics.routes.js';
export { REQUEST_ID_HEADER, isWellFormedRequestId, requestIdOf } from './request-id.js';
