import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';

/** A connection or a transaction: repositories and queries work on either. */
export type Db = Kysely<Database> | Transaction<Database>;
