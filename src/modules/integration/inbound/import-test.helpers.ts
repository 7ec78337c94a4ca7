import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import { integrationDb } from '../integration.tables.js';

/** Row counts of everything an import may write, and the journal: a refused message changes none of them. */
export async function storeCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const idb = integrationDb(db);
  const tables = ['journal', 'work_orders', 'operations', 'materials', 'lots', 'product_revisions', 'b2mml_messages', 'integration_order_links'] as const;
  const out: Record<string, number> = {};
  for (const table of tables) {
    out[table] = Number((await idb.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  }
  return out;
}
