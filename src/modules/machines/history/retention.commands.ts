import { command } from '../../../platform/commands/command.js';
import { iso } from '../../../platform/http/time.js';
import { deleteOldestHistory, readHistoryRetention, seriesIds, writeHistoryRetention, type HistoryRetention } from './retention.repository.js';

const DAY = 86_400_000;

/** Sets how long process history is kept; journaled with before and after. */
export const putHistoryRetention = command('machine-history-retention.put', async (ctx, cmd: HistoryRetention): Promise<HistoryRetention> => {
  const before = await readHistoryRetention(ctx.tx);
  await writeHistoryRetention(ctx.tx, cmd);
  ctx.record({ action: 'machine-history-retention.changed', entity: 'machine-history', entityId: 'retention', data: { changes: { days: { before: before.days, after: cmd.days } } } });
  return cmd;
});

export interface PruneOutcome {
  /** The cut-off: rows older than this were deleted; null when the retention keeps everything. */
  readonly before: string | null;
  readonly rows: number;
  /** True when a series still had more rows to delete than one run takes: run again. */
  readonly more: boolean;
}

/**
 * One prune run in one transaction: for each series, the rows older than the retention, at most about `perSeries`
 * of them (so a first run over years of history does not hold the store's write lock for long: the caller repeats
 * while `more`). Journaled as one `machine-history.pruned` event with the cut-off and the count when it deleted
 * anything: no history disappears without a record.
 */
export const pruneHistory = command('machine-history.prune', async (ctx, cmd: { perSeries: number }): Promise<PruneOutcome> => {
  const { days } = await readHistoryRetention(ctx.tx);
  if (days === 0) return { before: null, rows: 0, more: false };
  const before = ctx.now - days * DAY;
  let rows = 0;
  let series = 0;
  let more = false;
  for (const id of await seriesIds(ctx.tx)) {
    const n = await deleteOldestHistory(ctx.tx, id, before, cmd.perSeries);
    if (n > 0) series += 1;
    if (n >= cmd.perSeries) more = true;
    rows += n;
  }
  if (rows > 0) ctx.record({ action: 'machine-history.pruned', entity: 'machine-history', entityId: 'retention', data: { before: iso(before), days, rows, series } });
  return { before: iso(before), rows, more };
});
