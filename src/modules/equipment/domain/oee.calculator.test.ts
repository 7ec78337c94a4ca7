import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EQUIPMENT_STATES, type StateInterval } from './equipment-state.js';
import { iso22400Kpis } from './iso22400.kpis.js';
import { computeOee, idealCycleTimeWithoutCounts, oeeFromAccount, ratio } from './oee.calculator.js';
import { plannedSchedule, type PlannedSchedule } from './planned-schedule.js';
import type { ProductionCount } from './production-count.js';
import { coalesceIntervals, historyFromEvents } from './state-history.js';
import { accountEquipment, accountEquipmentSet, addAccounts, EMPTY_ACCOUNT, type EquipmentPerformanceInput } from './time-account.js';

const M = 60_000;
const H = 3_600_000;
const iv = (state: StateInterval['state'], from: number, to: number | null, reason: string | null = null): StateInterval => ({ state, reason, from, to });
const oneShift = (from: number, to: number, breaks: { from: number; to: number }[] = []): PlannedSchedule =>
  plannedSchedule([{ code: 'S', from, to, breaks }]);
const equipment = (over: Partial<EquipmentPerformanceInput>): EquipmentPerformanceInput => ({
  equipmentId: 'E', intervals: [], counts: [], defaultIdealCycleTimeSec: 1, ...over,
});

describe('computeOee', () => {
  it('gives 0, never NaN, when there is no planned time and nothing counted', () => {
    const r = computeOee({ from: 0, to: H, schedule: { working: [], breaks: [] }, equipment: [equipment({})] });
    expect([r.availability, r.performance, r.quality, r.oee]).toEqual([0, 0, 0, 0]);
    expect(computeOee({ from: 0, to: H, schedule: oneShift(0, H), equipment: [] }).oee).toBe(0);
  });

  it('counts planned time without any known state as no data (an availability loss)', () => {
    const r = computeOee({ from: 0, to: H, schedule: oneShift(0, H), equipment: [equipment({ intervals: [iv('running', 30 * M, null)] })] });
    expect(r.losses.noData).toBe(1_800);
    expect(r.availability).toBe(0.5);
  });

  it('ends open intervals at now and does not count time after now', () => {
    const r = computeOee({ from: 0, to: 2 * H, now: H, schedule: oneShift(0, 2 * H), equipment: [equipment({ intervals: [iv('running', 0, null)] })] });
    expect(r.plannedProductionTime).toBe(3_600);
    expect(r.runTime).toBe(3_600);
  });

  it('aggregates a set by summing times and counts, not by averaging ratios', () => {
    // E1: 1 h planned, all running. E2: 3 h planned (own calendar), half down.
    const e1 = equipment({ equipmentId: 'E1', intervals: [iv('running', 0, null)] });
    const e2 = equipment({
      equipmentId: 'E2',
      schedule: oneShift(0, 3 * H),
      intervals: [iv('running', 0, 1.5 * H), iv('down', 1.5 * H, null, 'X')],
    });
    const r = computeOee({ from: 0, to: 4 * H, schedule: oneShift(0, H), equipment: [e1, e2] });
    expect(r.plannedProductionTime).toBe(4 * 3_600);
    expect(r.availability).toBe((3_600 + 5_400) / 14_400); // 0.625, not (1 + 0.5) / 2
  });

  it('treats maintenance and planned_stop as planned, offline inside a shift as a loss', () => {
    const intervals = [iv('maintenance', 0, 10 * M), iv('planned_stop', 10 * M, 20 * M, 'CLEAN'), iv('offline', 20 * M, 30 * M), iv('running', 30 * M, null)];
    const r = computeOee({ from: 0, to: H, schedule: oneShift(0, H), equipment: [equipment({ intervals })] });
    expect(r.losses.plannedStops).toBe(1_200);
    expect(r.plannedProductionTime).toBe(2_400);
    expect(r.losses.offline).toBe(600);
    expect(r.availability).toBe(0.75);
  });

  it('judges a micro-stop on its whole length even when reported twice', () => {
    // down 10:00-10:40 reported at 10:00 and again at 10:20: one 40 s stop, not two 20 s micro-stops.
    const intervals = [iv('running', 0, 40_000), iv('down', 40_000, 60_000, 'J'), iv('down', 60_000, 80_000, 'J'), iv('running', 80_000, null)];
    const r = computeOee({ from: 0, to: H, schedule: oneShift(0, H), equipment: [equipment({ intervals, microStopThresholdSec: 30 })] });
    expect(r.losses.breakdowns).toBe(40);
    expect(r.breakdownCount).toBe(1);
    expect(r.microStopCount).toBe(0);
  });

  it('counts a stop that began before the window in time but not as a new event', () => {
    // A 30 s stop from -10 s to +20 s is a micro-stop (threshold 60 s): 20 s of it fall in the window.
    const intervals = [iv('down', -10_000, 20_000, 'J'), iv('running', 20_000, null)];
    const r = computeOee({ from: 0, to: H, schedule: oneShift(-H, H), equipment: [equipment({ intervals, microStopThresholdSec: 60 })] });
    expect(r.losses.microStops).toBe(20);
    expect(r.microStopCount).toBe(0);
  });

  it('counts units in the window whatever order they come in, and none outside it', () => {
    const counts: ProductionCount[] = [{ at: 50 * M, total: 5, reject: 1 }, { at: 10 * M, total: 3, reject: 0 }, { at: H, total: 100, reject: 0 }, { at: -1, total: 100, reject: 0 }];
    const r = computeOee({ from: 0, to: H, schedule: oneShift(0, H), equipment: [equipment({ intervals: [iv('running', 0, null)], counts })] });
    expect(r.totalCount).toBe(8);
    expect(r.goodCount).toBe(7);
  });

  it('weights each count by the ideal cycle time in force when it was reported', () => {
    const counts: ProductionCount[] = [{ at: 10 * M, total: 10, reject: 0 }, { at: 40 * M, total: 10, reject: 0 }];
    const r = computeOee({
      from: 0, to: H, schedule: oneShift(0, H),
      equipment: [equipment({ intervals: [iv('running', 0, null)], counts, defaultIdealCycleTimeSec: 60, idealCycleTimes: [{ from: 30 * M, to: H, idealCycleTimeSec: 120 }] })],
    });
    expect(r.idealCycleTime).toBe(90);
    expect(r.performance).toBe((10 * 60 + 10 * 120) / 3_600);
  });

  it('answers the ideal cycle time of the equipment when nothing was counted, and the mean of those set for a set', () => {
    const running = [iv('running', 0, null)];
    const one = computeOee({ from: 0, to: H, schedule: oneShift(0, H), equipment: [equipment({ intervals: running, defaultIdealCycleTimeSec: 20 })] });
    expect([one.totalCount, one.idealCycleTime, one.performance]).toEqual([0, 20, 0]);
    const set = [equipment({ equipmentId: 'A', defaultIdealCycleTimeSec: 20 }), equipment({ equipmentId: 'B', defaultIdealCycleTimeSec: 10 }), equipment({ equipmentId: 'C', defaultIdealCycleTimeSec: 0 })];
    expect(computeOee({ from: 0, to: H, schedule: oneShift(0, H), equipment: set }).idealCycleTime).toBe(15); // C has none: left out
    const counted = computeOee({ from: 0, to: H, schedule: oneShift(0, H), equipment: [{ ...set[1]!, counts: [{ at: M, total: 4, reject: 0 }] }, set[0]!] });
    expect(counted.idealCycleTime).toBe(10); // counts weigh as before
    expect(computeOee({ from: 0, to: H, schedule: oneShift(0, H), equipment: [equipment({ defaultIdealCycleTimeSec: 0 })] }).idealCycleTime).toBe(0);
    expect(idealCycleTimeWithoutCounts([])).toBe(0);
  });
});

