/**
 * Machines: mappings of machine sources to equipment and of their metrics to roles, the transport-independent ingest
 * of machine values (history, equipment states and counts, SPC of process values), and the process history.
 */
export { registerMachineRoutes } from './machines.routes.js';
export { createMachineIngest, MACHINE_ACTOR, type MachineIngestOptions } from './ingest/machine-ingest.js';
export type { IngestCounters, IngestDropReason, MachineIngest, MachineMetric, MachineSource, MachineValue } from './ingest/ingest.types.js';
export type { IngestLogger } from './ingest/ingest-batch.command.js';
export { METRIC_ROLES, MACHINE_PROTOCOLS, stateOf, type MachineMapping, type MetricMapping, type MetricRole, type MachineProtocol } from './mapping/machine-mapping.js';
export { putMachineMapping, deleteMachineMapping, type PutMachineMapping } from './mapping/mapping.commands.js';
export { historyBuckets, type HistoryBucket } from './history/history.query.js';
export { listMappings, mappingsStamp } from './mapping/mapping.repository.js';
export { putHistoryRetention, pruneHistory } from './history/retention.commands.js';
