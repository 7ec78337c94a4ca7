import type { Actor } from '../auth/roles.js';
import { startSingleton } from '../cluster/singleton.js';
import type { Command } from '../commands/command.js';
import type { CommandRunner } from '../commands/command-runner.js';
import type { Store } from '../store/database.js';
import { scheduleJobs, type JobLogger, type ScheduledJob } from './job-schedule.js';

/** The lease of the housekeeping work: of the nodes sharing a store, the one holding it runs the scheduled jobs. */
export const HOUSEKEEPING_LEASE = 'housekeeping';

export interface Housekeeping {
  /** Runs one job now on this node (also on a node standing by); the count of what it did. */
  runNow(name: string): Promise<number>;
  /** `active` while this node runs the scheduled jobs, `standby` while another node holds their lease. */
  role(): 'active' | 'standby';
  stop(): Promise<void>;
}

/**
 * Runs the housekeeping jobs on one node of those sharing the store: the node holding the `housekeeping` lease
 * (default 60 s, renewed at a third of it) arms their timers; another takes over once it stops or dies. Every job is
 * harmless if it ever ran on two nodes at once (each run is its own transaction, and what it acts on is re-read in it).
 */
export async function startHousekeeping(
  store: Store,
  jobs: readonly ScheduledJob[],
  options: { readonly leaseMs?: number; readonly logger?: JobLogger } = {},
): Promise<Housekeeping> {
  const schedule = scheduleJobs(jobs, options.logger);
  const lease = await startSingleton(store, {
    name: HOUSEKEEPING_LEASE, leaseMs: options.leaseMs ?? 60_000, logger: options.logger,
    start: async () => schedule.resume(),
    stop: () => schedule.pause(),
  });
  return {
    runNow: (name) => schedule.runNow(name),
    role: () => lease.role(),
    async stop() {
      await lease.stop();
      await schedule.close();
    },
  };
}

/** What a bounded run of a pruning command reports: rows it deleted, and whether rows are left for another run. */
export interface BoundedRun {
  readonly rows: number;
  readonly more: boolean;
}

/**
 * Runs a bounded command again while it reports more (each run its own transaction, so no run holds the store's
 * write lock for long), until it is done, `stopping()` says so, or `maxRuns` ran; the rows of every run together.
 */
export async function drainCommand<I>(
  runner: CommandRunner, cmd: Command<I, BoundedRun>, input: I, options: { readonly actor: Actor; readonly stopping: () => boolean; readonly maxRuns?: number },
): Promise<number> {
  let total = 0;
  for (let i = 0; i < (options.maxRuns ?? 1000) && !options.stopping(); i++) {
    const r = await runner.run(cmd, input, { actor: options.actor });
    if (r.kind !== 'applied') break;
    total += r.result.rows;
    if (!r.result.more) break;
  }
  return total;
}
