import type { Kysely } from 'kysely';
import { verifyJournal } from '../../../src/platform/journal/journal.repository.js';
import type { Database } from '../../../src/platform/store/schema.js';
import type { AckLine } from '../load-generator.js';

const EPS = 1e-9;
const near = (a: number, b: number): boolean => Math.abs(a - b) < EPS;
const sumBy = <T>(rows: readonly T[], key: (r: T) => string, value: (r: T) => number): Map<string, number> => {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + value(r));
  return m;
};

interface JournalRow {
  readonly action: string;
  readonly entity_id: string;
  readonly data: string;
}

/** What a journal event must say for an acknowledged command: its action, entity and a field of its data. */
function journalMatch(ack: AckLine): { action: string; entityId: string; matches: (data: Record<string, any>) => boolean } { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = ack.response;
  switch (ack.kind) {
    case 'start':
      return { action: 'operation.started', entityId: ack.operationId, matches: () => true };
    case 'complete':
      return { action: 'operation.completed', entityId: ack.operationId, matches: () => true };
    case 'consume':
      return { action: 'lot.consumed', entityId: r.lotId, matches: (d) => d.operationId === ack.operationId && near(d.changes?.quantity?.after, r.lotRemaining) };
    case 'report':
      return { action: 'operation.reported', entityId: ack.operationId, matches: (d) => near(d.changes?.good?.after, r.good) };
    case 'produce':
      return { action: 'lot.produced', entityId: r.lot.id, matches: (d) => d.operationId === ack.operationId && near(d.total, r.lot.quantity) };
  }
}

/**
 * Every acknowledged command of the log is in the store: its journal event (matched on what only that command's
 * event says: the lot's quantity after it, the operation's good after it) and its idempotency record. Returns the
 * problems found, empty when none.
 */
export async function missingAcknowledged(db: Kysely<Database>, acks: readonly AckLine[], actor: string): Promise<string[]> {
  const problems: string[] = [];
  const events = (await db.selectFrom('journal').select(['action', 'entity_id', 'data']).execute()) as JournalRow[];
  const byKey = new Map<string, Record<string, unknown>[]>();
  for (const e of events) {
    const k = `${e.action} ${e.entity_id}`;
    byKey.set(k, [...(byKey.get(k) ?? []), JSON.parse(e.data) as Record<string, unknown>]);
  }
  const keys = new Set((await db.selectFrom('idempotency').select('key').where('actor', '=', actor).execute()).map((r) => r.key));
  for (const ack of acks.filter((a) => a.status < 300)) {
    const want = journalMatch(ack);
    if (!(byKey.get(`${want.action} ${want.entityId}`) ?? []).some(want.matches)) problems.push(`acknowledged ${ack.key} (${want.action} ${want.entityId}) has no journal event`);
    if (!keys.has(ack.key)) problems.push(`acknowledged ${ack.key} has no idempotency record`);
  }
  return problems;
}

/**
 * No partial command anywhere in the store, whatever was acknowledged: every raw lot's decrement equals its
 * consumptions and its journaled consumptions, never below zero; output lots equal their productions; operations'
 * good equals their reports and journaled reports; each journal action count equals its rows; every genealogy edge
 * of an order carries exactly what the order consumed of its source lot, one edge per consumed lot and output lot;
 * the hash chain verifies.
 */
