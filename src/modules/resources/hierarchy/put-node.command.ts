import { command } from '../../../platform/commands/command.js';
import { refuseIfAny } from '../../../platform/errors/violation.js';
import { changes } from '../../../platform/journal/diff.js';
import type { HierarchyLevel } from '../../../platform/store/schema.js';
import { findNode, nodesBelow, saveNode, type HierarchyNode } from './hierarchy.repository.js';
import { canonicalTimeZone, placementRules } from './hierarchy.rules.js';

export interface PutNode {
  readonly level: HierarchyLevel;
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly timeZone?: string | undefined;
  readonly workCenterId?: string | undefined;
  readonly idealCycleTimeSec?: number | null | undefined;
  readonly available?: boolean | undefined;
}

const ENTITY: Record<HierarchyLevel, string> = { site: 'site', area: 'area', work_center: 'work-center', equipment: 'equipment' };

/**
 * Creates or updates a node of the hierarchy (PUT semantics), journaled with every changed field. A node moved to
 * another site or work center takes the nodes under it along: each one's site (and an equipment's work center) is
 * updated in the same transaction and journaled as its own change, so no unit keeps answering for its old place.
 */
export const putNode = command('hierarchy.put', async (ctx, cmd: PutNode): Promise<HierarchyNode> => {
  const existing = await findNode(ctx.tx, cmd.id);
  const parent = cmd.parentId ? await findNode(ctx.tx, cmd.parentId) : undefined;
  const ancestors: string[] = [];
  for (let cur = parent; cur?.parentId && ancestors.length < 64; cur = await findNode(ctx.tx, cur.parentId)) {
    ancestors.push(cur.parentId);
  }
  const timeZone = cmd.level === 'site' ? canonicalTimeZone(cmd.timeZone ?? existing?.timeZone ?? 'UTC') : null;
  refuseIfAny(
    placementRules({ id: cmd.id, level: cmd.level, existing, parentId: cmd.parentId, parent, ancestors, workCenterId: cmd.workCenterId ?? null, timeZone }),
  );
  const workCenterId = cmd.level === 'equipment' ? (parent?.level === 'work_center' ? parent.id : parent?.workCenterId ?? null) : cmd.level === 'work_center' ? cmd.id : null;
  const siteId = cmd.level === 'site' ? cmd.id : parent?.level === 'site' ? parent.id : parent?.siteId ?? null;
  const node: HierarchyNode = {
    id: cmd.id,
    level: cmd.level,
    name: cmd.name,
    parentId: cmd.parentId,
    siteId,
    workCenterId,
    timeZone,
    idealCycleTimeSec: cmd.level === 'equipment' ? (cmd.idealCycleTimeSec !== undefined ? cmd.idealCycleTimeSec : existing?.idealCycleTimeSec ?? null) : null,
    available: cmd.available ?? existing?.available ?? true,
  };
  const diff = changes(existing ? { ...existing } : null, { ...node });
  await saveNode(ctx.tx, node, ctx.now, existing !== undefined);
  if (!existing || Object.keys(diff).length > 0) {
    ctx.record({ action: `${ENTITY[cmd.level]}.${existing ? 'updated' : 'created'}`, entity: ENTITY[cmd.level], entityId: cmd.id, data: { changes: diff } });
  }
  if (existing && (existing.siteId !== node.siteId || existing.workCenterId !== node.workCenterId)) {
    for (const below of await nodesBelow(ctx.tx, node.id)) {
      // Units under a unit share its work center; those under a work center keep it, wherever it went.
      const workCenterId = below.level === 'equipment' && node.level === 'equipment' ? node.workCenterId : below.workCenterId;
      const moved: HierarchyNode = { ...below, siteId: node.siteId, workCenterId };
      const followed = changes({ ...below }, { ...moved });
      if (Object.keys(followed).length === 0) continue;
      await saveNode(ctx.tx, moved, ctx.now, true);
      ctx.record({ action: `${ENTITY[below.level]}.updated`, entity: ENTITY[below.level], entityId: below.id, data: { changes: followed, movedWith: node.id } });
    }
  }
  return node;
});
