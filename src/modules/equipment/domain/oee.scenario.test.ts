import { describe, expect, it } from 'vitest';
import type { StateInterval } from './equipment-state.js';
import { iso22400Kpis } from './iso22400.kpis.js';
import { computeOee } from './oee.calculator.js';
import { plannedSchedule } from './planned-schedule.js';
import { expandShifts } from './shift-calendar.js';
import type { ShiftDefinition } from './shift.validation.js';
import { recordStateEvent } from './state-history.js';
import { accountEquipmentSet } from './time-account.js';

// Monday 2024-06-03 at a site in Europe/Berlin (CEST, UTC+2). `local('06:00')` is 04:00Z.
const local = (hhmm: string) => Date.parse(`2024-06-03T${hhmm}+02:00`);
const timeZone = 'Europe/Berlin';
const from = local('00:00');
const to = Date.parse('2024-06-04T00:00:00+02:00');

const shifts: ShiftDefinition[] = [
  { code: 'EARLY', start: '06:00', end: '14:00', days: [1, 2, 3, 4, 5], breaks: [{ start: '10:00', end: '10:30' }] },
  { code: 'WEEKEND', start: '14:00', end: '22:00', days: [6, 7], breaks: [] }, // not on a Monday
];

// Events in arrival order; the 10:45 breakdown arrives late, after the 11:30 event.
const arrivals: { state: string; reason?: string; at: number; receivedAt: number }[] = [
  { state: 'running', at: local('05:50'), receivedAt: local('05:50') },
  { state: 'down', reason: 'JAM', at: local('07:00'), receivedAt: local('07:00') },
  { state: 'running', at: local('07:20'), receivedAt: local('07:20') },
  { state: 'setup', at: local('09:00'), receivedAt: local('09:00') },
  { state: 'running', at: local('09:15'), receivedAt: local('09:15') },
  { state: 'planned_stop', reason: 'MEETING', at: local('11:00'), receivedAt: local('11:00') },
  { state: 'running', at: local('11:30'), receivedAt: local('11:30') },
  { state: 'down', reason: 'MOTOR', at: local('10:45'), receivedAt: local('11:35') }, // backfilled
  { state: 'idle', reason: 'STARVED', at: local('12:00'), receivedAt: local('12:00') },
  { state: 'running', at: local('12:10'), receivedAt: local('12:10') },
  { state: 'down', reason: 'SENSOR', at: local('13:00'), receivedAt: local('13:00') }, // 30 s: a micro-stop
  { state: 'running', at: local('13:00:30'), receivedAt: local('13:00:30') },
  { state: 'offline', at: local('14:30'), receivedAt: local('14:30') },
];

const buildHistory = () => {
  let history: readonly StateInterval[] = [];
  const changes = [];
  for (const a of arrivals) {
    const r = recordStateEvent(history, { state: a.state, reason: a.reason, at: a.at }, { now: a.receivedAt });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    history = r.history;
    changes.push(r);
  }
  return { history, changes };
};

