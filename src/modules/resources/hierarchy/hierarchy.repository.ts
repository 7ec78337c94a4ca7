import type { Kysely, Transaction } from 'kysely';
import { precompiled } from '../../../platform/store/precompiled.js';
import { mapRead, runRead, type StoreRead } from '../../../platform/store/read-together.js';
import type { Database, HierarchyLevel, HierarchyTable } from '../../../platform/store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A node of the ISA-95 equipment hierarchy: site → area → work center → equipment (units). */
export interface HierarchyNode {
  readonly id: string;
  readonly level: HierarchyLevel;
  readonly name: string;
  readonly parentId: string | null;
  readonly siteId: string | null;
  readonly workCenterId: string | null;
  readonly timeZone: string | null;
  readonly idealCycleTimeSec: number | null;
  readonly available: boolean;
}

function toNode(r: HierarchyTable): HierarchyNode {
  return {
    id: r.id, level: r.level, name: r.name, parentId: r.parent_id, siteId: r.site_id, workCenterId: r.work_center_id,
    timeZone: r.time_zone, idealCycleTimeSec: r.ideal_cycle_time_sec, available: r.available === 1,
  };
}

const selectNode = precompiled((db, id: string) => db.selectFrom('hierarchy').selectAll().where('id', '=', id));

/** A node of the hierarchy by id, as a read to run with others; undefined when there is none. */
export function nodeRead(id: string): StoreRead<HierarchyNode | undefined> {
  return mapRead(selectNode.read(id), ([r]) => (r ? toNode(r) : undefined));
}

export async function findNode(db: Db, id: string): Promise<HierarchyNode | undefined> {
  return runRead(db, nodeRead(id));
}

export async function listNodes(db: Db, level?: HierarchyLevel): Promise<HierarchyNode[]> {
  let q = db.selectFrom('hierarchy').selectAll();
  if (level) q = q.where('level', '=', level);
  return (await q.orderBy('id').execute()).map(toNode);
}

export async function saveNode(db: Db, node: HierarchyNode, now: number, exists: boolean): Promise<void> {
  const row = {
    level: node.level, name: node.name, parent_id: node.parentId, site_id: node.siteId, work_center_id: node.workCenterId,
    time_zone: node.timeZone, ideal_cycle_time_sec: node.idealCycleTimeSec, available: node.available ? 1 : 0, updated_at: now,
  };
  if (exists) await db.updateTable('hierarchy').set(row).where('id', '=', node.id).execute();
  else await db.insertInto('hierarchy').values({ id: node.id, ...row, created_at: now }).execute();
}

/** Every node at or below a node (the node itself first, then the nodes under it, each once), from one read. */
async function subtree(db: Db, id: string): Promise<HierarchyNode[]> {
  const all = (await db.selectFrom('hierarchy').selectAll().execute()).map(toNode);
  const children = new Map<string, HierarchyNode[]>();
  for (const n of all) if (n.parentId) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const root = all.find((n) => n.id === id);
  const out: HierarchyNode[] = [];
  const seen = new Set<string>();
  const stack = root ? [root] : [];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    if (seen.has(cur.id)) continue;
    seen.add(cur.id);
    out.push(cur);
    stack.push(...(children.get(cur.id) ?? []));
  }
  return out;
}

/** Every equipment id at or below a node (the node itself when it is equipment). */
export async function equipmentBelow(db: Db, id: string): Promise<string[]> {
  return (await subtree(db, id)).filter((n) => n.level === 'equipment').map((n) => n.id).sort();
}

/** Every node under a node (not the node itself), in id order. */
export async function nodesBelow(db: Db, id: string): Promise<HierarchyNode[]> {
  return (await subtree(db, id)).filter((n) => n.id !== id).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
