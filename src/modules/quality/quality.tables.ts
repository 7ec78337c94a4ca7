import type { Generated, Kysely } from 'kysely';
import type { Database } from '../../platform/store/schema.js';

/** Rows of the quality module's own tables (migration 20261126-0006-quality). */
export type InspectionResultsTable = {
  id: Generated<number>;
  /** One id per recorded inspection (one call): its values form a subgroup. */
  inspection_id: string;
  /** 0-based place of the value within its inspection. */
  position: number;
  characteristic_code: string;
  operation_id: string;
  work_order_id: string;
  lot_id: string | null;
  /** The measured value of a variable characteristic; null for an attribute (pass/fail) result. */
  value: number | null;
  in_spec: number;
  /** The specification limits the value was judged against, as they stood then. */
  lsl: number | null;
  usl: number | null;
  at: number;
  actor: string;
};

export type NonconformancesTable = {
  id: Generated<number>;
  status: string;
  inspection_id: string;
  characteristic_code: string;
  operation_id: string;
  work_order_id: string;
  lot_id: string | null;
  /** 1 when opening this nonconformance put the order on hold (a disposition may then release it). */
  order_held: number;
  lot_held: number;
  description: string;
  /** JSON text: the values judged out of specification and the limits, read in the application. */
  findings: string;
  opened_at: number;
  opened_by: string;
  decision: string | null;
  decision_reason: string | null;
  decided_at: number | null;
  decided_by: string | null;
  version: number;
};

export type ControlLimitsTable = {
  characteristic_code: string;
  chart: string;
  center: number;
  sigma: number;
  rules: string;
  source: string;
  baseline_from: number | null;
  baseline_to: number | null;
  set_at: number;
  set_by: string;
};

export type QualityTables = {
  inspection_results: InspectionResultsTable;
  nonconformances: NonconformancesTable;
  control_limits: ControlLimitsTable;
};

export type QualityDb = Kysely<Database & QualityTables>;

/** The store's query builder (or a transaction of it) with this module's tables known to the types. */
export function qualityDb(db: Kysely<Database>): QualityDb {
  return db.withTables<QualityTables>();
}
