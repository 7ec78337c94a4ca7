import { command } from '../../../platform/commands/command.js';
import { iso } from '../../../platform/http/time.js';
import { deleteFinishedDeliveries, readOutboxRetention, writeOutboxRetention, type OutboxRetention } from './outbox-retention.repository.js';

const DAY = 86_400_000;

/** Sets how long finished deliveries are kept; journaled with before and after. */
export const putOutboxRetention = command('outbox-retention.put', async (ctx, cmd: OutboxRetention): Promise<OutboxRetention> => {
  const before = await readOutboxRetention(ctx.tx);
  await writeOutboxRetention(ctx.tx, cmd);
  ctx.record({
    action: 'outbox-retention.changed', entity: 'outbox', entityId: 'retention',
    data: { changes: { deliveredDays: { before: before.deliveredDays, after: cmd.deliveredDays }, deadDays: { before: before.deadDays, after: cmd.deadDays } } },
  });
  return cmd;
});

export interface OutboxPruneOutcome {
  /** Delivered messages deleted, and dead or cancelled ones. */
  readonly delivered: number;
  readonly dead: number;
  readonly rows: number;
  /** True when a status had more to delete than one run takes: run again. */
  readonly more: boolean;
}

/**
 * One prune run in one transaction: the deliveries finished longer ago than the retention of their status, at most
 * `limit` per status; pending ones are never touched. Journaled as one `outbox.pruned` event with the cut-offs and
 * the counts when it deleted anything. A delivery's journal event stays, and its subscription's position lies past
 * it, so a deleted delivery is never made again.
 */
export const pruneOutbox = command('outbox.prune', async (ctx, cmd: { limit: number }): Promise<OutboxPruneOutcome> => {
  const retention = await readOutboxRetention(ctx.tx);
  const cutoff = (days: number): number | null => (days === 0 ? null : ctx.now - days * DAY);
  const deliveredBefore = cutoff(retention.deliveredDays);
  const deadBefore = cutoff(retention.deadDays);
  let more = false;
  const prune = async (status: 'delivered' | 'dead' | 'cancelled', before: number | null): Promise<number> => {
    if (before === null) return 0;
    const n = await deleteFinishedDeliveries(ctx.tx, status, before, cmd.limit);
    if (n >= cmd.limit) more = true;
    return n;
  };
  const delivered = await prune('delivered', deliveredBefore);
  const dead = (await prune('dead', deadBefore)) + (await prune('cancelled', deadBefore));
  const rows = delivered + dead;
  if (rows > 0) {
    ctx.record({
      action: 'outbox.pruned', entity: 'outbox', entityId: 'retention',
      data: { ...retention, deliveredBefore: deliveredBefore === null ? null : iso(deliveredBefore), deadBefore: deadBefore === null ? null : iso(deadBefore), delivered, dead },
    });
  }
  return { delivered, dead, rows, more };
});
