import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import { traceOf, walkLevels, type TraceResult } from './trace-graph.js';
import { edgesOutOf, materialsOf, ordersConsuming, type TraceDirection } from './trace.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface TraceOptions {
  /**
   * Answer only lots at most this many steps from the root (and the edges among them). Default: every depth. The walk
   * stops there: a screen that shows a few levels pays for those levels only.
   */
  readonly maxDepth?: number;
}

/**
 * Traces a lot's genealogy: backward (what went into it, down to raw material) or forward (everything made from it).
 * Every lot reachable at any depth appears once with its shortest distance; merges, splits and rework loops end.
 * The walk reads one level per statement (two index searches per lot: its edges and its material) inside one
 * read-only transaction, so the answer is one consistent snapshot. Undefined when no lot has this id.
 */
export async function traceLot(db: Db, lotId: string, direction: TraceDirection, options: TraceOptions = {}): Promise<TraceResult | undefined> {
  if (db.isTransaction) return traceIn(db, lotId, direction, options);
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute((trx) => traceIn(trx, lotId, direction, options));
}

async function traceIn(db: Db, lotId: string, direction: TraceDirection, options: TraceOptions): Promise<TraceResult | undefined> {
  const walk = walkLevels(lotId, direction, options.maxDepth);
  let step = walk.next();
  while (!step.done) step = walk.next(await edgesOutOf(db, step.value, direction));
  const lots = step.value.levels.flat();
  const materials = await materialsOf(db, lots);
  if (materials[0] === null) return undefined;
  const trace = traceOf(step.value, materials);
  if (!trace.summary) return trace;
  const withOutput = new Set(trace.summary.workOrders);
  const consuming = await ordersConsuming(db, lots);
  const workInProgress = consuming.filter((w) => !withOutput.has(w)).sort();
  return { ...trace, summary: { ...trace.summary, workInProgress } };
}
