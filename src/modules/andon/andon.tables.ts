import type { Generated, Kysely } from 'kysely';
import type { Database } from '../../platform/store/schema.js';

/** Rows of the andon module's table (migration 20261126-0014-andon). */
export type AndonCallsTable = {
  id: Generated<number>;
  work_center_id: string;
  kind: string;
  status: string;
  equipment_id: string | null;
  operation_id: string | null;
  work_order_id: string | null;
  note: string | null;
  raised_at: number;
  raised_by: string;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  resolved_at: number | null;
  resolved_by: string | null;
  resolution: string | null;
  cancelled_at: number | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  time_to_acknowledge_ms: number | null;
  time_to_resolve_ms: number | null;
  /** Null while the call is active; a unique index keeps one active call per work center and kind. */
  closed_at: number | null;
};

export type AndonTables = { andon_calls: AndonCallsTable };

/** The store's query builder (or a transaction of it) with this module's table known to the types. */
export function andonDb(db: Kysely<Database>): Kysely<Database & AndonTables> {
  return db.withTables<AndonTables>();
}
