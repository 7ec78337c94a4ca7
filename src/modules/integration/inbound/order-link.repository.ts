import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import { integrationDb } from '../integration.tables.js';

/** The ERP's identifiers of one operation of an imported order. */
export interface LinkedSegment {
  readonly seq: number;
  readonly segmentId: string | null;
  readonly processSegmentId: string | null;
}

/** What the ERP called an order Takt created from its message, echoed in the performance messages. */
export interface OrderLink {
  readonly workOrderId: string;
  readonly messageId: string;
  readonly version: string;
  readonly scheduleId: string | null;
  readonly senderLogicalId: string | null;
  readonly segments: readonly LinkedSegment[];
  readonly createdAt: number;
}

export async function findOrderLink(db: Kysely<Database>, workOrderId: string): Promise<OrderLink | undefined> {
  const r = await integrationDb(db).selectFrom('integration_order_links').selectAll().where('work_order_id', '=', workOrderId).executeTakeFirst();
  return r
    ? {
        workOrderId: r.work_order_id, messageId: r.message_id, version: r.version, scheduleId: r.schedule_id, senderLogicalId: r.sender_logical_id,
        segments: JSON.parse(r.segments) as LinkedSegment[], createdAt: r.created_at,
      }
    : undefined;
}

/** Links an order to the message that created it (the first message only). */
export async function insertOrderLink(db: Kysely<Database>, link: OrderLink): Promise<void> {
  await integrationDb(db)
    .insertInto('integration_order_links')
    .values({
      work_order_id: link.workOrderId, message_id: link.messageId, version: link.version, schedule_id: link.scheduleId,
      sender_logical_id: link.senderLogicalId, segments: JSON.stringify(link.segments), created_at: link.createdAt,
    })
    .onConflict((oc) => oc.column('work_order_id').doNothing())
    .execute();
}
