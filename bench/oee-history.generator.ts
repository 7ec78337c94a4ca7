/**
 * Generated equipment history for the OEE benchmarks: a site on three shifts with breaks (Europe/Berlin, weekdays),
 * each piece of equipment changing state every few minutes inside working time and offline outside it, a count at
 * the end of each running interval, an order (ideal cycle time) change every 4-12 hours. Seeded: the same options
 * give the same history.
 */
import {
  expandShifts,
  plannedSchedule,
  type EquipmentPerformanceInput,
  type EquipmentState,
  type IdealCycleTimeSegment,
  type ProductionCount,
  type ShiftDefinition,
  type StateInterval,
} from '../src/modules/equipment/domain/index.js';

const SEC = 1000;
const MIN = 60 * SEC;

export const OEE_TIME_ZONE = 'Europe/Berlin';

export const OEE_SHIFTS: readonly ShiftDefinition[] = [
  { code: 'EARLY', start: '06:00', end: '14:00', days: [1, 2, 3, 4, 5], breaks: [{ start: '10:00', end: '10:30' }] },
  { code: 'LATE', start: '14:00', end: '22:00', days: [1, 2, 3, 4, 5], breaks: [{ start: '18:00', end: '18:30' }] },
  { code: 'NIGHT', start: '22:00', end: '06:00', days: [1, 2, 3, 4, 5], breaks: [{ start: '02:00', end: '02:30' }] },
];

/** mulberry32: small, fast, seedable. */
export const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

type Span = { readonly from: number; readonly to: number };

/** Next state after `state` (a Markov chain tuned for roughly 70 % availability). */
const nextState = (state: EquipmentState, r: number): EquipmentState => {
  if (state !== 'running') return r < 0.9 ? 'running' : 'idle';
  if (r < 0.3) return 'down';
  if (r < 0.6) return 'idle';
  if (r < 0.7) return 'setup';
  if (r < 0.75) return 'planned_stop';
  if (r < 0.76) return 'maintenance';
  if (r < 0.77) return 'offline';
  return 'running'; // the machine reports running again: a repeated report, kept as a boundary
};

/** One piece of equipment over `[from, to)` given the working spans of the calendar. */
export const generateEquipment = (index: number, working: readonly Span[], random: () => number, FROM: number, TO: number): EquipmentPerformanceInput => {
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  const defaultIct = Math.round(between(10, 60));
  const intervals: StateInterval[] = [];
  const counts: ProductionCount[] = [];
  const idealCycleTimes: IdealCycleTimeSegment[] = [];
  for (let t = FROM; t < TO; ) {
    const to = Math.min(TO, t + Math.round(between(4, 12) * 60 * MIN));
    idealCycleTimes.push({ from: t, to, idealCycleTimeSec: defaultIct * between(0.8, 1.2) });
    t = to;
  }
  const push = (state: EquipmentState, reason: string | null, from: number, to: number) => {
    intervals.push({ state, reason, from, to: to >= TO ? null : to });
  };
  let t = FROM;
  let state: EquipmentState = 'running';
  let segment = 0;
  let k = 0;
  while (t < TO) {
    while (k < working.length && (working[k]?.to ?? TO) <= t) k++;
    const span = working[k];
    if (span === undefined || span.from > t) {
      const until = span?.from ?? TO;
      push('offline', null, t, until);
      t = until;
      state = 'running';
      continue;
    }
    let ms: number;
    let reason: string | null = null;
    switch (state) {
      case 'running': ms = between(3, 15) * MIN; break;
      case 'idle': ms = between(1, 5) * MIN; reason = 'STARVED'; break;
      case 'down': ms = random() < 0.3 ? between(5, 50) * SEC : between(2, 10) * MIN; reason = `R${Math.floor(random() * 12)}`; break;
      case 'setup': ms = between(5, 20) * MIN; break;
      case 'planned_stop': ms = between(10, 30) * MIN; reason = 'MEETING'; break;
      case 'maintenance': ms = between(15, 60) * MIN; break;
      case 'offline': ms = between(5, 30) * MIN; break;
    }
    const to = Math.min(span.to, t + Math.round(ms));
    push(state, reason, t, to);
    if (state === 'running') {
      while ((idealCycleTimes[segment]?.to ?? TO) <= to - 1) segment++;
      const ict = idealCycleTimes[segment]?.idealCycleTimeSec ?? defaultIct;
      const total = Math.floor(((to - t) / 1000 / ict) * between(0.85, 1));
      const reject = Math.floor(total * between(0, 0.03));
      counts.push({ at: to - 1, total, reject, rework: Math.floor(reject / 3) });
    }
    t = to;
    state = nextState(state, random());
  }
  return { equipmentId: `EQ-${index}`, intervals, counts, idealCycleTimes, defaultIdealCycleTimeSec: defaultIct, microStopThresholdSec: 60 };
};

/** Working spans of the benchmark calendar over `[from, to)`. */
export const workingSpans = (from: number, to: number): readonly Span[] =>
  plannedSchedule(expandShifts(OEE_SHIFTS, { timeZone: OEE_TIME_ZONE, from, to }), { from, to }).working;

/** `count` pieces of equipment over `[from, to)`, drawn from one seeded generator. */
export const generatePlantHistory = (count: number, from: number, to: number, seed = 22400): EquipmentPerformanceInput[] => {
  const random = prng(seed);
  const working = workingSpans(from, to);
  return Array.from({ length: count }, (_, i) => generateEquipment(i, working, random, from, to));
};
