/**
 * The equipment and machine-data tables of the store (see schema.ts, which re-exports them). Times are epoch
 * milliseconds; booleans are 0/1 integers.
 */
import type { Generated } from 'kysely';

export interface EquipmentStatesTable {
  equipment_id: string;
  from_at: number;
  to_at: number | null;
  state: string;
  reason: string | null;
  recorded_at: number;
  recorded_by: string;
}

export interface EquipmentCountsTable {
  equipment_id: string;
  at: number;
  total: number;
  reject: number;
  rework: number;
  source: string;
  recorded_by: string;
}

export interface EquipmentSettingsTable {
  equipment_id: string;
  micro_stop_threshold_sec: number;
  count_source: string;
  reason_required_for: string;
  history_revision: number;
  version: number;
  updated_at: number;
}

export interface EquipmentDayAccountsTable {
  equipment_id: string;
  day_start: number;
  day_end: number;
  fingerprint: string;
  revision: number;
  computed_at: number;
  shift_ms: number;
  break_ms: number;
  planned_state_ms: number;
  running_ms: number;
  idle_ms: number;
  setup_ms: number;
  breakdown_ms: number;
  micro_stop_ms: number;
  offline_ms: number;
  no_data_ms: number;
  breakdown_count: number;
  micro_stop_count: number;
  m_total_count: number;
  m_reject_count: number;
  m_rework_count: number;
  m_ideal_sec: number;
  m_ideal_reject_sec: number;
  m_reports: number;
  o_total_count: number;
  o_reject_count: number;
  o_rework_count: number;
  o_ideal_sec: number;
  o_ideal_reject_sec: number;
  o_reports: number;
}

export interface DowntimeReasonsTable {
  code: string;
  name: string;
  parent_code: string | null;
  planned: number;
  raises_maintenance_order: number;
  created_at: number;
  updated_at: number;
}

export interface SiteShiftsTable {
  site_id: string;
  code: string;
  start_time: string;
  end_time: string;
  days: string;
  breaks: string;
  created_at: number;
  updated_at: number;
}

export interface MaintenancePlansTable {
  equipment_id: string;
  code: string;
  name: string;
  basis: string;
  interval_value: number;
  lead_fraction: number;
  grace: number;
  last_done_at: number;
  created_at: number;
  updated_at: number;
}

export interface MaintenanceOrdersTable {
  id: string;
  equipment_id: string;
  kind: string;
  plan_code: string | null;
  reason: string | null;
  status: string;
  due_at: number | null;
  trigger_data: string;
  created_at: number;
  created_by: string;
  completed_at: number | null;
  completed_by: string | null;
  notes: string | null;
}

export interface CalibrationsTable {
  id: string;
  equipment_id: string;
  instrument_id: string | null;
  performed_at: number;
  due_at: number;
  passed: number;
  certificate: string | null;
  recorded_at: number;
  recorded_by: string;
}

export interface MachineMappingsTable {
  id: string;
  protocol: string;
  node: string;
  device: string;
  equipment_id: string;
  metrics: string;
  updated_at: number;
  updated_by: string;
}

export interface MachineSeriesTable {
  id: Generated<number>;
  protocol: string;
  node: string;
  device: string;
  metric: string;
  equipment_id: string | null;
  first_seen_at: number;
}

export interface ProcessHistoryTable {
  series_id: number;
  ts: number;
  value: number | null;
  text_value: string | null;
  flags: number;
}
