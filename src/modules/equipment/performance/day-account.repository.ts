import type { CountFigures, TimeAccount } from '../domain/index.js';
import type { Db } from '../shared/db.js';

/** Count figures of one source over a day, and how many reports made them. */
export interface SourceFigures {
  readonly figures: CountFigures;
  readonly reports: number;
}

/**
 * The summable account of one piece of equipment over one closed site-local day: its time part, and the count part
 * of each source, so the window's choice of source (see `chooseCounts`) is still made over the whole window.
 */
export interface DayAccount {
  readonly time: TimeAccount;
  readonly machine: SourceFigures;
  readonly operator: SourceFigures;
}

/** A cached day account, with what it was computed under. */
export interface CachedDay extends DayAccount {
  readonly equipmentId: string;
  readonly dayStart: number;
  readonly dayEnd: number;
  readonly fingerprint: string;
  readonly revision: number;
}

/** Cached day accounts of the equipment for days inside `[from, to)`, by equipment then day start. */
export async function cachedDays(db: Db, equipmentIds: readonly string[], from: number, to: number): Promise<Map<string, Map<number, CachedDay>>> {
  const out = new Map<string, Map<number, CachedDay>>();
  for (let i = 0; i < equipmentIds.length; i += 500) {
    const rows = await db
      .selectFrom('equipment_day_accounts')
      .selectAll()
      .where('equipment_id', 'in', equipmentIds.slice(i, i + 500))
      .where('day_start', '>=', from)
      .where('day_start', '<', to)
      .execute();
    for (const r of rows) {
      const days = out.get(r.equipment_id) ?? new Map<number, CachedDay>();
      const account = JSON.parse(r.account) as DayAccount;
      days.set(r.day_start, { ...account, equipmentId: r.equipment_id, dayStart: r.day_start, dayEnd: r.day_end, fingerprint: r.fingerprint, revision: r.revision });
      out.set(r.equipment_id, days);
    }
  }
  return out;
}

/** Stores day accounts, replacing what was cached for the same equipment and day. */
export async function saveDays(db: Db, days: readonly CachedDay[], now: number): Promise<void> {
  for (let i = 0; i < days.length; i += 200) {
    await db
      .insertInto('equipment_day_accounts')
      .values(
        days.slice(i, i + 200).map((d) => ({
          equipment_id: d.equipmentId, day_start: d.dayStart, day_end: d.dayEnd, fingerprint: d.fingerprint, revision: d.revision,
          account: JSON.stringify({ time: d.time, machine: d.machine, operator: d.operator }), computed_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['equipment_id', 'day_start']).doUpdateSet((eb) => ({
          day_end: eb.ref('excluded.day_end'), fingerprint: eb.ref('excluded.fingerprint'), revision: eb.ref('excluded.revision'),
          account: eb.ref('excluded.account'), computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute();
  }
}
