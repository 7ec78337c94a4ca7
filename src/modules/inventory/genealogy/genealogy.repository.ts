import type { Kysely, Transaction } from 'kysely';
import { precompiled } from '../../../platform/store/precompiled.js';
import type { Database } from '../../../platform/store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface GenealogyEdge {
  readonly from: string;
  readonly to: string;
  readonly quantity: number;
  readonly workOrderId: string;
  readonly kind: 'consume' | 'split' | 'merge';
}

/** Adds quantity to the edge from one lot to another (one edge per pair and order, quantities summed). */
const addEdge = precompiled((db, from: string, to: string, workOrderId: string, quantity: number, kind: GenealogyEdge['kind'], at: number) =>
  db
    .insertInto('genealogy_edges')
    .values({ from_lot: from, to_lot: to, work_order_id: workOrderId, quantity, kind, at })
    .onConflict((oc) => oc.columns(['from_lot', 'to_lot', 'work_order_id']).doUpdateSet((eb) => ({ quantity: eb('genealogy_edges.quantity', '+', eb.ref('excluded.quantity')) }))));

/**
 * Adds the edges (quantities summed per lots and order). The caller journals, in the same transaction, an event of
 * one of each edge's lots (entity `lot`): the genealogy held in memory on every node learns of new edges that way.
 */
export async function addEdges(db: Db, edges: readonly GenealogyEdge[], at: number): Promise<void> {
  for (const e of edges) await addEdge(db, e.from, e.to, e.workOrderId, e.quantity, e.kind, at);
}
