import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import type { ImportedWorkOrder, OperationRequest, WorkOrderRequest } from '../b2mml/index.js';
import { revisionContentSchema, type RevisionContent } from '../../product/index.js';
import { findNode, type HierarchyNode } from '../../resources/index.js';
import { importProblem, type ImportProblem, type Where } from './import-problem.js';

const NAME_MAX = 200;
const SIGNIFICANT_DIGITS = 12;

export type RoutingResult = { readonly ok: true; readonly content: RevisionContent } | { readonly ok: false; readonly problems: ImportProblem[] };

/** Looks up hierarchy nodes once per message. */
export type NodeCache = Map<string, HierarchyNode | null>;

async function node(db: Kysely<Database>, cache: NodeCache, id: string): Promise<HierarchyNode | null> {
  if (!cache.has(id)) cache.set(id, (await findNode(db, id)) ?? null);
  return cache.get(id) ?? null;
}

/** The work center an operation runs at: its scope or equipment when that is a work center, or the work center of the equipment named. */
async function workCenterOf(db: Kysely<Database>, cache: NodeCache, ids: readonly (string | null)[]): Promise<string | null> {
  for (const id of ids) {
    if (id === null) continue;
    const n = await node(db, cache, id);
    if (n?.level === 'work_center') return n.id;
    if (n?.level === 'equipment' && n.workCenterId !== null) return n.workCenterId;
  }
  return null;
}

function perUnit(total: number, orderQuantity: number): number {
  return Number((total / orderQuantity).toPrecision(SIGNIFICANT_DIGITS));
}

/**
 * A product definition built from the schedule, for a product without an approved revision of its own: one routing
 * step per leaf segment requirement (at the work center its equipment belongs to), and the consumed materials as BOM
 * lines per unit of the order's quantity, at the step that names them (else the first). Every operation whose work
 * center cannot be found is a problem at that segment.
 */
export async function routingFromSchedule(
  db: Kysely<Database>,
  cache: NodeCache,
  order: ImportedWorkOrder,
  request: WorkOrderRequest | undefined,
  where: Where,
): Promise<RoutingResult> {
  if (order.operations.length === 0) {
    const text = `product '${order.materialId}' has no approved revision, and the request names no segment requirement to build its routing from`;
    return { ok: false, problems: [importProblem('NO_WORK_CENTER', text, where)] };
  }
  const located = new Map<number, OperationRequest>((request?.operations ?? []).map((o) => [o.seq, o]));
  const problems: ImportProblem[] = [];
  const routing = [];
  for (const op of order.operations) {
    const workCenterId = await workCenterOf(db, cache, [op.workCenterId, ...op.equipmentIds]);
    if (workCenterId === null) {
      const named = [op.workCenterId, ...op.equipmentIds].filter((x) => x !== null);
      const text = `operation ${op.seq} ('${op.name}') needs a work center: ${named.length > 0 ? `${named.join(', ')} is no work center and no equipment of one` : 'the segment names no equipment or hierarchy scope'}`;
      problems.push(importProblem('NO_WORK_CENTER', text, located.get(op.seq) ?? where));
      continue;
    }
    routing.push({ seq: op.seq, name: op.name.trim().slice(0, NAME_MAX) || `Operation ${op.seq}`, workCenterId });
  }
  if (problems.length > 0) return { ok: false, problems };
  const firstSeq = order.operations[0]?.seq ?? 0;
  const lines = new Map<string, { materialId: string; uom: string; operationSeq: number; total: number }>();
  for (const c of order.components) {
    const operationSeq = c.operationSeq ?? firstSeq;
    const key = `${c.materialId}\u0000${operationSeq}`;
    const line = lines.get(key) ?? { materialId: c.materialId, uom: c.uom, operationSeq, total: 0 };
    line.total += c.quantity;
    lines.set(key, line);
  }
  const bom = [...lines.values()]
    .filter((l) => l.total > 0)
    .map((l) => ({ materialId: l.materialId, quantity: perUnit(l.total, order.quantity), uom: l.uom, operationSeq: l.operationSeq }));
  const parsed = revisionContentSchema.safeParse({ bom, routing });
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => importProblem('IMPORT_REFUSED', `the routing built from the schedule is invalid: ${i.path.join('.')}: ${i.message}`, where)) };
  }
  return { ok: true, content: parsed.data };
}
