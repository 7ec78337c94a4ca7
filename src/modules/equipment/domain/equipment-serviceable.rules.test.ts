import { describe, expect, it } from 'vitest';
import { calibrationValid, currentCalibrations, type CalibrationRecord } from './calibration.rules.js';
import { equipmentServiceable } from './equipment-serviceable.rules.js';
import type { MaintenancePlan } from './maintenance-due.rules.js';

const DAY = 86_400_000;
const now = 100 * DAY;
const cal = (over: Partial<CalibrationRecord>): CalibrationRecord => ({ id: 'C', equipmentId: 'E', calibratedAt: 0, dueAt: 365 * DAY, ...over });

describe('calibration', () => {
  it('keeps only the latest calibration per instrument', () => {
    const records = [cal({ id: 'old', dueAt: 10 * DAY }), cal({ id: 'new', calibratedAt: 50 * DAY }), cal({ id: 'other', equipmentId: 'X' })];
    expect(currentCalibrations('E', records).map((c) => c.id)).toEqual(['new']);
    expect(calibrationValid({ equipmentId: 'E', calibrations: records, now })).toEqual([]);
  });

  it('reports an expired or failed calibration with details', () => {
    const records = [cal({ id: 'gauge', instrumentId: 'G1', dueAt: now }), cal({ id: 'scale', instrumentId: 'S1', passed: false })];
    const v = calibrationValid({ equipmentId: 'E', calibrations: records, now });
    expect(v.map((x) => [x.code, x.details?.['calibrationId'], x.details?.['failed']])).toEqual([
      ['CALIBRATION_EXPIRED', 'gauge', false],
      ['CALIBRATION_EXPIRED', 'scale', true],
    ]);
  });
});

describe('equipmentServiceable', () => {
  const plans: MaintenancePlan[] = [
    { id: 'MONTHLY', equipmentId: 'E', every: { days: 30 }, lastDone: { at: 60 * DAY } }, // 40 days ago: overdue
    { id: 'OIL', equipmentId: 'E', every: { runHours: 500 }, lastDone: { at: 0, runHours: 1_000 } }, // 450 h since
    { id: 'TOOL', equipmentId: 'E', every: { cycles: 50_000 }, lastDone: { at: 0, cycles: 100_000 } }, // 60 000 since
    { id: 'OTHER', equipmentId: 'X', every: { days: 1 }, lastDone: { at: 0 } },
  ];

  it('returns every reason the equipment may not be used, with stable codes and details', () => {
    const v = equipmentServiceable({
      equipment: { id: 'E', meters: { runHours: 1_450, cycles: 160_000 } },
      plans,
      calibrations: [cal({ dueAt: now - 1 })],
      now,
    });
    expect(v.map((x) => [x.code, x.details?.['planId'] ?? x.details?.['calibrationId']])).toEqual([
      ['MAINTENANCE_OVERDUE', 'MONTHLY'],
      ['MAINTENANCE_OVERDUE', 'TOOL'],
      ['CALIBRATION_EXPIRED', 'C'],
    ]);
    expect(v[0]?.details).toMatchObject({ basis: 'days', interval: 30, used: 40, overdueBy: 10, dueAt: 90 * DAY });
    expect(v[1]?.details).toMatchObject({ basis: 'cycles', used: 60_000, overdueBy: 10_000 });
  });

  it('returns nothing for serviceable equipment and cannot judge meter plans without meters', () => {
    const fresh = plans.map((p) => ({ ...p, lastDone: { ...p.lastDone, at: now - DAY } }));
    expect(equipmentServiceable({ equipment: { id: 'E' }, plans: fresh, calibrations: [], now })).toEqual([]);
  });
});
