/**
 * The tables of the store, as Kysely sees them. Times are epoch milliseconds; booleans are 0/1 integers;
 * JSON columns hold text that is never queried by JSON operators (queried fields are columns of their own).
 */
import type { Generated } from 'kysely';
import type { EquipmentStatesTable, EquipmentCountsTable, EquipmentSettingsTable, EquipmentDayAccountsTable, DowntimeReasonsTable, SiteShiftsTable, MaintenancePlansTable, MaintenanceOrdersTable, CalibrationsTable, MachineMappingsTable, MachineSeriesTable, ProcessHistoryTable } from './schema-equipment.js';

export type * from './schema-equipment.js';

export interface SettingsTable { key: string; value: string }

export interface LeasesTable { name: string; owner: string; until: number }

export interface JournalTable {
  seq: number;
  at: number;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  data: string;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

export interface JournalHeadTable { id: number; seq: number; hash: string }

export interface IdempotencyTable {
  actor: string;
  key: string;
  request_hash: string;
  status: number;
  response: string;
  created_at: number;
}

export interface PeopleTable {
  id: string;
  name: string;
  password_hash: string | null;
  active: number;
  failed_logins: number;
  locked: number;
  password_changed_at: number | null;
  token_epoch: number;
  created_at: number;
  updated_at: number;
}

export interface PersonRolesTable { person_id: string; role: string }

export interface QualificationsTable { person_id: string; code: string; valid_until: number }

export type HierarchyLevel = 'site' | 'area' | 'work_center' | 'equipment';

export interface HierarchyTable {
  id: string;
  level: HierarchyLevel;
  name: string;
  parent_id: string | null;
  site_id: string | null;
  work_center_id: string | null;
  time_zone: string | null;
  ideal_cycle_time_sec: number | null;
  available: number;
  created_at: number;
  updated_at: number;
}

export interface MaterialsTable {
  id: string;
  name: string;
  uom: string;
  lot_controlled: number;
  shelf_life_days: number | null;
  created_at: number;
  updated_at: number;
}

export interface ProductRevisionsTable {
  material_id: string;
  revision: number;
  status: 'draft' | 'approved' | 'obsolete';
  bom: string;
  routing: string;
  created_at: number;
  created_by: string;
  approved_at: number | null;
  approved_by: string | null;
}

export interface WorkOrdersTable {
  id: string;
  material_id: string;
  revision: number;
  quantity: number;
  tolerance: number;
  status: string;
  priority: number;
  due_at: number | null;
  good: number;
  scrap: number;
  hold_reason: string | null;
  created_at: number;
  released_at: number | null;
  completed_at: number | null;
  version: number;
}

export interface OperationsTable {
  id: string;
  work_order_id: string;
  seq: number;
  name: string;
  work_center_id: string;
  qualification: string | null;
  ideal_cycle_time_sec: number | null;
  overlap: number;
  critical: number;
  instruction: string | null;
  inspections: string;
  status: string;
  equipment_id: string | null;
  good: number;
  scrap: number;
  started_at: number | null;
  started_by: string | null;
  completed_at: number | null;
  completed_by: string | null;
  version: number;
}

export interface OrderBomLinesTable {
  work_order_id: string;
  line: number;
  material_id: string;
  quantity: number;
  uom: string;
  operation_seq: number;
  tolerance: number;
}

export interface LotsTable {
  id: string;
  material_id: string;
  quantity: number;
  initial_quantity: number;
  status: string;
  expires_at: number | null;
  supplier_lot: string | null;
  work_order_id: string | null;
  created_at: number;
  version: number;
}

export interface ConsumptionsTable {
  id: Generated<number>;
  operation_id: string;
  work_order_id: string;
  lot_id: string;
  material_id: string;
  quantity: number;
  at: number;
  actor: string;
}

export interface ProductionsTable {
  id: Generated<number>;
  operation_id: string;
  work_order_id: string;
  lot_id: string;
  quantity: number;
  at: number;
  actor: string;
}

export interface OperationReportsTable {
  id: Generated<number>;
  operation_id: string;
  good: number;
  scrap: number;
  scrap_reason: string | null;
  at: number;
  actor: string;
}

export interface GenealogyEdgesTable {
  from_lot: string;
  to_lot: string;
  work_order_id: string;
  quantity: number;
  kind: 'consume' | 'split' | 'merge';
  at: number;
}

export interface LabourBookingsTable {
  id: Generated<number>;
  operation_id: string;
  work_order_id: string;
  person_id: string;
  on_at: number;
  on_by: string;
  off_at: number | null;
  off_by: string | null;
}

export interface RecordSignoffsTable {
  id: Generated<number>;
  work_order_id: string;
  kind: 'review' | 'release';
  first_seq: number;
  last_seq: number;
  last_hash: string;
  content_hash: string;
  at: number;
  actor: string;
  signature: string | null;
  /** Which events make up the record under the rules of its sign-off (RECORD_RULES when it was made). */
  rules: Generated<number>;
}

export interface SignaturesTable {
  id: string;
  at: number;
  action: string;
  entity: string;
  entity_id: string;
  record_hash: string;
  signer: string;
  printed_name: string;
  meaning: string;
  comment: string | null;
  witness_of: string | null;
  session_id: string | null;
}

export interface SignaturePoliciesTable {
  action: string;
  meanings: string;
  witness: number;
  updated_at: number;
  updated_by: string;
}

export interface Database {
  settings: SettingsTable;
  leases: LeasesTable;
  journal: JournalTable;
  journal_head: JournalHeadTable;
  idempotency: IdempotencyTable;
  people: PeopleTable;
  person_roles: PersonRolesTable;
  qualifications: QualificationsTable;
  hierarchy: HierarchyTable;
  materials: MaterialsTable;
  product_revisions: ProductRevisionsTable;
  work_orders: WorkOrdersTable;
  operations: OperationsTable;
  order_bom_lines: OrderBomLinesTable;
  lots: LotsTable;
  consumptions: ConsumptionsTable;
  productions: ProductionsTable;
  operation_reports: OperationReportsTable;
  genealogy_edges: GenealogyEdgesTable;
  equipment_states: EquipmentStatesTable;
  equipment_counts: EquipmentCountsTable;
  equipment_settings: EquipmentSettingsTable;
  equipment_day_accounts: EquipmentDayAccountsTable;
  downtime_reasons: DowntimeReasonsTable;
  site_shifts: SiteShiftsTable;
  maintenance_plans: MaintenancePlansTable;
  maintenance_orders: MaintenanceOrdersTable;
  calibrations: CalibrationsTable;
  signatures: SignaturesTable;
  signature_policies: SignaturePoliciesTable;
  labour_bookings: LabourBookingsTable;
  record_signoffs: RecordSignoffsTable;
  machine_mappings: MachineMappingsTable;
  machine_series: MachineSeriesTable;
  process_history: ProcessHistoryTable;
}