// ---------- properties over random histories, calendars and counts ----------

const historyArb = fc
  .uniqueArray(
    fc.record({ at: fc.integer({ min: -60, max: 1440 }).map((m) => m * M), state: fc.constantFrom(...EQUIPMENT_STATES), reason: fc.constantFrom('A', 'B') }),
    { selector: (e) => e.at, maxLength: 40 },
  )
  .map((events) => historyFromEvents(events));
const scheduleArb = fc
  .array(
    fc.tuple(fc.integer({ min: -120, max: 1500 }), fc.integer({ min: 30, max: 600 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })),
    { maxLength: 4 },
  )
  .map((shifts) =>
    plannedSchedule(
      shifts.map(([start, len, bOff, bLen], i) => ({
        code: `S${i}`,
        from: start * M,
        to: (start + len) * M,
        breaks: bLen > 0 ? [{ from: (start + bOff) * M, to: (start + bOff + bLen) * M }] : [],
      })),
    ),
  );
const countsArb = fc.array(
  fc.record({ at: fc.integer({ min: -60, max: 1500 }).map((m) => m * M), total: fc.integer({ min: 0, max: 200 }), frac: fc.double({ min: 0, max: 1, noNaN: true }) }),
  { maxLength: 20 },
).map((cs) => cs.map((c) => ({ at: c.at, total: c.total, reject: Math.floor(c.total * c.frac) })));
const inputArb = fc.record({
  intervals: historyArb,
  schedule: scheduleArb,
  counts: countsArb,
  ict: fc.integer({ min: 1, max: 120 }),
  threshold: fc.constantFrom(0, 0, 60, 300),
});
const WINDOW = { from: 0, to: 1440 * M };

