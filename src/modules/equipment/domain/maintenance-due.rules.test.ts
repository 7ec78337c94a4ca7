import { describe, expect, it } from 'vitest';
import { maintenanceDue, maintenancePlanStatus, type MaintenancePlan } from './maintenance-due.rules.js';

const DAY = 86_400_000;
const plan = (over: Partial<MaintenancePlan>): MaintenancePlan => ({ id: 'P', equipmentId: 'E', every: { days: 30 }, lastDone: { at: 0 }, ...over });

describe('maintenancePlanStatus', () => {
  it('is ok before the lead window, due inside it, overdue at the limit', () => {
    expect(maintenancePlanStatus(plan({}), { now: 26 * DAY }).status).toBe('ok');
    expect(maintenancePlanStatus(plan({}), { now: 27 * DAY }).status).toBe('due'); // 10 % of 30 days before
    const over = maintenancePlanStatus(plan({}), { now: 31 * DAY });
    expect(over).toMatchObject({ status: 'overdue', basis: 'days', interval: 30, used: 31, remaining: -1, dueAt: 30 * DAY });
  });

  it('stays due within the grace period', () => {
    expect(maintenancePlanStatus(plan({ grace: 2 }), { now: 31 * DAY }).status).toBe('due');
    expect(maintenancePlanStatus(plan({ grace: 2 }), { now: 32 * DAY }).status).toBe('overdue');
  });

  it('measures run-hour and cycle plans on the usage since last done', () => {
    const hours = plan({ every: { runHours: 500 } });
    expect(maintenancePlanStatus(hours, { now: 0, runHoursSinceLast: 420 }).status).toBe('ok');
    expect(maintenancePlanStatus(hours, { now: 0, runHoursSinceLast: 460 })).toMatchObject({ status: 'due', remaining: 40, dueAt: null });
    expect(maintenancePlanStatus(plan({ every: { cycles: 10_000 }, leadFraction: 0 }), { now: 0, cyclesSinceLast: 10_000 }).status).toBe('overdue');
  });

  it('says unknown when the meter a plan needs is missing', () => {
    expect(maintenancePlanStatus(plan({ every: { cycles: 100 } }), { now: 0 })).toMatchObject({ status: 'unknown', used: null });
  });
});

describe('maintenanceDue', () => {
  it('lists due and overdue plans, overdue first', () => {
    const plans = [
      plan({ id: 'OK', every: { days: 365 } }),
      plan({ id: 'DUE', every: { days: 42 } }),
      plan({ id: 'LATE', every: { days: 30 } }),
      plan({ id: 'HOURS', every: { runHours: 100 } }),
    ];
    const due = maintenanceDue(plans, 40 * DAY, new Map([['HOURS', { runHoursSinceLast: 150 }]]));
    expect(due.map((s) => [s.planId, s.status])).toEqual([
      ['HOURS', 'overdue'],
      ['LATE', 'overdue'],
      ['DUE', 'due'],
    ]);
  });
});
