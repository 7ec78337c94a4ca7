import type { Kysely, Transaction } from 'kysely';
import { toEvent, type JournalEvent } from '../../../platform/journal/journal.repository.js';
import type { Database } from '../../../platform/store/schema.js';
import { bomOf, consumptionsOf, operationsOf, productionsOf } from '../../production/index.js';
import type { OrderSnapshot } from './batch-record.types.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The journal entity of a record's reviews, releases and their signatures. */
export const RECORD_ENTITY = 'batch-record';

/** Events found through another entity (an inspection, a nonconformance, a characteristic) that name the order in their data. */
const LINKED_ACTIONS = ['inspection.recorded', 'nonconformance.opened', 'nonconformance.dispositioned', 'spc.violation'];
const ANDON_ACTIONS = ['andon-call.raised', 'andon-call.acknowledged', 'andon-call.resolved', 'andon-call.cancelled'];

/** The order as created (from its `work-order.created` event and its operations); undefined when there is no such order. */
export async function loadSnapshot(db: Db, id: string): Promise<(OrderSnapshot & { createdSeq: number }) | undefined> {
  const created = await db.selectFrom('journal').selectAll().where('entity', '=', 'work-order').where('entity_id', '=', id).where('action', '=', 'work-order.created').orderBy('seq').executeTakeFirst();
  if (!created) return undefined;
  const e = toEvent(created);
  const ops = await operationsOf(db, id);
  const bom = await bomOf(db, id);
  return {
    id, createdSeq: e.seq, createdAt: e.at, materialId: String(e.data.materialId), revision: Number(e.data.revision), quantity: Number(e.data.quantity),
    tolerance: Number(e.data.tolerance ?? 0), dueAt: typeof e.data.dueAt === 'number' ? e.data.dueAt : null,
    operations: ops.map((o) => ({ id: o.id, seq: o.seq, name: o.name, workCenterId: o.workCenterId })),
    bom: bom.map((b) => ({ line: b.line, materialId: b.materialId, quantity: b.quantity, uom: b.uom, operationSeq: b.operationSeq, tolerance: b.tolerance })),
  };
}

async function byEntity(db: Db, entity: string, ids: readonly string[]): Promise<JournalEvent[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('journal').selectAll().where('entity', '=', entity).where('entity_id', 'in', [...ids]).orderBy('seq').execute();
  return rows.map(toEvent);
}

/**
 * Which events make up a batch record. 1: the order's own, its operations', its lots' that name it, its output lots'
 * later events, inspections, nonconformances and SPC signals that name it, its sign-offs. 2 adds the andon calls
 * raised on the order and what became of them, and the holds, rejections and releases of a lot it consumed that came
 * after its consumption (an input put on hold may have affected the batch). 3 takes in the same events and states
 * the yield: actual against theoretical, the output lots against the good reported, each BOM material reconciled,
 * with their discrepancies as exceptions (see the builder). A sign-off keeps the rules it was made under, and a
 * released record is rebuilt under its own.
 */
export const RECORD_RULES = 3;

const LOT_STATUS_ACTIONS = ['lot.held', 'lot.released', 'lot.rejected'];

/** The order's events under the current rules, and which of them only rules 2 and later take in. */
export interface OrderEvents {
  readonly events: readonly JournalEvent[];
  readonly since2: ReadonlySet<number>;
}

/** Every journal event of the order under the current rules (RECORD_RULES), in seq order, read once. */
export async function loadRecordEvents(db: Db, snapshot: OrderSnapshot & { createdSeq: number }): Promise<OrderEvents> {
  const id = snapshot.id;
  const consumed = [...new Set((await consumptionsOf(db, id)).map((c) => c.lot_id))];
  const produced = new Set((await productionsOf(db, id)).map((p) => p.lot_id));
  const linked = (await db.selectFrom('journal').selectAll().where('action', 'in', [...LINKED_ACTIONS, ...ANDON_ACTIONS]).where('seq', '>=', snapshot.createdSeq).orderBy('seq').execute())
    .map(toEvent)
    .filter((e) => e.data.workOrderId === id);
  const ofLots = await byEntity(db, 'lot', [...new Set([...consumed, ...produced])]);
  // A consumed lot's status changes once this order had consumed it (its first consumption by the order).
  const consumedAt = new Map<string, number>();
  for (const e of ofLots) if (e.action === 'lot.consumed' && e.data.workOrderId === id && !consumedAt.has(e.entityId)) consumedAt.set(e.entityId, e.seq);
  const inRules1 = (e: JournalEvent): boolean => e.data.workOrderId === id || (produced.has(e.entityId) && e.data.workOrderId === undefined);
  const inputStatus = (e: JournalEvent): boolean => LOT_STATUS_ACTIONS.includes(e.action) && e.seq > (consumedAt.get(e.entityId) ?? Number.POSITIVE_INFINITY);
  const lotEvents = ofLots.filter((e) => inRules1(e) || inputStatus(e));
  const since2 = new Set([...linked.filter((e) => ANDON_ACTIONS.includes(e.action)), ...lotEvents.filter((e) => !inRules1(e))].map((e) => e.seq));
  const all = [
    ...(await byEntity(db, 'work-order', [id])),
    ...(await byEntity(db, 'operation', snapshot.operations.map((o) => o.id))),
    ...(await byEntity(db, RECORD_ENTITY, [id])),
    ...lotEvents,
    ...linked,
  ];
  const unique = new Map(all.map((e) => [e.seq, e]));
  return { events: [...unique.values()].sort((a, b) => a.seq - b.seq), since2 };
}

/** The order's events as the given rules take them in. */
export function underRules(loaded: OrderEvents, rules: number): readonly JournalEvent[] {
  return rules >= 2 ? loaded.events : loaded.events.filter((e) => !loaded.since2.has(e.seq));
}

export interface Signoff {
  readonly kind: 'review' | 'release';
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly lastHash: string;
  readonly contentHash: string;
  readonly at: number;
  readonly actor: string;
  readonly signature: string | null;
  /** The record rules it was made under (RECORD_RULES). */
  readonly rules: number;
}

export async function signoffsOf(db: Db, workOrderId: string): Promise<Signoff[]> {
  const rows = await db.selectFrom('record_signoffs').selectAll().where('work_order_id', '=', workOrderId).orderBy('id').execute();
  return rows.map((r) => ({ kind: r.kind, firstSeq: r.first_seq, lastSeq: r.last_seq, lastHash: r.last_hash, contentHash: r.content_hash, at: r.at, actor: r.actor, signature: r.signature, rules: r.rules }));
}

/** Stores a sign-off; a second release of one order breaks the unique index and is refused by the caller's check first. */
export async function insertSignoff(db: Db, workOrderId: string, s: Signoff): Promise<void> {
  await db
    .insertInto('record_signoffs')
    .values({ work_order_id: workOrderId, kind: s.kind, first_seq: s.firstSeq, last_seq: s.lastSeq, last_hash: s.lastHash, content_hash: s.contentHash, at: s.at, actor: s.actor, signature: s.signature, rules: s.rules })
    .execute();
}
