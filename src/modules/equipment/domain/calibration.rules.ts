import { violation, type Violation } from '../../../platform/errors/violation.js';

/**
 * A calibration of equipment (or of one of its instruments). The equipment is within calibration until `dueAt`
 * if the calibration passed; a failed calibration (`passed: false`) leaves it out of calibration at once.
 */
export type CalibrationRecord = {
  readonly id: string;
  readonly equipmentId: string;
  /** Instrument or characteristic calibrated; records without one belong to the equipment as a whole. */
  readonly instrumentId?: string;
  readonly calibratedAt: number;
  readonly dueAt: number;
  readonly passed?: boolean;
};

/** The latest calibration per instrument of `equipmentId` (by `calibratedAt`; older records are superseded). */
export const currentCalibrations = (
  equipmentId: string,
  calibrations: readonly CalibrationRecord[],
): CalibrationRecord[] => {
  const latest = new Map<string, CalibrationRecord>();
  for (const c of calibrations) {
    if (c.equipmentId !== equipmentId) continue;
    const key = c.instrumentId ?? '';
    const prev = latest.get(key);
    if (prev === undefined || c.calibratedAt > prev.calibratedAt) latest.set(key, c);
  }
  return [...latest.values()];
};

/**
 * One `CALIBRATION_EXPIRED` violation per instrument of the equipment whose current calibration is past due
 * (`dueAt <= now`) or failed. Details: equipmentId, calibrationId, instrumentId, dueAt, failed.
 */
export const calibrationValid = (ctx: {
  readonly equipmentId: string;
  readonly calibrations: readonly CalibrationRecord[];
  readonly now: number;
}): Violation[] =>
  currentCalibrations(ctx.equipmentId, ctx.calibrations)
    .filter((c) => c.passed === false || c.dueAt <= ctx.now)
    .map((c) =>
      violation(
        'CALIBRATION_EXPIRED',
        c.passed === false
          ? `calibration ${c.id} of equipment ${ctx.equipmentId} failed`
          : `calibration ${c.id} of equipment ${ctx.equipmentId} expired at ${new Date(c.dueAt).toISOString()}`,
        { details: { equipmentId: ctx.equipmentId, calibrationId: c.id, instrumentId: c.instrumentId ?? null, dueAt: c.dueAt, failed: c.passed === false } },
      ),
    );