/** Reference account by brute force: every working span against every (coalesced) interval. */
const naiveBuckets = (intervals: readonly StateInterval[], schedule: PlannedSchedule, thresholdMs: number) => {
  const b = { running: 0, idle: 0, setup: 0, breakdown: 0, micro: 0, planned: 0, offline: 0, noData: 0 };
  for (const w of schedule.working) {
    const ws = Math.max(w.from, WINDOW.from);
    const we = Math.min(w.to, WINDOW.to);
    if (we <= ws) continue;
    let covered = 0;
    for (const x of coalesceIntervals(intervals)) {
      const end = x.to ?? WINDOW.to;
      const len = Math.min(end, we) - Math.max(x.from, ws);
      if (len <= 0) continue;
      covered += len;
      if (x.state === 'down') b[end - x.from < thresholdMs ? 'micro' : 'breakdown'] += len;
      else if (x.state === 'planned_stop' || x.state === 'maintenance') b.planned += len;
      else b[x.state] += len;
    }
    b.noData += we - ws - covered;
  }
  return b;
};

describe('OEE properties', () => {
  type Generated = { intervals: StateInterval[]; counts: ProductionCount[]; ict: number; threshold: number };
  const toInput = (x: Generated) =>
    equipment({ intervals: x.intervals, counts: x.counts, defaultIdealCycleTimeSec: x.ict, microStopThresholdSec: x.threshold });

  it('puts every millisecond of working time in the same bucket as a brute-force reference', () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const a = accountEquipment(toInput(x), WINDOW, x.schedule);
        const n = naiveBuckets(x.intervals, x.schedule, x.threshold * 1000);
        expect([a.runningMs, a.idleMs, a.setupMs, a.breakdownMs, a.microStopMs, a.plannedStateMs, a.offlineMs, a.noDataMs]).toEqual([
          n.running, n.idle, n.setup, n.breakdown, n.micro, n.planned, n.offline, n.noData,
        ]);
      }),
    );
  });

  it('equals good × ideal cycle time / planned production time when one ideal cycle time applies', () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const r = computeOee({ ...WINDOW, schedule: x.schedule, equipment: [toInput(x)] });
        const expected = r.runTime > 0 && r.totalCount > 0 ? ratio(r.goodCount * x.ict, r.plannedProductionTime) : 0;
        expect(r.oee).toBeCloseTo(expected, 9);
        for (const v of [r.availability, r.performance, r.quality, r.oee]) expect(Number.isFinite(v)).toBe(true);
      }),
    );
  });

  it('splits shift time exactly into planned stops, losses and fully productive time', () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const r = computeOee({ ...WINDOW, schedule: x.schedule, equipment: [toInput(x)] });
        const l = r.losses;
        const parts = l.plannedStops + l.breakdowns + l.setup + l.idle + l.offline + l.noData + l.microStops + l.speed + l.quality + r.fullyProductiveTime;
        expect(parts).toBeCloseTo(r.shiftTime, 6);
        expect(r.availability).toBeGreaterThanOrEqual(0);
        expect(r.availability).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('gives a set the OEE of its summed account', () => {
    fc.assert(
      fc.property(inputArb, inputArb, (x, y) => {
        const ex = toInput(x);
        const ey = { ...toInput(y), schedule: y.schedule };
        const set = accountEquipmentSet([ex, ey], WINDOW, x.schedule);
        expect(set).toEqual(addAccounts(addAccounts(EMPTY_ACCOUNT, accountEquipment(ex, WINDOW, x.schedule)), accountEquipment(ey, WINDOW, x.schedule)));
        expect(computeOee({ ...WINDOW, schedule: x.schedule, equipment: [ex, ey] })).toEqual(oeeFromAccount(set, idealCycleTimeWithoutCounts([x.ict, y.ict])));
      }),
    );
  });

  it('matches the ISO 22400 OEE index when there is no micro-stop threshold and no rework', () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const a = accountEquipment({ ...toInput(x), microStopThresholdSec: 0 }, WINDOW, x.schedule);
        const r = oeeFromAccount(a);
        const k = iso22400Kpis(a);
        expect(k.availability).toBeCloseTo(r.availability, 12);
        expect(k.effectiveness).toBeCloseTo(r.performance, 12);
        expect(k.qualityRatio).toBeCloseTo(r.quality, 12);
        expect(k.oeeIndex).toBeCloseTo(r.oee, 12);
      }),
    );
  });
});
