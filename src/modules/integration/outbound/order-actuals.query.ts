import type { Kysely } from 'kysely';
import { readJournal } from '../../../platform/journal/journal.repository.js';
import type { Database } from '../../../platform/store/schema.js';
import type { ActualState, ConsumedLotActual, OrderActuals, ProducedLotActual, ScrapActual, SegmentActuals } from '../b2mml/index.js';
import { findMaterials } from '../../product/index.js';
import { consumptionsOf, findOrder, operationsOf, productionsOf, type Operation, type OperationStatus, type OrderStatus } from '../../production/index.js';
import { findOrderLink, type LinkedSegment } from '../inbound/order-link.repository.js';

const ORDER_STATE: Readonly<Record<OrderStatus, ActualState>> = {
  created: 'waiting', released: 'ready', in_progress: 'running', on_hold: 'held', completed: 'completed', cancelled: 'aborted', closed: 'completed',
};
const OPERATION_STATE: Readonly<Record<OperationStatus, ActualState>> = { ready: 'ready', running: 'running', paused: 'paused', completed: 'completed' };

/** Scrap reports of one operation, from its journal events (each report carries its reason). */
async function scrapOf(db: Kysely<Database>, op: Operation, uom: string): Promise<ScrapActual[]> {
  const events = await readJournal(db, { entity: 'operation', entityId: op.id, limit: 5000 });
  return events
    .filter((e) => e.action === 'operation.reported' && typeof e.data.scrap === 'number' && e.data.scrap > 0)
    .map((e) => ({ quantity: e.data.scrap as number, uom, reason: typeof e.data.scrapReason === 'string' ? e.data.scrapReason : null }));
}

function sumBy<T>(items: readonly T[], key: (t: T) => string, quantity: (t: T) => number): Map<string, { first: T; quantity: number }> {
  const out = new Map<string, { first: T; quantity: number }>();
  for (const item of items) {
    const k = key(item);
    const entry = out.get(k) ?? { first: item, quantity: 0 };
    entry.quantity += quantity(item);
    out.set(k, entry);
  }
  return out;
}

function minOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length > 0 ? Math.min(...present) : null;
}

/**
 * What Takt reports to the ERP about one order, from the store: produced and consumed lots (summed per lot), the
 * scrap of every operation with its reason, the actual start (first operation started) and end (order completed),
 * the equipment each operation ran on, and the ERP's own ids when the order came in through B2MML.
 * Undefined when the order does not exist.
 */
export async function orderActuals(db: Kysely<Database>, orderId: string): Promise<OrderActuals | undefined> {
  const order = await findOrder(db, orderId);
  if (!order) return undefined;
  const [ops, consumptions, productions, link] = [await operationsOf(db, orderId), await consumptionsOf(db, orderId), await productionsOf(db, orderId), await findOrderLink(db, orderId)];
  const materials = await findMaterials(db, [order.materialId, ...consumptions.map((c) => c.material_id)]);
  const uomOf = (materialId: string): string => materials.get(materialId)?.uom ?? '';
  const uom = uomOf(order.materialId);
  const produced: ProducedLotActual[] = [...sumBy(productions, (p) => p.lot_id, (p) => p.quantity).values()].map((e) => ({ lotId: e.first.lot_id, quantity: e.quantity, uom }));
  const consumed: ConsumedLotActual[] = [...sumBy(consumptions, (c) => `${c.lot_id}\u0000${c.material_id}`, (c) => c.quantity).values()].map((e) => ({
    lotId: e.first.lot_id, materialId: e.first.material_id, quantity: e.quantity, uom: uomOf(e.first.material_id),
  }));
  const segmentsBySeq = new Map<number, LinkedSegment>((link?.segments ?? []).map((s) => [s.seq, s]));
  const segments: SegmentActuals[] = [];
  const scrap: ScrapActual[] = [];
  for (const op of ops) {
    const opScrap = await scrapOf(db, op, uom);
    scrap.push(...opScrap);
    const linked = segmentsBySeq.get(op.seq);
    segments.push({
      id: op.id, name: op.name, state: OPERATION_STATE[op.status], startedAt: op.startedAt, endedAt: op.completedAt,
      processSegmentId: linked?.processSegmentId ?? null, segmentRequirementId: linked?.segmentId ?? null,
      equipmentIds: op.equipmentId === null ? [] : [op.equipmentId], good: { quantity: op.good, uom }, scrap: opScrap,
    });
  }
  return {
    orderId: order.id, materialId: order.materialId, scheduleId: link?.scheduleId ?? null, state: ORDER_STATE[order.status],
    startedAt: minOf(ops.map((o) => o.startedAt)), endedAt: order.completedAt, produced, consumed, scrap,
    equipmentIds: [...new Set(ops.flatMap((o) => (o.equipmentId === null ? [] : [o.equipmentId])))], segments,
  };
}

/** The receiver of an order's performance message: the system that sent the order, when it named itself. */
export async function performanceReceiver(db: Kysely<Database>, orderId: string): Promise<string | null> {
  return (await findOrderLink(db, orderId))?.senderLogicalId ?? null;
}
