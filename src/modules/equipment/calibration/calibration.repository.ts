import type { CalibrationRecord } from '../domain/index.js';
import { precompiled } from '../../../platform/store/precompiled.js';
import { mapRead, runRead, type StoreRead } from '../../../platform/store/read-together.js';
import type { Db } from '../shared/db.js';
import type { CalibrationsTable } from '../../../platform/store/schema.js';

/** A calibration as recorded: the domain record plus its certificate and who recorded it when. */
export interface StoredCalibration extends CalibrationRecord {
  readonly certificate: string | null;
  readonly recordedAt: number;
  readonly recordedBy: string;
}

function toCalibration(r: CalibrationsTable): StoredCalibration {
  return {
    id: r.id, equipmentId: r.equipment_id, ...(r.instrument_id !== null ? { instrumentId: r.instrument_id } : {}), calibratedAt: r.performed_at,
    dueAt: r.due_at, passed: r.passed === 1, certificate: r.certificate, recordedAt: r.recorded_at, recordedBy: r.recorded_by,
  };
}

const selectCalibrationsOf = precompiled((db, equipmentId: string) =>
  db.selectFrom('calibrations').selectAll().where('equipment_id', '=', equipmentId).orderBy('performed_at').orderBy('id'));

/** The calibrations of a piece of equipment, oldest first, as a read to run with others. */
export function calibrationsRead(equipmentId: string): StoreRead<StoredCalibration[]> {
  return mapRead(selectCalibrationsOf.read(equipmentId), (rows) => rows.map(toCalibration));
}

export async function calibrationsOf(db: Db, equipmentId: string): Promise<StoredCalibration[]> {
  return runRead(db, calibrationsRead(equipmentId));
}

export async function insertCalibration(db: Db, c: StoredCalibration): Promise<void> {
  await db
    .insertInto('calibrations')
    .values({
      id: c.id, equipment_id: c.equipmentId, instrument_id: c.instrumentId ?? null, performed_at: c.calibratedAt, due_at: c.dueAt,
      passed: c.passed === false ? 0 : 1, certificate: c.certificate, recorded_at: c.recordedAt, recorded_by: c.recordedBy,
    })
    .execute();
}
