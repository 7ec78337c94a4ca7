import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import { qualityDb } from '../quality.tables.js';

/**
 * True when `code` is a quality characteristic Takt knows: it has frozen control limits, or a product revision's
 * routing inspects it. The routing text is narrowed with LIKE (portable) and confirmed by reading it as JSON.
 */
export async function characteristicExists(db: Kysely<Database>, code: string): Promise<boolean> {
  const limits = await qualityDb(db).selectFrom('control_limits').select('characteristic_code').where('characteristic_code', '=', code).executeTakeFirst();
  if (limits) return true;
  const rows = await db.selectFrom('product_revisions').select('routing').where('routing', 'like', `%${code}%`).execute();
  return rows.some((r) => {
    try {
      const routing = JSON.parse(r.routing) as { inspections?: { code?: unknown }[] }[];
      return routing.some((step) => (step.inspections ?? []).some((c) => c.code === code));
    } catch {
      return false;
    }
  });
}
