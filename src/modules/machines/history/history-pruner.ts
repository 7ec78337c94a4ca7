import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { MACHINE_ACTOR } from '../ingest/machine-ingest.js';
import { pruneHistory, type PruneOutcome } from './retention.commands.js';

export interface HistoryPrunerOptions {
  /** Time between prune runs (default one hour); a run that left rows behind is followed at once by the next. */
  readonly intervalMs?: number;
  /** Rows of one series one run deletes at most (default 20 000): bounds how long a run holds the write lock. */
  readonly perSeries?: number;
  readonly logger?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

export interface HistoryPruner {
  /** Prunes until nothing older than the retention is left (or `maxRuns` runs); the total rows deleted. */
  pruneNow(maxRuns?: number): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Deletes process history older than the retention the plant set (`PUT /api/v1/machines/history-retention`), in
 * bounded runs, each one journaled command. The first run is one interval after start (a restarting server does not
 * start by deleting); the timer does not keep the process alive.
 */
export function startHistoryPruner(runner: CommandRunner, options: HistoryPrunerOptions = {}): HistoryPruner {
  const intervalMs = options.intervalMs ?? 3_600_000;
  const perSeries = options.perSeries ?? 20_000;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function runs(maxRuns: number): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxRuns && !stopped; i++) {
      const r = await runner.run(pruneHistory, { perSeries }, { actor: MACHINE_ACTOR });
      if (r.kind !== 'applied') break;
      const outcome: PruneOutcome = r.result;
      total += outcome.rows;
      if (!outcome.more) break;
    }
    if (total > 0) options.logger?.info({ rows: total }, `process history pruned: ${total} rows older than the retention`);
    return total;
  }

  const pruneNow = (maxRuns = 1000): Promise<number> => {
    running ??= runs(maxRuns).finally(() => {
      running = undefined;
    });
    return running;
  };

  const timer = setInterval(() => {
    pruneNow().catch((err: unknown) => options.logger?.warn({ err }, 'process history prune failed; retried at the next interval'));
  }, intervalMs);
  timer.unref();

  return {
    pruneNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
