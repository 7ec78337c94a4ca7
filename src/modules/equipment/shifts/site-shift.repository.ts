import type { ShiftBreak, ShiftDefinition } from '../domain/index.js';
import type { Db } from '../shared/db.js';
import type { SiteShiftsTable } from '../../../platform/store/schema.js';

/** A shift of a site, as stored (local wall-clock times in the site's zone). */
export interface SiteShift extends ShiftDefinition {
  readonly siteId: string;
}

function toShift(r: SiteShiftsTable): SiteShift {
  const days = r.days === '' ? undefined : r.days.split(',').map(Number);
  return { siteId: r.site_id, code: r.code, start: r.start_time, end: r.end_time, ...(days ? { days } : {}), breaks: JSON.parse(r.breaks) as ShiftBreak[] };
}

export async function shiftsOf(db: Db, siteId: string): Promise<SiteShift[]> {
  return (await db.selectFrom('site_shifts').selectAll().where('site_id', '=', siteId).orderBy('code').execute()).map(toShift);
}

export async function findShift(db: Db, siteId: string, code: string): Promise<SiteShift | undefined> {
  const r = await db.selectFrom('site_shifts').selectAll().where('site_id', '=', siteId).where('code', '=', code).executeTakeFirst();
  return r ? toShift(r) : undefined;
}

export async function saveShift(db: Db, s: SiteShift, now: number, exists: boolean): Promise<void> {
  const row = { start_time: s.start, end_time: s.end, days: (s.days ?? []).join(','), breaks: JSON.stringify(s.breaks.map((b) => ({ start: b.start, end: b.end }))), updated_at: now };
  if (exists) await db.updateTable('site_shifts').set(row).where('site_id', '=', s.siteId).where('code', '=', s.code).execute();
  else await db.insertInto('site_shifts').values({ site_id: s.siteId, code: s.code, ...row, created_at: now }).execute();
}

export async function deleteShift(db: Db, siteId: string, code: string): Promise<void> {
  await db.deleteFrom('site_shifts').where('site_id', '=', siteId).where('code', '=', code).execute();
}
