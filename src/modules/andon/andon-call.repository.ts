import type { Kysely } from 'kysely';
import type { Database } from '../../platform/store/schema.js';
import { raisedCall, type AndonCall, type AndonKind, type AndonStatus, type NewAndonCall } from './domain/andon-call.js';
import type { PeriodTotals } from './domain/andon-summary.js';
import { andonDb, type AndonCallsTable } from './andon.tables.js';

const PREFIX = 'ANDON-';

/** The number behind an id `ANDON-<n>`, or undefined for anything else. */
function numberOf(id: string): number | undefined {
  const m = /^ANDON-([1-9][0-9]{0,14})$/.exec(id);
  return m ? Number(m[1]) : undefined;
}

type Row = Omit<AndonCallsTable, 'id'> & { id: number };
const time = (v: number | null): number | null => (v === null ? null : Number(v));

function toCall(r: Row): AndonCall {
  return {
    id: `${PREFIX}${r.id}`, workCenterId: r.work_center_id, kind: r.kind as AndonKind, status: r.status as AndonStatus,
    equipmentId: r.equipment_id, operationId: r.operation_id, workOrderId: r.work_order_id, note: r.note,
    raisedAt: Number(r.raised_at), raisedBy: r.raised_by, acknowledgedAt: time(r.acknowledged_at), acknowledgedBy: r.acknowledged_by,
    resolvedAt: time(r.resolved_at), resolvedBy: r.resolved_by, resolution: r.resolution,
    cancelledAt: time(r.cancelled_at), cancelledBy: r.cancelled_by, cancelReason: r.cancel_reason,
    timeToAcknowledgeMs: time(r.time_to_acknowledge_ms), timeToResolveMs: time(r.time_to_resolve_ms),
  };
}

/** Raises a call and returns it with its generated id. */
export async function insertCall(db: Kysely<Database>, n: NewAndonCall): Promise<AndonCall> {
  const r = await andonDb(db)
    .insertInto('andon_calls')
    .values({
      work_center_id: n.workCenterId, kind: n.kind, status: 'open', equipment_id: n.equipmentId, operation_id: n.operationId, work_order_id: n.workOrderId,
      note: n.note, raised_at: n.raisedAt, raised_by: n.raisedBy, acknowledged_at: null, acknowledged_by: null, resolved_at: null, resolved_by: null,
      resolution: null, cancelled_at: null, cancelled_by: null, cancel_reason: null, time_to_acknowledge_ms: null, time_to_resolve_ms: null, closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return raisedCall(`${PREFIX}${r.id}`, n);
}

export async function findCall(db: Kysely<Database>, id: string): Promise<AndonCall | undefined> {
  const n = numberOf(id);
  if (n === undefined) return undefined;
  const r = await andonDb(db).selectFrom('andon_calls').selectAll().where('id', '=', n).executeTakeFirst();
  return r ? toCall(r) : undefined;
}

/** The active (open or acknowledged) call of a kind at a work center, if there is one. */
export async function activeCall(db: Kysely<Database>, workCenterId: string, kind: AndonKind): Promise<AndonCall | undefined> {
  const r = await andonDb(db).selectFrom('andon_calls').selectAll().where('work_center_id', '=', workCenterId).where('kind', '=', kind).where('closed_at', 'is', null).executeTakeFirst();
  return r ? toCall(r) : undefined;
}

/**
 * Writes a call's new state, guarded on the status it was read in: false when it changed meanwhile (another
 * responder was quicker), and nothing is written then.
 */
export async function saveTransition(db: Kysely<Database>, from: AndonStatus, call: AndonCall): Promise<boolean> {
  const n = numberOf(call.id);
  if (n === undefined) return false;
  const r = await andonDb(db)
    .updateTable('andon_calls')
    .set({
      status: call.status, acknowledged_at: call.acknowledgedAt, acknowledged_by: call.acknowledgedBy, resolved_at: call.resolvedAt, resolved_by: call.resolvedBy,
      resolution: call.resolution, cancelled_at: call.cancelledAt, cancelled_by: call.cancelledBy, cancel_reason: call.cancelReason,
      time_to_acknowledge_ms: call.timeToAcknowledgeMs, time_to_resolve_ms: call.timeToResolveMs, closed_at: call.resolvedAt ?? call.cancelledAt,
    })
    .where('id', '=', n)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface CallFilter {
  readonly statuses?: readonly AndonStatus[] | undefined;
  readonly workCenterId?: string | undefined;
  readonly kind?: AndonKind | undefined;
  /** Raised at or after `from`, before `to`. */
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  readonly limit: number;
}

/** Calls newest first, filtered. */
export async function listCalls(db: Kysely<Database>, f: CallFilter): Promise<AndonCall[]> {
  let q = andonDb(db).selectFrom('andon_calls').selectAll();
  if (f.statuses && f.statuses.length > 0) q = q.where('status', 'in', [...f.statuses]);
  if (f.workCenterId) q = q.where('work_center_id', '=', f.workCenterId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.from !== undefined) q = q.where('raised_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('raised_at', '<', f.to);
  return (await q.orderBy('raised_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute()).map(toCall);
}

/** Every active call, oldest first. */
export async function activeCalls(db: Kysely<Database>): Promise<AndonCall[]> {
  return (await andonDb(db).selectFrom('andon_calls').selectAll().where('closed_at', 'is', null).orderBy('raised_at').orderBy('id').execute()).map(toCall);
}

/** Per work center, the calls raised in [from, to): how many, how many were answered, and the sums of their response times. */
export async function periodTotals(db: Kysely<Database>, from: number, to: number): Promise<PeriodTotals[]> {
  const rows = await andonDb(db)
    .selectFrom('andon_calls')
    .select((eb) => [
      'work_center_id',
      eb.fn.countAll<number | string>().as('raised'),
      eb.fn.count<number | string>('time_to_acknowledge_ms').as('acknowledged'),
      eb.fn.count<number | string>('time_to_resolve_ms').as('resolved'),
      eb.fn.count<number | string>('cancelled_at').as('cancelled'),
      eb.fn.sum<number | string | null>('time_to_acknowledge_ms').as('ack_sum'),
      eb.fn.sum<number | string | null>('time_to_resolve_ms').as('resolve_sum'),
    ])
    .where('raised_at', '>=', from)
    .where('raised_at', '<', to)
    .groupBy('work_center_id')
    .execute();
  return rows.map((r) => ({
    workCenterId: r.work_center_id, raised: Number(r.raised), acknowledged: Number(r.acknowledged), resolved: Number(r.resolved), cancelled: Number(r.cancelled),
    acknowledgeMsSum: Number(r.ack_sum ?? 0), resolveMsSum: Number(r.resolve_sum ?? 0),
  }));
}
