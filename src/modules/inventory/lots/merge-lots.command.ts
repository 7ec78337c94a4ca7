import { command, type CommandContext } from '../../../platform/commands/command.js';
import { Refusal, refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { NO_WORK_ORDER } from '../genealogy/genealogy-edge.constants.js';
import { addEdges } from '../genealogy/genealogy.repository.js';
import { findLot, type Lot } from './lot.repository.js';
import { mergeAllowed } from './sublot.rules.js';
import { emptyLot, fillLot } from './sublot.repository.js';

export interface MergeLots {
  readonly targetLotId: string;
  readonly sourceLotIds: readonly string[];
}

export interface MergeResult {
  readonly target: Lot;
  readonly sources: readonly Lot[];
}

/** The earliest expiry among the lots; a lot without one never expires and does not count. */
export function earliestExpiry(lots: readonly Lot[]): number | null {
  const dates = lots.map((l) => l.expiresAt).filter((d): d is number => d !== null);
  return dates.length > 0 ? Math.min(...dates) : null;
}

async function load(ctx: CommandContext, cmd: MergeLots): Promise<{ target: Lot | undefined; sources: Map<string, Lot> }> {
  const target = await findLot(ctx.tx, cmd.targetLotId);
  const sources = new Map<string, Lot>();
  for (const id of new Set(cmd.sourceLotIds)) {
    const lot = id === cmd.targetLotId ? target : await findLot(ctx.tx, id);
    if (lot) sources.set(id, lot);
  }
  return { target, sources };
}

/** The reasons the merge may not happen now that a concurrent change was seen, or a plain "changed, try again". */
async function refusalAfterRace(ctx: CommandContext, cmd: MergeLots): Promise<Refusal> {
  const found = mergeAllowed({ ...cmd, ...(await load(ctx, cmd)), now: ctx.now });
  return new Refusal(found.length > 0 ? found : [
    violation('LOT_INSUFFICIENT_QUANTITY', 'a lot of this merge changed while merging; try again', { field: 'sourceLotIds', details: { lotIds: cmd.sourceLotIds } }),
  ]);
}

/**
 * Merges lots of one material into a target: every source is emptied (quantity 0, `consumed`), the target gets the
 * sum and the earliest expiry of them all, and a `merge` genealogy edge source → target per source keeps the trace
 * whole. Lots are changed in id order so two merges over the same lots cannot deadlock; each change is a
 * compare-and-set against what the rules saw, so a concurrent change refuses the merge instead of losing material.
 */
export const mergeLots = command('lot.merge', async (ctx, cmd: MergeLots): Promise<MergeResult> => {
  const { target, sources } = await load(ctx, cmd);
  refuseIfAny(mergeAllowed({ ...cmd, target, sources, now: ctx.now }));
  if (!target) throw new Error('unreachable: the rules refuse a missing target');

  const taken = [...sources.values()];
  const total = taken.reduce((sum, l) => sum + l.quantity, 0);
  const expiresAt = earliestExpiry([target, ...taken]);
  for (const id of [target.id, ...sources.keys()].sort()) {
    const source = sources.get(id);
    const changed = source
      ? await emptyLot(ctx.tx, id, { quantity: source.quantity, status: source.status })
      : await fillLot(ctx.tx, id, total, expiresAt, target.status);
    if (!changed) throw await refusalAfterRace(ctx, cmd);
  }
  await addEdges(ctx.tx, taken.map((l) => ({ from: l.id, to: target.id, quantity: l.quantity, workOrderId: NO_WORK_ORDER, kind: 'merge' as const })), ctx.now);

  const after = await findLot(ctx.tx, target.id);
  if (!after) throw new Error(`lot ${target.id} vanished inside its own transaction`);
  ctx.record({
    action: 'lot.merged', entity: 'lot', entityId: target.id,
    data: {
      materialId: target.materialId,
      sources: taken.map((l) => ({ lotId: l.id, quantity: l.quantity })),
      quantity: total,
      changes: {
        quantity: { before: after.quantity - total, after: after.quantity },
        ...(expiresAt !== target.expiresAt ? { expiresAt: { before: target.expiresAt, after: expiresAt } } : {}),
      },
    },
  });
  return { target: after, sources: taken.map((l) => ({ ...l, quantity: 0, status: 'consumed' as const })) };
});
