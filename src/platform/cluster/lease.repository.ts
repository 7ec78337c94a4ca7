import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/**
 * Takes or renews the named lease until `until`: granted when nobody holds it, when this owner holds it, or when the
 * holder let it run out. Two guarded single statements, atomic on both stores: of two nodes asking at once, one wins.
 */
export async function takeLease(db: Kysely<Database>, name: string, owner: string, now: number, until: number): Promise<boolean> {
  const renewed = await db.updateTable('leases').set({ owner, until })
    .where('name', '=', name).where((eb) => eb.or([eb('owner', '=', owner), eb('until', '<', now)])).executeTakeFirst();
  if (Number(renewed.numUpdatedRows) === 1) return true;
  const created = await db.insertInto('leases').values({ name, owner, until }).onConflict((oc) => oc.column('name').doNothing()).executeTakeFirst();
  return Number(created.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Gives the lease up if this owner holds it, so another node may take it at once. */
export async function releaseLease(db: Kysely<Database>, name: string, owner: string): Promise<void> {
  await db.deleteFrom('leases').where('name', '=', name).where('owner', '=', owner).execute();
}

/** Who holds the lease and until when, if anyone. */
export async function leaseHolder(db: Kysely<Database>, name: string): Promise<{ owner: string; until: number } | undefined> {
  const r = await db.selectFrom('leases').select(['owner', 'until']).where('name', '=', name).executeTakeFirst();
  return r ? { owner: r.owner, until: Number(r.until) } : undefined;
}
