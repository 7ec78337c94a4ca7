import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import { integrationDb } from '../integration.tables.js';

/** An inbound message Takt imported, with the answer it gave: the same message id again gets this answer. */
export interface ProcessedMessage {
  readonly messageId: string;
  readonly kind: string;
  readonly version: string;
  readonly status: number;
  readonly response: string;
  readonly commands: number;
  readonly actor: string;
  readonly receivedAt: number;
}

export async function findProcessedMessage(db: Kysely<Database>, messageId: string): Promise<ProcessedMessage | undefined> {
  const r = await integrationDb(db).selectFrom('b2mml_messages').selectAll().where('message_id', '=', messageId).executeTakeFirst();
  return r
    ? { messageId: r.message_id, kind: r.kind, version: r.version, status: r.status, response: r.response, commands: r.commands, actor: r.actor, receivedAt: r.received_at }
    : undefined;
}

/** Records the message; a second writer of the same id fails on the key (the caller answers with the first). */
export async function insertProcessedMessage(db: Kysely<Database>, m: ProcessedMessage): Promise<void> {
  await integrationDb(db)
    .insertInto('b2mml_messages')
    .values({ message_id: m.messageId, kind: m.kind, version: m.version, status: m.status, response: m.response, commands: m.commands, actor: m.actor, received_at: m.receivedAt })
    .execute();
}
