import { command } from '../../../platform/commands/command.js';
import { Refusal } from '../../../platform/errors/violation.js';
import { iso } from '../../../platform/http/time.js';
import { validateProductionCount } from '../domain/index.js';
import { bumpHistoryRevision } from '../settings/equipment-settings.repository.js';
import { requireEquipment } from '../shared/equipment-node.js';
import { lastInterval } from '../states/equipment-state.repository.js';
import { insertCount, type CountOrigin } from './equipment-count.repository.js';

export interface RecordCount {
  readonly equipmentId: string;
  readonly total: number;
  readonly reject: number;
  readonly rework?: number | undefined;
  readonly at?: number | undefined;
  readonly source: CountOrigin;
}

/**
 * Adds units produced at a piece of equipment (increments, not counter readings). Refused with every bad field
 * (counts that are not whole numbers from 0 to a billion, reject above total, `at` before 2000-01-01 or in the future
 * beyond the tolerated skew).
 *
 * Machine counts are not journaled: they are high-rate process data (a counter every few seconds on every machine
 * would be most of the journal and serialise every write on its hash chain), and the count row itself is their
 * record. Counts a person enters (source `operator`) are journaled as `equipment.counted`, like every human action.
 */
export const recordCount = command('equipment.count', async (ctx, cmd: RecordCount) => {
  await requireEquipment(ctx.tx, cmd.equipmentId);
  const count = { at: cmd.at ?? ctx.now, total: cmd.total, reject: cmd.reject, ...(cmd.rework !== undefined ? { rework: cmd.rework } : {}) };
  const problems = validateProductionCount(count, { now: ctx.now });
  if (problems.length > 0) throw new Refusal(problems);
  await insertCount(ctx.tx, cmd.equipmentId, { ...count, source: cmd.source, recordedBy: ctx.actor.username });
  // Day accounts are cached only for days before the current state began: a count older than that may land in one.
  const current = await lastInterval(ctx.tx, cmd.equipmentId);
  if (current !== undefined && count.at < current.from) await bumpHistoryRevision(ctx.tx, cmd.equipmentId, ctx.now);
  if (cmd.source === 'operator') {
    ctx.record({ action: 'equipment.counted', entity: 'equipment', entityId: cmd.equipmentId, data: { at: iso(count.at), total: count.total, reject: count.reject, rework: count.rework ?? 0, source: cmd.source } });
  }
  return { equipmentId: cmd.equipmentId, at: iso(count.at), total: count.total, reject: count.reject, rework: count.rework ?? 0, source: cmd.source };
});
