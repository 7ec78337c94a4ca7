import { NO_WORK_ORDER } from './genealogy-edge.constants.js';
import type { GenealogyEdge } from './genealogy.repository.js';
import type { TraceDirection } from './trace.repository.js';

export type EdgeKind = GenealogyEdge['kind'];

/** A lot in a trace: its material (null only for an edge to a lot with no lot row) and its shortest distance from the root. */
export interface TraceNode {
  readonly lotId: string;
  readonly materialId: string | null;
  readonly depth: number;
}

/** Material flow from one lot into another; `workOrderId` is null for splits and merges (stock movements). */
export interface TraceEdge {
  readonly from: string;
  readonly to: string;
  readonly quantity: number;
  readonly workOrderId: string | null;
  readonly kind: EdgeKind;
}

/** The recall scope of a forward trace: how many lots are affected, which of them went no further, and the orders involved. */
export interface RecallSummary {
  readonly lots: number;
  /** Reachable lots with no outgoing edge: finished goods, or stock not used yet. */
  readonly finishedLots: readonly string[];
  readonly workOrders: readonly string[];
  /** Orders that consumed an affected lot and have produced nothing from it yet: work in progress to stop. */
  readonly workInProgress?: readonly string[];
}

export interface TraceResult {
  readonly root: string;
  readonly direction: TraceDirection;
  /** Every reachable lot once, the root first (depth 0), then by depth and id. */
  readonly nodes: readonly TraceNode[];
  /** Every edge among the reachable lots in the walking direction, by from, to and order. */
  readonly edges: readonly TraceEdge[];
  /** Forward traces only. */
  readonly summary?: RecallSummary;
}

/** What the reachability query answers, in plain data: each reachable lot with its material and the edges walked out of it. */
export interface ReachedLot {
  readonly lotId: string;
  readonly materialId: string | null;
  readonly edges: readonly TraceEdge[];
}

/** What a walk found: the lots level by level (the root alone first, each later level by id) and the edges kept. */
export interface Walked {
  readonly root: string;
  readonly direction: TraceDirection;
  readonly levels: readonly (readonly string[])[];
  readonly edges: readonly TraceEdge[];
}

/**
 * A breadth-first walk one whole level at a time: it yields the lots of the next level and takes back every edge out
 * of them in the walking direction (in any order), so a store answers a level in one statement. A lot is met first at
 * its shortest distance, each lot and edge is kept once whatever the merges, splits and loops, and the walk ends when
 * a level brings no new lot. With `maxDepth` the lots at that distance are not expanded: only their edges back into
 * the lots already kept are.
 */
export function* walkLevels(root: string, direction: TraceDirection, maxDepth = Infinity): Generator<readonly string[], Walked, readonly TraceEdge[]> {
  const seen = new Set<string>([root]);
  const levels: string[][] = [[root]];
  const edges: TraceEdge[] = [];
  const backward = direction === 'backward';
  for (let d = 0; ; d += 1) {
    const out = yield levels[d] as string[];
    const next: string[] = [];
    for (const e of out) {
      const far = backward ? e.from : e.to;
      if (!seen.has(far)) {
        if (d >= maxDepth) continue;
        seen.add(far);
        next.push(far);
      }
      edges.push(e);
    }
    if (next.length === 0) return { root, direction, levels, edges };
    levels.push(next.sort(compare));
  }
}

/** The trace from a finished walk and the material of each of its lots (`materials` in the order of `levels` flattened). */
export function traceOf(walked: Walked, materials: readonly (string | null)[]): TraceResult {
  const nodes: TraceNode[] = [];
  walked.levels.forEach((level, depth) => {
    for (const lotId of level) nodes.push({ lotId, materialId: materials[nodes.length] ?? null, depth });
  });
  const edges = sortEdges(walked.edges, nodes);
  const result: TraceResult = { root: walked.root, direction: walked.direction, nodes, edges };
  return walked.direction === 'forward' ? { ...result, summary: recallSummary(nodes, edges) } : result;
}

/**
 * Edges by from, to and order. Each lot's rank in id order is computed once, so the sort compares numbers, not
 * strings; only edges between the same two lots (several orders) compare their order ids.
 */
function sortEdges(edges: readonly TraceEdge[], nodes: readonly TraceNode[]): TraceEdge[] {
  const ids = nodes.map((n) => n.lotId).sort(compare);
  const rank = new Map<string, number>();
  ids.forEach((id, i) => rank.set(id, i));
  const n = ids.length;
  const keys = new Float64Array(edges.length);
  edges.forEach((e, i) => {
    keys[i] = (rank.get(e.from) as number) * n + (rank.get(e.to) as number);
  });
  const order = Array.from(edges.keys());
  order.sort((a, b) => (keys[a] as number) - (keys[b] as number) || compare(edges[a]?.workOrderId ?? '', edges[b]?.workOrderId ?? ''));
  return order.map((i) => edges[i] as TraceEdge);
}

/**
 * Builds the trace from the reachable lots already in memory, with the same walk a store's trace takes. Lots the walk
 * does not reach from the root are left out; so are lots farther than `maxDepth` and the edges that lead to them.
 */
export function buildTrace(root: string, direction: TraceDirection, reached: readonly ReachedLot[], maxDepth = Infinity): TraceResult {
  const byId = new Map(reached.map((r) => [r.lotId, r]));
  const walk = walkLevels(root, direction, maxDepth);
  let step = walk.next();
  while (!step.done) step = walk.next(step.value.flatMap((lot) => byId.get(lot)?.edges ?? []));
  return traceOf(step.value, step.value.levels.flat().map((lot) => byId.get(lot)?.materialId ?? null));
}

/** The recall scope of a forward trace's nodes and edges. */
export function recallSummary(nodes: readonly TraceNode[], edges: readonly TraceEdge[]): RecallSummary {
  const feeding = new Set(edges.map((e) => e.from));
  const orders = new Set(edges.map((e) => e.workOrderId).filter((w): w is string => w !== null));
  return {
    lots: nodes.length,
    finishedLots: nodes.map((n) => n.lotId).filter((id) => !feeding.has(id)).sort(compare),
    workOrders: [...orders].sort(compare),
  };
}

/** Ordinal string order (the same on every platform and locale). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The edge as the trace shows it: the stored marker of "no work order" becomes null. */
export function traceEdge(from: string, to: string, quantity: number, workOrderId: string, kind: EdgeKind): TraceEdge {
  return { from, to, quantity, workOrderId: workOrderId === NO_WORK_ORDER ? null : workOrderId, kind };
}
