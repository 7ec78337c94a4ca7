import type { MachineProtocol } from '../mapping/machine-mapping.js';

/** Where values come from: a Sparkplug edge node (`node` = `<group_id>/<edge_node_id>`) or device, an OPC UA server. */
export interface MachineSource {
  readonly protocol: MachineProtocol;
  readonly node: string;
  /** A Sparkplug device id (absent or '' for the node itself); for OPC UA an optional sub-source. */
  readonly device?: string | undefined;
}

/** A scalar value as a machine sends it; `null` is a value the machine says is null (Sparkplug `is_null`). */
export type MachineValue = number | bigint | boolean | string | null;

/** One value of one metric at one time. */
export interface MachineMetric {
  readonly name: string;
  readonly value: MachineValue;
  /** When the machine measured it, epoch ms. */
  readonly timestamp: number;
  /** Sent late (Sparkplug is_historical): stored in the history, never moves live state, counts or SPC. */
  readonly historical?: boolean | undefined;
}

/** Why an ingested value (or part of what it would do) was not applied; each is counted. */
export type IngestDropReason =
  | 'queue-full' // more values waiting than the configured bound: the newest are refused
  | 'invalid-metric' // no name, a timestamp that is not an epoch-ms integer, a value that is not a scalar
  | 'state-value-unmapped' // a state metric's value that its table (or PackML) does not map
  | 'invalid-counter' // a counter value that is not a non-negative integer
  | 'invalid-process-value' // a process value that is not a finite number
  | 'state-refused' // the equipment module refused the state event (its violations are logged)
  | 'count-refused' // the equipment module refused the count
  | 'batch-failed'; // the batch transaction failed: its values are lost and every cache is reloaded

export interface IngestCounters {
  readonly metricsReceived: number;
  readonly historyRows: number;
  readonly batches: number;
  readonly stateChanges: number;
  readonly countReports: number;
  readonly counterResets: number;
  readonly spcViolations: number;
  readonly offlineEvents: number;
  readonly queued: number;
  readonly lastBatchMs: number;
  readonly dropped: Readonly<Record<IngestDropReason, number>>;
}

/**
 * The transport-independent entry of machine data (Sparkplug B, OPC UA, a simulator): values are queued and
 * applied in batches, one transaction per batch: history rows, equipment state changes, counter deltas as counts,
 * process values through the SPC rules of their characteristic. Never throws on bad values: they are counted.
 */
export interface MachineIngest {
  /** Queues values of one source, in the order given. Returns false when the queue was full and they were dropped. */
  ingest(source: MachineSource, metrics: readonly MachineMetric[]): boolean;
  /**
   * The source died (Sparkplug NDEATH/DDEATH, an OPC UA session lost): its equipment goes `offline` and its metrics
   * are marked stale in the history at `at`. With `withDevices`, every device of the node goes too (NDEATH).
   */
  sourceOffline(source: MachineSource, at: number, options?: { readonly withDevices?: boolean }): void;
  /** Applies everything queued so far; resolves once it is committed (or counted as failed). */
  flush(): Promise<void>;
  counters(): IngestCounters;
  /** Flushes and stops the timers. */
  close(): Promise<void>;
}
