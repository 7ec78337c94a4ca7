import type { Actor } from '../../../platform/auth/roles.js';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import type { EventBus } from '../../../platform/events/event-bus.js';
import type { IngestEntry } from './batch-plan.js';
import { ingestBatchCommand, type IngestLogger } from './ingest-batch.command.js';
import { createIngestMemory, resetCaches } from './ingest-memory.js';
import type { IngestCounters, IngestDropReason, MachineIngest, MachineMetric, MachineSource } from './ingest.types.js';

/** The actor of machine data in the journal (state changes, SPC violations). */
export const MACHINE_ACTOR: Actor = { username: 'machine', name: 'Machine data', roles: ['integration'] };

export interface MachineIngestOptions {
  /** A batch is applied once this many values wait (default 5000) ... */
  readonly maxBatchMetrics?: number;
  /** ... or this long after the first of them arrived (default 50 ms). */
  readonly flushIntervalMs?: number;
  /** Values waiting beyond this are refused and counted as `queue-full` (default 500 000). */
  readonly maxQueuedMetrics?: number;
  readonly logger?: IngestLogger;
}

const MAPPING_EVENTS = new Set(['machine-mapping.changed', 'machine-mapping.deleted']);

/** Starts the machine data ingest on the command runner; it reloads its mappings whenever one is changed. */
export function createMachineIngest(runner: CommandRunner, bus: EventBus, options: MachineIngestOptions = {}): MachineIngest {
  const maxBatch = options.maxBatchMetrics ?? 5000;
  const interval = options.flushIntervalMs ?? 50;
  const maxQueued = options.maxQueuedMetrics ?? 500_000;
  const log: IngestLogger = options.logger ?? { warn: () => undefined };
  const memory = createIngestMemory();
  const batchCommand = ingestBatchCommand(memory, log);
  const totals = { metricsReceived: 0, historyRows: 0, batches: 0, stateChanges: 0, countReports: 0, counterResets: 0, spcViolations: 0, offlineEvents: 0, lastBatchMs: 0 };
  let queue: IngestEntry[] = [];
  let queued = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  const unsubscribe = bus.subscribe((e) => {
    if (MAPPING_EVENTS.has(e.action)) memory.mappings = null;
  });

  const count = (reason: IngestDropReason, n: number) => {
    memory.drops[reason] += n;
  };

  async function runOnce(): Promise<void> {
    const entries = queue;
    const size = queued;
    queue = [];
    queued = 0;
    if (entries.length === 0) return;
    const started = performance.now();
    try {
      const r = await runner.run(batchCommand, entries, { actor: MACHINE_ACTOR });
      if (r.kind !== 'applied') return;
      const o = r.result;
      totals.batches += 1;
      totals.historyRows += o.plan.rows.length;
      totals.stateChanges += o.stateChanges;
      totals.countReports += o.countReports;
      totals.counterResets += o.plan.counterResets;
      totals.spcViolations += o.spcViolations;
      totals.offlineEvents += o.plan.offlineEvents;
      for (const [reason, n] of Object.entries(o.plan.drops)) count(reason as IngestDropReason, n);
    } catch (error) {
      count('batch-failed', size);
      resetCaches(memory);
      log.warn({ err: error, metrics: size }, 'machine data batch failed; its values are lost');
    } finally {
      totals.lastBatchMs = performance.now() - started;
    }
  }

  /** Applies batches one after another until the queue is empty. */
  function drain(): Promise<void> {
    if (!running && queue.length > 0) {
      running = (async () => {
        // Never settle synchronously: `finally` must run after `running` holds this promise, or it would stay set.
        await Promise.resolve();
        try {
          while (queue.length > 0) await runOnce();
        } finally {
          running = undefined;
        }
      })();
    }
    return running ?? Promise.resolve();
  }

  function schedule(): void {
    if (closed) return;
    if (queued >= maxBatch) {
      if (timer) clearTimeout(timer);
      timer = undefined;
      void drain();
    } else {
      timer ??= setTimeout(() => {
        timer = undefined;
        void drain();
      }, interval);
    }
  }

  function enqueue(entry: IngestEntry, size: number): boolean {
    if (queued + size > maxQueued) {
      count('queue-full', size);
      return false;
    }
    queue.push(entry);
    queued += Math.max(1, size);
    schedule();
    return true;
  }

  return {
    ingest(source: MachineSource, metrics: readonly MachineMetric[]): boolean {
      totals.metricsReceived += metrics.length;
      return metrics.length === 0 || enqueue({ kind: 'metrics', source, metrics }, metrics.length);
    },
    sourceOffline(source, at, opts) {
      enqueue({ kind: 'offline', source, at, withDevices: opts?.withDevices ?? false }, 1);
    },
    async flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      while (running || queue.length > 0) await (running ?? drain());
    },
    counters: (): IngestCounters => ({ ...totals, queued, dropped: { ...memory.drops } }),
    async close() {
      await this.flush();
      closed = true;
      unsubscribe();
    },
  };
}
