import { DEFAULT_REASON_REQUIRED_FOR, isEquipmentState, type EquipmentState } from '../domain/index.js';
import { precompiled } from '../../../platform/store/precompiled.js';
import { mapRead, type StoreRead } from '../../../platform/store/read-together.js';
import type { Db } from '../shared/db.js';
import type { EquipmentSettingsTable } from '../../../platform/store/schema.js';

/**
 * Which counts the performance figures of a piece of equipment use:
 * - `machine`: the counts the machine reported (source `machine`);
 * - `operator`: what people reported (execution's good/scrap reports, and counts posted with source `operator`);
 * - `auto` (default): the machine's counts in any window where the machine reported at least one, else the
 *   operators'. Never both: a connected machine and an operator counting the same units would count them twice.
 */
export const COUNT_SOURCES = ['auto', 'machine', 'operator'] as const;

/** One of {@link COUNT_SOURCES}. */
export type CountSource = (typeof COUNT_SOURCES)[number];

/** Per-equipment settings of the performance figures and the state model. */
export interface EquipmentSettings {
  readonly equipmentId: string;
  /** `down` stops shorter than this are micro-stops (0: none). */
  readonly microStopThresholdSec: number;
  readonly countSource: CountSource;
  /** States that need a reason code (default none: a stop without a reason is an unassigned stop). */
  readonly reasonRequiredFor: readonly EquipmentState[];
}

/** The settings of equipment that has none stored. */
export function defaultSettings(equipmentId: string): EquipmentSettings {
  return { equipmentId, microStopThresholdSec: 0, countSource: 'auto', reasonRequiredFor: DEFAULT_REASON_REQUIRED_FOR };
}

function toSettings(r: EquipmentSettingsTable): EquipmentSettings {
  return {
    equipmentId: r.equipment_id,
    microStopThresholdSec: r.micro_stop_threshold_sec,
    countSource: (COUNT_SOURCES as readonly string[]).includes(r.count_source) ? (r.count_source as CountSource) : 'auto',
    reasonRequiredFor: r.reason_required_for.split(',').filter(isEquipmentState),
  };
}

/**
 * Takes the equipment's row lock for the rest of the transaction (a guarded no-op update, created on first use) and
 * returns its settings. Commands changing the state history of one piece of equipment then run one after the
 * other on PostgreSQL too, so two events can never cut the same interval at once.
 */
export async function lockEquipment(db: Db, equipmentId: string, now: number): Promise<EquipmentSettings> {
  await db
    .insertInto('equipment_settings')
    .values({
      equipment_id: equipmentId, micro_stop_threshold_sec: 0, count_source: 'auto', reason_required_for: defaultSettings(equipmentId).reasonRequiredFor.join(','),
      history_revision: 0, version: 0, updated_at: now,
    })
    .onConflict((oc) => oc.column('equipment_id').doNothing())
    .execute();
  await db.updateTable('equipment_settings').set((eb) => ({ version: eb('version', '+', 1) })).where('equipment_id', '=', equipmentId).execute();
  const row = await db.selectFrom('equipment_settings').selectAll().where('equipment_id', '=', equipmentId).executeTakeFirstOrThrow();
  return toSettings(row);
}

const selectSettings = precompiled((db, equipmentId: string) => db.selectFrom('equipment_settings').selectAll().where('equipment_id', '=', equipmentId));

/** Settings of one piece of equipment (defaults where none are stored), as a read to run with others. */
export function settingsRead(equipmentId: string): StoreRead<EquipmentSettings> {
  return mapRead(selectSettings.read(equipmentId), ([r]) => (r ? toSettings(r) : defaultSettings(equipmentId)));
}

/** Settings of each of the equipment (defaults where none are stored). */
export async function settingsOf(db: Db, equipmentIds: readonly string[]): Promise<Map<string, EquipmentSettings>> {
  const out = new Map(equipmentIds.map((id) => [id, defaultSettings(id)]));
  for (let i = 0; i < equipmentIds.length; i += 500) {
    const rows = await db.selectFrom('equipment_settings').selectAll().where('equipment_id', 'in', equipmentIds.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.equipment_id, toSettings(r));
  }
  return out;
}

/** Stores the settings (the row exists: callers lock first). */
export async function saveSettings(db: Db, s: EquipmentSettings, now: number): Promise<void> {
  await db
    .updateTable('equipment_settings')
    .set({ micro_stop_threshold_sec: s.microStopThresholdSec, count_source: s.countSource, reason_required_for: s.reasonRequiredFor.join(','), updated_at: now })
    .where('equipment_id', '=', s.equipmentId)
    .execute();
}

/** The equipment's history revision: it moves whenever its past changes (late state events, late counts). */
export async function historyRevisions(db: Db, equipmentIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map(equipmentIds.map((id) => [id, 0]));
  for (let i = 0; i < equipmentIds.length; i += 500) {
    const rows = await db.selectFrom('equipment_settings').select(['equipment_id', 'history_revision']).where('equipment_id', 'in', equipmentIds.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.equipment_id, r.history_revision);
  }
  return out;
}

/**
 * Moves the history revision: every cached day account of the equipment stops being valid (see the day-account
 * cache). Called when a write changes a past that may already be summarised.
 */
export async function bumpHistoryRevision(db: Db, equipmentId: string, now: number): Promise<void> {
  await db
    .insertInto('equipment_settings')
    .values({
      equipment_id: equipmentId, micro_stop_threshold_sec: 0, count_source: 'auto', reason_required_for: defaultSettings(equipmentId).reasonRequiredFor.join(','),
      history_revision: 1, version: 0, updated_at: now,
    })
    .onConflict((oc) => oc.column('equipment_id').doUpdateSet((eb) => ({ history_revision: eb('equipment_settings.history_revision', '+', 1) })))
    .execute();
}
