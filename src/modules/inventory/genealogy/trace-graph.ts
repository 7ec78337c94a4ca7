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

/**
 * Builds the trace from the reachable lots: breadth-first from the root over the walked edges, so each lot's depth is
 * its shortest distance and each lot and edge appears once whatever the merges, splits and loops. Lots the walk does
 * not reach from the root are left out; so are lots farther than `maxDepth` and the edges that lead to them.
 */
export function buildTrace(root: string, direction: TraceDirection, reached: readonly ReachedLot[], maxDepth = Infinity): TraceResult {
  const byId = new Map(reached.map((r) => [r.lotId, r]));
  const next = (e: TraceEdge): string => (direction === 'backward' ? e.from : e.to);
  const depth = new Map<string, number>([[root, 0]]);
  const queue = [root];
  for (let i = 0; i < queue.length; i += 1) {
    const lot = queue[i] as string;
    const d = depth.get(lot) as number;
    if (d >= maxDepth) continue;
    for (const e of byId.get(lot)?.edges ?? []) {
      const n = next(e);
      if (!depth.has(n)) {
        depth.set(n, d + 1);
        queue.push(n);
      }
    }
  }
  const nodes: TraceNode[] = queue.map((lotId) => ({ lotId, materialId: byId.get(lotId)?.materialId ?? null, depth: depth.get(lotId) as number }));
  nodes.sort((a, b) => a.depth - b.depth || compare(a.lotId, b.lotId));
  const edges = queue.flatMap((lot) => byId.get(lot)?.edges ?? []).filter((e) => depth.has(e.from) && depth.has(e.to));
  edges.sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to) || compare(a.workOrderId ?? '', b.workOrderId ?? ''));
  const result: TraceResult = { root, direction, nodes, edges };
  return direction === 'forward' ? { ...result, summary: recallSummary(nodes, edges) } : result;
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
