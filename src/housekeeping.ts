import { SYSTEM_ACTOR } from './platform/auth/roles.js';
import type { CommandRunner } from './platform/commands/command-runner.js';
import { drainCommand } from './platform/scheduling/housekeeping.js';
import type { ScheduledJob } from './platform/scheduling/job-schedule.js';
import { pruneEndedSessions } from './modules/compliance/index.js';
import { generateMaintenanceOrders } from './modules/equipment/index.js';
import { pruneOutbox } from './modules/integration/index.js';
import { MACHINE_ACTOR, pruneHistory } from './modules/machines/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Rows one run of a prune deletes at most (per status of the outbox): bounds how long it holds the write lock. */
const ROWS_PER_RUN = 5000;

export type HousekeepingJobName = 'process-history' | 'outbox' | 'ended-sessions' | 'maintenance-orders';

export interface HousekeepingOptions {
  /** Length of the housekeeping lease (default 60 s): how long the work is without a node after its node died. */
  readonly leaseMs?: number;
  /**
   * Opens the orders of due preventive maintenance plans hourly, the first time a minute after start (default off;
   * `takt serve` turns it on unless TAKT_MAINTENANCE_SCHEDULER=off).
   */
  readonly maintenanceOrders?: boolean;
  /** Rows of one series one run of the process history prune deletes at most (default 20 000). */
  readonly historyPerSeries?: number;
  /** Other intervals or first runs than the defaults, per job. */
  readonly timing?: Partial<Record<HousekeepingJobName, { readonly everyMs?: number; readonly firstAfterMs?: number }>>;
}

/**
 * The housekeeping of a running plant, each job hourly, each of its runs one journaled command:
 * - `process-history`: process history older than its retention (`PUT /api/v1/machines/history-retention`);
 * - `outbox`: finished deliveries older than theirs (`PUT /api/v1/integration/outbox-retention`); pending ones never;
 * - `ended-sessions`: the marks of logged-out sessions once every token of theirs expired (`tokenTtlMs` after the end);
 * - `maintenance-orders` (when on): the orders of preventive maintenance plans that fell due, as the system.
 * The prunes first run an hour after start (a restarting server does not start by deleting), the generation a minute
 * after start.
 */
export function housekeepingJobs(runner: CommandRunner, tokenTtlMs: number, options: HousekeepingOptions = {}): ScheduledJob[] {
  const jobs: Array<ScheduledJob & { name: HousekeepingJobName }> = [
    {
      name: 'process-history', everyMs: HOUR, firstAfterMs: HOUR, counts: 'rows of process history older than the retention deleted',
      run: (stopping) => drainCommand(runner, pruneHistory, { perSeries: options.historyPerSeries ?? 20_000 }, { actor: MACHINE_ACTOR, stopping }),
    },
    {
      name: 'outbox', everyMs: HOUR, firstAfterMs: HOUR, counts: 'finished outbox deliveries older than the retention deleted',
      run: (stopping) => drainCommand(runner, pruneOutbox, { limit: ROWS_PER_RUN }, { actor: SYSTEM_ACTOR, stopping }),
    },
    {
      name: 'ended-sessions', everyMs: HOUR, firstAfterMs: HOUR, counts: 'marks of ended sessions whose tokens expired deleted',
      run: (stopping) => drainCommand(runner, pruneEndedSessions, { tokenTtlMs, limit: ROWS_PER_RUN }, { actor: SYSTEM_ACTOR, stopping }),
    },
  ];
  if (options.maintenanceOrders) {
    jobs.push({
      name: 'maintenance-orders', everyMs: HOUR, firstAfterMs: MINUTE, counts: 'preventive maintenance orders opened for plans that fell due',
      run: async () => {
        const r = await runner.run(generateMaintenanceOrders, {}, { actor: SYSTEM_ACTOR });
        return r.kind === 'applied' ? r.result.created.length : 0;
      },
    });
  }
  return jobs.map((job) => ({ ...job, ...options.timing?.[job.name] }));
}