describe('OEE from state events, counts and a shift calendar with a break and a late event', () => {
  const { history, changes } = buildHistory();
  const schedule = plannedSchedule(expandShifts(shifts, { timeZone, from, to }), { from, to });
  const equipment = {
    equipmentId: 'PRESS-1',
    intervals: history,
    counts: [
      { at: local('09:00'), total: 1000, reject: 10 }, // ideal 10 s (equipment default)
      { at: local('13:59'), total: 900, reject: 20 }, // ideal 12 s (order running 09:15-14:00)
      { at: local('15:00'), total: 50, reject: 0 }, // after the shift, still in the window: counts, 10 s
    ],
    idealCycleTimes: [{ from: local('09:15'), to: local('14:00'), idealCycleTimeSec: 12 }],
    defaultIdealCycleTimeSec: 10,
    microStopThresholdSec: 60,
  };
  const result = computeOee({ from, to, now: to, schedule, equipment: [equipment] });

  it('re-cuts only the interval the late event falls into', () => {
    const late = changes[7];
    expect(late?.ok && late.removed).toEqual([{ state: 'running', reason: null, from: local('09:15'), to: local('11:00') }]);
    expect(late?.ok && late.added).toEqual([
      { state: 'running', reason: null, from: local('09:15'), to: local('10:45') },
      { state: 'down', reason: 'MOTOR', from: local('10:45'), to: local('11:00') },
    ]);
  });

  it('gives the figures the definitions demand', () => {
    // Shift 06:00-14:00 = 28 800 s. Planned stops: break 10:00-10:30 (1 800) + MEETING 11:00-11:30 (1 800) = 3 600.
    expect(result.shiftTime).toBe(28_800);
    expect(result.losses.breaks).toBe(1_800);
    expect(result.losses.plannedStops).toBe(3_600);
    // Planned production time = 28 800 − 3 600 = 25 200 s.
    expect(result.plannedProductionTime).toBe(25_200);
    // Stops inside planned time: JAM 07:00-07:20 (1 200) + MOTOR 10:45-11:00 (900) = 2 100 breakdowns,
    // setup 09:00-09:15 = 900, idle 12:00-12:10 = 600. The 30 s SENSOR stop is a micro-stop (< 60 s).
    expect(result.losses.breakdowns).toBe(2_100);
    expect(result.losses.setup).toBe(900);
    expect(result.losses.idle).toBe(600);
    expect(result.losses.microStops).toBe(30);
    expect(result.losses.offline).toBe(0); // offline starts 14:30, after the shift
    expect(result.losses.noData).toBe(0); // running since 05:50, before the shift
    expect(result.breakdownCount).toBe(2);
    expect(result.microStopCount).toBe(1);
    // Run time = 25 200 − (2 100 + 900 + 600) = 21 600 s (21 570 running + 30 micro-stop).
    expect(result.runTime).toBe(21_600);
    expect(result.availability).toBeCloseTo(21_600 / 25_200, 12); // 0.857142857
    // Ideal time = 1 000 × 10 + 900 × 12 + 50 × 10 = 21 300 s.
    expect(result.totalCount).toBe(1_950);
    expect(result.goodCount).toBe(1_920);
    expect(result.idealCycleTime).toBeCloseTo(21_300 / 1_950, 12);
    expect(result.performance).toBeCloseTo(21_300 / 21_600, 12); // 0.986111
    expect(result.quality).toBeCloseTo(1_920 / 1_950, 12); // 0.984615
    // OEE = A × P × Q = 21 300 × 1 920 / (25 200 × 1 950) = 0.832234
    expect(result.oee).toBeCloseTo((21_300 * 1_920) / (25_200 * 1_950), 12);
    expect(result.oee).toBeCloseTo(0.832234, 6);
    // Losses: speed = 21 600 − 30 − 21 300 = 270; quality = 10 × 10 + 20 × 12 = 340; fully productive = 20 960.
    expect(result.losses.speed).toBeCloseTo(270, 9);
    expect(result.losses.quality).toBe(340);
    expect(result.fullyProductiveTime).toBe(20_960);
  });

  it('accounts for every second of shift time', () => {
    const l = result.losses;
    const sum = l.plannedStops + l.breakdowns + l.setup + l.idle + l.offline + l.noData + l.microStops + l.speed + l.quality + result.fullyProductiveTime;
    expect(sum).toBeCloseTo(result.shiftTime, 9);
  });

  it('derives the ISO 22400-2 KPIs from the same data', () => {
    const k = iso22400Kpis(accountEquipmentSet([equipment], { from, to, now: to }, schedule));
    // APT = 21 570 running, AUST = 900, ADET = 2 100 + 30 = 2 130, ADOT = 600 idle, PBT = 25 200.
    expect(k.actualProductionTime).toBe(21_570);
    expect(k.actualUnitDelayTime).toBe(2_130);
    expect(k.technicalEfficiency).toBeCloseTo(21_570 / 23_700, 12);
    expect(k.setupRate).toBeCloseTo(900 / 22_470, 12);
    expect(k.utilisationEfficiency).toBeCloseTo(21_570 / 24_600, 12);
    expect(k.allocationEfficiency).toBeCloseTo(24_600 / 25_200, 12);
    expect(k.mtbf).toBe(10_785); // 21 570 / 2 failures
    expect(k.mttr).toBe(1_050); // 2 100 / 2
    expect(k.throughputRate).toBeCloseTo((1_950 / 25_200) * 3_600, 9); // 278.57 units per hour
    expect(k.scrapRatio).toBeCloseTo(30 / 1_950, 12);
  });
});
