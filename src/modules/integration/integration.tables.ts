import type { Kysely } from 'kysely';
import type { Database } from '../../platform/store/schema.js';

/** Rows of the integration module's own tables (migration 20261126-0005-integration). */
export type B2mmlMessagesTable = {
  message_id: string;
  kind: string;
  version: string;
  status: number;
  response: string;
  commands: number;
  actor: string;
  received_at: number;
};

export type IntegrationOrderLinksTable = {
  work_order_id: string;
  message_id: string;
  version: string;
  schedule_id: string | null;
  sender_logical_id: string | null;
  /** JSON text: `[{seq, segmentId, processSegmentId}]`, read in the application (portable SQL, no JSON operators). */
  segments: string;
  created_at: number;
};

export type IntegrationSubscriptionsTable = {
  id: string;
  kind: string;
  target: string;
  /** JSON text: the event types, or `["*"]`. */
  events: string;
  format: string;
  secret: string | null;
  last_seq: number;
  created_at: number;
  created_by: string;
  deleted_at: number | null;
};

export type IntegrationDeliveriesTable = {
  id: string;
  subscription_id: string;
  seq: number;
  event_type: string;
  entity_id: string;
  content_type: string;
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: number;
  lease_owner: string | null;
  lease_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  delivered_at: number | null;
};

export type IntegrationTables = {
  b2mml_messages: B2mmlMessagesTable;
  integration_order_links: IntegrationOrderLinksTable;
  integration_subscriptions: IntegrationSubscriptionsTable;
  integration_deliveries: IntegrationDeliveriesTable;
};

/** The store's query builder (or a transaction of it) with this module's tables known to the types. */
export function integrationDb(db: Kysely<Database>): Kysely<Database & IntegrationTables> {
  return db.withTables<IntegrationTables>();
}
