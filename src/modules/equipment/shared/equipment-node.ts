import { notFound } from '../../../platform/errors/violation.js';
import type { HierarchyLevel } from '../../../platform/store/schema.js';
import { findNode, type HierarchyNode } from '../../resources/index.js';
import type { Db } from './db.js';

const KIND: Record<HierarchyLevel, string> = { site: 'site', area: 'area', work_center: 'work center', equipment: 'equipment' };

/** The hierarchy node `id` of `level`; a 404 refusal (NOT_FOUND) when there is none of that level. */
export async function requireNode(db: Db, level: HierarchyLevel, id: string): Promise<HierarchyNode> {
  const node = await findNode(db, id);
  if (!node || node.level !== level) throw notFound(KIND[level], id);
  return node;
}

/** The piece of equipment `id`, or a 404 refusal. */
export function requireEquipment(db: Db, id: string): Promise<HierarchyNode> {
  return requireNode(db, 'equipment', id);
}
