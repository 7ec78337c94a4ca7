import type { Kysely, Transaction } from 'kysely';
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
export async function addEdges(db: Db, edges: readonly GenealogyEdge[], at: number): Promise<void> {
  for (const e of edges) {
    await db
      .insertInto('genealogy_edges')
      .values({ from_lot: e.from, to_lot: e.to, work_order_id: e.workOrderId, quantity: e.quantity, kind: e.kind, at })
      .onConflict((oc) => oc.columns(['from_lot', 'to_lot', 'work_order_id']).doUpdateSet((eb) => ({ quantity: eb('genealogy_edges.quantity', '+', eb.ref('excluded.quantity')) })))
      .execute();
  }
}
