import type { Kysely } from 'kysely';
import type { JournalEvent } from '../../../platform/journal/journal.repository.js';
import type { Database } from '../../../platform/store/schema.js';
import { presentEvent } from '../../compliance/index.js';
import { performanceMessage } from '../outbound/performance-message.builder.js';
import { PERFORMANCE_EVENT, type DeliveryFormat } from './subscription.types.js';

export interface Payload {
  readonly contentType: string;
  readonly body: string;
}

/**
 * The message a subscriber of `format` gets for an event, carrying its message id inside too (for channels without
 * headers): `json` is the journal event as the API shows it plus `messageId`; the B2MML formats are the performance
 * message of the completed order with the message id as its BODID. Null when the format has no message for the event.
 */
export async function buildPayload(db: Kysely<Database>, event: JournalEvent, format: DeliveryFormat, messageId: string): Promise<Payload | null> {
  if (format === 'json') {
    return { contentType: 'application/json', body: JSON.stringify({ messageId, ...presentEvent(event) }) };
  }
  if (event.action !== PERFORMANCE_EVENT) return null;
  const xml = await performanceMessage(db, event.entityId, format, { bodId: messageId, createdAt: event.at });
  return xml === undefined ? null : { contentType: 'application/xml', body: xml };
}
