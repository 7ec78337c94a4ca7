import { sql } from 'kysely';
import { precompiled } from '../../../platform/store/precompiled.js';
import { mapRead, runRead, type StoreRead } from '../../../platform/store/read-together.js';
import { isEquipmentState, sameState, type StateHistoryChange, type StateInterval } from '../domain/index.js';
import type { Db } from '../shared/db.js';

type Row = { state: string; reason: string | null; from_at: number; to_at: number | null };

function toInterval(r: Row): StateInterval {
  // Rows are written only from validated events; an unknown state would be a corrupted row, read as offline.
  return { state: isEquipmentState(r.state) ? r.state : 'offline', reason: r.reason, from: r.from_at, to: r.to_at };
}

const COLUMNS = ['state', 'reason', 'from_at', 'to_at'] as const;

/** The interval in force at `at` (the latest starting at or before it), if any. */
export async function intervalAt(db: Db, equipmentId: string, at: number): Promise<StateInterval | undefined> {
  return runRead(db, intervalAtRead(equipmentId, at));
}

const selectIntervalAt = precompiled((db, equipmentId: string, at: number) =>
  db.selectFrom('equipment_states').select(COLUMNS).where('equipment_id', '=', equipmentId).where('from_at', '<=', at).orderBy('from_at', 'desc').limit(1));

/** {@link intervalAt} as a read to run with others. */
export function intervalAtRead(equipmentId: string, at: number): StoreRead<StateInterval | undefined> {
  return mapRead(selectIntervalAt.read(equipmentId, at), ([r]) => (r ? toInterval(r) : undefined));
}

const STRETCH_PAGE = 20;

/**
 * The state in force now as a person reads it: the latest interval, taken back over the intervals before it that
 * join it with the same state and reason (a state reported again is kept as a boundary, not as a change), so its
 * `from` is when that state began.
 */
export async function currentStretch(db: Db, equipmentId: string): Promise<StateInterval | undefined> {
  const page = db.selectFrom('equipment_states').select(COLUMNS).where('equipment_id', '=', equipmentId).orderBy('from_at', 'desc').limit(STRETCH_PAGE);
  let rows = await page.execute();
  const top = rows[0];
  if (!top) return undefined;
  const last = toInterval(top);
  let from = last.from;
  // The first page holds the latest interval too: one query when the state was not reported again.
  for (let walked = rows.slice(1); ; walked = rows) {
    for (const r of walked) {
      const iv = toInterval(r);
      if (iv.to !== from || !sameState(iv, last)) return { ...last, from };
      from = iv.from;
    }
    if (rows.length < STRETCH_PAGE) return { ...last, from };
    rows = await page.where('from_at', '<', from).execute();
  }
}

/** The latest interval of the history (the open one, the current state), if any. */
export async function lastInterval(db: Db, equipmentId: string): Promise<StateInterval | undefined> {
  const r = await db.selectFrom('equipment_states').select(COLUMNS).where('equipment_id', '=', equipmentId).orderBy('from_at', 'desc').limit(1).executeTakeFirst();
  return r ? toInterval(r) : undefined;
}

/**
 * The slice of the history an event at `at` needs (see `applyStateEvent`): the interval containing `at`, or the
 * first interval when `at` lies before the whole history, or nothing for an empty history.
 */
export async function sliceFor(db: Db, equipmentId: string, at: number): Promise<StateInterval[]> {
  const containing = await intervalAt(db, equipmentId, at);
  if (containing) return [containing];
  const r = await db.selectFrom('equipment_states').select(COLUMNS).where('equipment_id', '=', equipmentId).orderBy('from_at', 'asc').limit(1).executeTakeFirst();
  return r ? [toInterval(r)] : [];
}

/** Writes a history change: the removed intervals leave, the added ones enter (same transaction, under the lock). */
export async function applyHistoryChange(
  db: Db,
  equipmentId: string,
  change: Pick<StateHistoryChange, 'added' | 'removed'>,
  recorded: { at: number; by: string },
): Promise<void> {
  for (const iv of change.removed) {
    await db.deleteFrom('equipment_states').where('equipment_id', '=', equipmentId).where('from_at', '=', iv.from).execute();
  }
  if (change.added.length === 0) return;
  await db
    .insertInto('equipment_states')
    .values(change.added.map((iv) => ({ equipment_id: equipmentId, from_at: iv.from, to_at: iv.to, state: iv.state, reason: iv.reason, recorded_at: recorded.at, recorded_by: recorded.by })))
    .execute();
}

/** The intervals overlapping `[from, to)`, sorted, unclipped (the first may start before `from`). */
export async function intervalsOverlapping(db: Db, equipmentId: string, from: number, to: number): Promise<StateInterval[]> {
  const first = await intervalAt(db, equipmentId, from);
  const start = first && (first.to === null || first.to > from) ? first.from : from;
  const rows = await db
    .selectFrom('equipment_states')
    .select(COLUMNS)
    .where('equipment_id', '=', equipmentId)
    .where('from_at', '>=', start)
    .where('from_at', '<', to)
    .orderBy('from_at', 'asc')
    .execute();
  return rows.map(toInterval);
}

/** Milliseconds spent `running` inside `[from, to)` (open intervals run to `to`): the run-hour meter. */
export async function runningMsBetween(db: Db, equipmentId: string, from: number, to: number): Promise<number> {
  if (!(to > from)) return 0;
  const r = await db
    .selectFrom('equipment_states')
    .select(
      sql<number | null>`sum((case when to_at is null or to_at > ${to} then ${to} else to_at end) - (case when from_at < ${from} then ${from} else from_at end))`.as('ms'),
    )
    .where('equipment_id', '=', equipmentId)
    .where('state', '=', 'running')
    .where('from_at', '<', to)
    .where((eb) => eb.or([eb('to_at', 'is', null), eb('to_at', '>', from)]))
    .executeTakeFirst();
  return Number(r?.ms ?? 0);
}
