import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A stored electronic signature: who (printed name), when, what it means, and the hash of the record it signed. */
export interface SignatureRecord {
  readonly id: string;
  readonly at: number;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly recordHash: string;
  readonly signer: string;
  readonly printedName: string;
  readonly meaning: string;
  readonly comment: string | null;
  /** The signature this one witnessed, for a witness signature. */
  readonly witnessOf: string | null;
}

export async function insertSignature(db: Db, s: SignatureRecord, session: string | null): Promise<void> {
  await db
    .insertInto('signatures')
    .values({
      id: s.id, at: s.at, action: s.action, entity: s.entity, entity_id: s.entityId, record_hash: s.recordHash, signer: s.signer,
      printed_name: s.printedName, meaning: s.meaning, comment: s.comment, witness_of: s.witnessOf, session_id: session,
    })
    .execute();
}

/** Every signature of a record, oldest first. */
export async function signaturesOf(db: Db, entity: string, entityId: string): Promise<SignatureRecord[]> {
  const rows = await db
    .selectFrom('signatures').selectAll().where('entity', '=', entity).where('entity_id', '=', entityId)
    .orderBy('at')
    // A witness signature comes right after the signature it witnessed (they share their time).
    .orderBy(sql`case when witness_of is null then id else witness_of end`)
    .orderBy(sql`case when witness_of is null then 0 else 1 end`)
    .execute();
  return rows.map((r) => ({
    id: r.id, at: r.at, action: r.action, entity: r.entity, entityId: r.entity_id, recordHash: r.record_hash, signer: r.signer,
    printedName: r.printed_name, meaning: r.meaning, comment: r.comment, witnessOf: r.witness_of,
  }));
}

/** True once the person has signed in this login session (later signings may then leave the username out). */
export async function signedInSession(db: Db, session: string, signer: string): Promise<boolean> {
  const row = await db.selectFrom('signatures').select('id').where('session_id', '=', session).where('signer', '=', signer).limit(1).executeTakeFirst();
  return row !== undefined;
}
