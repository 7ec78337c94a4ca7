import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import { writeOperationsPerformance, writeProductionPerformance, type InstantInput, type OrderActuals } from '../b2mml/index.js';
import { orderActuals, performanceReceiver } from './order-actuals.query.js';

/** The B2MML releases Takt reports performance in: ProductionPerformance (V0600), OperationsPerformance (V0701). */
export type PerformanceFormat = 'b2mml-v0600' | 'b2mml-v0701';

export function writePerformance(actuals: OrderActuals, format: PerformanceFormat, header: { bodId: string; createdAt: InstantInput; receiverLogicalId: string | null }): string {
  const options = { bodId: header.bodId, createdAt: header.createdAt, receiverLogicalId: header.receiverLogicalId, verb: 'Process' as const };
  return format === 'b2mml-v0600' ? writeProductionPerformance(actuals, options) : writeOperationsPerformance(actuals, options);
}

/**
 * The performance message of one order as it stands in the store, with the given BODID (the outbox passes the
 * delivery's message id, so every attempt carries the same one), addressed to the system that sent the order.
 * Undefined when the order does not exist.
 */
export async function performanceMessage(
  db: Kysely<Database>,
  orderId: string,
  format: PerformanceFormat,
  header: { bodId: string; createdAt: InstantInput },
): Promise<string | undefined> {
  const actuals = await orderActuals(db, orderId);
  if (!actuals) return undefined;
  return writePerformance(actuals, format, { ...header, receiverLogicalId: await performanceReceiver(db, orderId) });
}