export async function partialCommands(db: Kysely<Database>): Promise<string[]> {
  const problems: string[] = [];
  const lots = await db.selectFrom('lots').select(['id', 'quantity', 'initial_quantity', 'work_order_id']).execute();
  const consumptions = await db.selectFrom('consumptions').select(['lot_id', 'work_order_id', 'quantity']).execute();
  const productions = await db.selectFrom('productions').select(['lot_id', 'quantity']).execute();
  const reports = await db.selectFrom('operation_reports').select(['operation_id', 'good']).execute();
  const ops = await db.selectFrom('operations').select(['id', 'good', 'status']).execute();
  const edges = await db.selectFrom('genealogy_edges').select(['from_lot', 'to_lot', 'work_order_id', 'quantity']).where('kind', '=', 'consume').execute();
  const events = (await db.selectFrom('journal').select(['action', 'entity_id', 'data']).execute()) as JournalRow[];
  const of = (action: string) => events.filter((e) => e.action === action).map((e) => ({ id: e.entity_id, data: JSON.parse(e.data) as Record<string, number> }));

  const consumedByLot = sumBy(consumptions, (c) => c.lot_id, (c) => c.quantity);
  const journaledByLot = sumBy(of('lot.consumed'), (e) => e.id, (e) => e.data.quantity ?? 0);
  const producedByLot = sumBy(productions, (p) => p.lot_id, (p) => p.quantity);
  const journaledProduced = sumBy(of('lot.produced'), (e) => e.id, (e) => e.data.quantity ?? 0);
  for (const lot of lots) {
    if (lot.quantity < -EPS) problems.push(`lot ${lot.id} is negative: ${lot.quantity}`);
    const consumed = consumedByLot.get(lot.id) ?? 0;
    if (!near(consumed, journaledByLot.get(lot.id) ?? 0)) problems.push(`lot ${lot.id}: consumptions ${consumed} but journal ${journaledByLot.get(lot.id) ?? 0}`);
    if (lot.work_order_id === null && !near(lot.initial_quantity - lot.quantity, consumed)) problems.push(`lot ${lot.id}: decremented by ${lot.initial_quantity - lot.quantity} but consumed ${consumed}`);
    if (lot.work_order_id !== null) {
      const produced = producedByLot.get(lot.id) ?? 0;
      if (!near(lot.quantity + consumed, produced)) problems.push(`output lot ${lot.id}: holds ${lot.quantity} (+${consumed} consumed) but ${produced} produced`);
      if (!near(produced, journaledProduced.get(lot.id) ?? 0)) problems.push(`output lot ${lot.id}: produced ${produced} but journal ${journaledProduced.get(lot.id) ?? 0}`);
    }
  }
  const reportedByOp = sumBy(reports, (r) => r.operation_id, (r) => r.good);
  const journaledByOp = sumBy(of('operation.reported'), (e) => e.id, (e) => e.data.good ?? 0);
  for (const op of ops) {
    if (!near(op.good, reportedByOp.get(op.id) ?? 0)) problems.push(`operation ${op.id}: good ${op.good} but reports ${reportedByOp.get(op.id) ?? 0}`);
    if (!near(op.good, journaledByOp.get(op.id) ?? 0)) problems.push(`operation ${op.id}: good ${op.good} but journal ${journaledByOp.get(op.id) ?? 0}`);
  }
  const counts: [string, number][] = [['lot.consumed', consumptions.length], ['lot.produced', productions.length], ['operation.reported', reports.length]];
  for (const [action, rows] of counts) if (of(action).length !== rows) problems.push(`${of(action).length} ${action} events but ${rows} rows`);
  const completedOps = ops.filter((o) => o.status === 'completed').length;
  if (of('operation.completed').length !== completedOps) problems.push(`${of('operation.completed').length} operation.completed events but ${completedOps} completed operations`);

  // Edges: for each order, every consumed lot × every output lot, each carrying the order's whole consumption of it.
  const consumedInOrder = sumBy(consumptions, (c) => `${c.work_order_id} ${c.lot_id}`, (c) => c.quantity);
  const outputs = lots.filter((l) => l.work_order_id !== null);
  const expected = new Map<string, number>();
  for (const [k, q] of consumedInOrder) {
    const [order, from] = k.split(' ') as [string, string];
    for (const out of outputs.filter((o) => o.work_order_id === order)) expected.set(`${from} ${out.id} ${order}`, q);
  }
  const actual = new Map(edges.map((e) => [`${e.from_lot} ${e.to_lot} ${e.work_order_id}`, e.quantity]));
  for (const [k, q] of expected) if (!near(actual.get(k) ?? NaN, q)) problems.push(`edge ${k}: ${actual.get(k) ?? 'missing'}, consumed ${q}`);
  for (const k of actual.keys()) if (!expected.has(k)) problems.push(`edge ${k} without a consumption`);

  const chain = await verifyJournal(db);
  if (!chain.ok) problems.push(`journal chain broken at seq ${chain.brokenAt}`);
  return problems;
}
