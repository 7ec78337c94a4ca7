import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import { buildTrace, traceEdge, type EdgeKind, type ReachedLot, type TraceEdge, type TraceResult } from './trace-graph.js';
import { ordersConsuming, reachableRows, type TraceDirection } from './trace.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface TraceOptions {
  /**
   * Answer only lots at most this many steps from the root (and the edges among them). Default: every depth. It trims
   * the answer (smaller payload for a screen that shows a few levels); the query still walks the whole closure.
   */
  readonly maxDepth?: number;
}

/**
 * Traces a lot's genealogy: backward (what went into it, down to raw material) or forward (everything made from it).
 * Every lot reachable at any depth appears once with its shortest distance; merges, splits and rework loops end.
 * One statement, so the answer is one consistent snapshot. Undefined when no lot has this id.
 */
export async function traceLot(db: Db, lotId: string, direction: TraceDirection, options: TraceOptions = {}): Promise<TraceResult | undefined> {
  const rows = await reachableRows(db, lotId, direction);
  const reached = new Map<string, { lotId: string; materialId: string | null; edges: TraceEdge[] }>();
  for (const r of rows) {
    let lot = reached.get(r.lot);
    if (!lot) {
      lot = { lotId: r.lot, materialId: r.material_id, edges: [] };
      reached.set(r.lot, lot);
    }
    if (r.from_lot !== null && r.to_lot !== null) {
      lot.edges.push(traceEdge(r.from_lot, r.to_lot, Number(r.quantity), r.work_order_id ?? '', r.kind as EdgeKind));
    }
  }
  const root = rows.find((r) => r.lot === lotId);
  if (!root || root.known === null) return undefined;
  const trace = buildTrace(lotId, direction, [...reached.values()] satisfies ReachedLot[], options.maxDepth);
  if (!trace.summary) return trace;
  const withOutput = new Set(trace.summary.workOrders);
  const consuming = await ordersConsuming(db, trace.nodes.map((n) => n.lotId));
  const workInProgress = consuming.filter((w) => !withOutput.has(w)).sort();
  return { ...trace, summary: { ...trace.summary, workInProgress } };
}

