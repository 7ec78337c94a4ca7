import { randomUUID } from 'node:crypto';
import { command } from '../../../platform/commands/command.js';
import { refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { iso } from '../../../platform/http/time.js';
import { requireEquipment } from '../shared/equipment-node.js';
import { insertCalibration, type StoredCalibration } from './calibration.repository.js';

export interface RecordCalibration {
  readonly equipmentId: string;
  readonly performedAt: number;
  readonly dueAt: number;
  readonly result: 'pass' | 'fail';
  readonly certificate?: string | undefined;
  readonly instrumentId?: string | undefined;
}

/** A calibration as the API answers it. */
export function presentCalibration(c: StoredCalibration) {
  return {
    id: c.id, equipmentId: c.equipmentId, instrumentId: c.instrumentId ?? null, performedAt: iso(c.calibratedAt), dueAt: iso(c.dueAt),
    result: c.passed === false ? 'fail' : 'pass', certificate: c.certificate, recordedAt: iso(c.recordedAt), recordedBy: c.recordedBy,
  };
}

/**
 * Records a calibration of a piece of equipment (or one of its instruments). The latest calibration per instrument
 * is the one in force: a failed one, or one past `dueAt`, makes execution refuse the equipment with
 * `CALIBRATION_EXPIRED`. `performedAt` not in the future and `dueAt` after it (400 naming the field).
 * Journaled as `calibration.recorded`; a record is never edited, a correction is a new record.
 */
export const recordCalibration = command('calibration.record', async (ctx, cmd: RecordCalibration) => {
  await requireEquipment(ctx.tx, cmd.equipmentId);
  refuseIfAny([
    ...(cmd.performedAt > ctx.now ? [violation('INVALID_FIELD', 'performedAt lies in the future', { field: 'performedAt' })] : []),
    ...(cmd.dueAt <= cmd.performedAt ? [violation('INVALID_FIELD', 'dueAt must lie after performedAt', { field: 'dueAt' })] : []),
  ]);
  const record: StoredCalibration = {
    id: randomUUID(), equipmentId: cmd.equipmentId, ...(cmd.instrumentId !== undefined ? { instrumentId: cmd.instrumentId } : {}),
    calibratedAt: cmd.performedAt, dueAt: cmd.dueAt, passed: cmd.result === 'pass', certificate: cmd.certificate ?? null,
    recordedAt: ctx.now, recordedBy: ctx.actor.username,
  };
  await insertCalibration(ctx.tx, record);
  const presented = presentCalibration(record);
  ctx.record({ action: 'calibration.recorded', entity: 'calibration', entityId: record.id, data: presented });
  return presented;
});
