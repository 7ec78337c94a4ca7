import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** The hash of the empty chain: what the first event names as its predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a journal event that its hash covers (all of them but the hash itself). */
export interface HashedEvent {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  /** The event's data as stored: canonical JSON text. */
  readonly data: string;
  readonly reason: string | null;
  readonly prevHash: string;
}

/** SHA-256 (hex) over the canonical serialisation of every field of the event, the previous hash included. */
export function eventHash(e: HashedEvent): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        seq: e.seq,
        at: e.at,
        actor: e.actor,
        action: e.action,
        entity: e.entity,
        entityId: e.entityId,
        data: e.data,
        reason: e.reason,
        prevHash: e.prevHash,
      }),
    )
    .digest('hex');
}
