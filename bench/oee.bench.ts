/**
 * OEE of a whole site over a year: 100 pieces of equipment, a state change every few minutes, counts, three shifts
 * with breaks in Europe/Berlin. Times the site OEE (calendar expansion included) against a baseline run in the same
 * process: a bare loop summing the interval durations of the same data.
 *
 * Run: npx tsx bench/oee.bench.ts
 */
import {
  computeOee,
  expandShifts,
  plannedSchedule,
  type EquipmentPerformanceInput,
  type EquipmentState,
  type IdealCycleTimeSegment,
  type ProductionCount,
  type ShiftDefinition,
  type StateInterval,
} from '../src/modules/equipment/domain/index.js';

const EQUIPMENT = 100;
const FROM = Date.parse('2024-01-01T00:00:00Z');
const TO = Date.parse('2025-01-01T00:00:00Z');
const GOAL_MS = 500;
const RUNS = 5;
const TIME_ZONE = 'Europe/Berlin';
const SEC = 1000;
const MIN = 60 * SEC;

/** mulberry32: small, fast, seedable. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const shifts: ShiftDefinition[] = [
  { code: 'EARLY', start: '06:00', end: '14:00', days: [1, 2, 3, 4, 5], breaks: [{ start: '10:00', end: '10:30' }] },
  { code: 'LATE', start: '14:00', end: '22:00', days: [1, 2, 3, 4, 5], breaks: [{ start: '18:00', end: '18:30' }] },
  { code: 'NIGHT', start: '22:00', end: '06:00', days: [1, 2, 3, 4, 5], breaks: [{ start: '02:00', end: '02:30' }] },
];

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

/**
 * One year of one machine: offline outside working time, a state change every few minutes inside it, a count at
 * the end of each running interval, an order (ideal cycle time) change every 4-12 hours.
 */
const generateEquipment = (index: number, working: readonly Span[], random: () => number): EquipmentPerformanceInput => {
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Wall time, and CPU time of the process (less sensitive to a loaded machine), in ms. */
const timeIt = <T>(fn: () => T): { ms: number; cpuMs: number; value: T } => {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const value = fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
};

const siteOee = (equipment: readonly EquipmentPerformanceInput[]) => {
  const schedule = plannedSchedule(expandShifts(shifts, { timeZone: TIME_ZONE, from: FROM, to: TO }), { from: FROM, to: TO });
  return computeOee({ from: FROM, to: TO, schedule, equipment });
};

const baseline = (equipment: readonly EquipmentPerformanceInput[]) => {
  let sum = 0;
  for (const e of equipment) for (const iv of e.intervals) sum += (iv.to ?? TO) - iv.from;
  return sum;
};

const random = prng(22400);
const working = plannedSchedule(expandShifts(shifts, { timeZone: TIME_ZONE, from: FROM, to: TO }), { from: FROM, to: TO }).working;
const generated = timeIt(() => Array.from({ length: EQUIPMENT }, (_, i) => generateEquipment(i, working, random)));
const equipment = generated.value;
const intervals = equipment.reduce((n, e) => n + e.intervals.length, 0);
const counts = equipment.reduce((n, e) => n + e.counts.length, 0);

siteOee(equipment); // warm-up
baseline(equipment);
const oeeRuns: number[] = [];
const baseRuns: number[] = [];
const oeeCpu: number[] = [];
const baseCpu: number[] = [];
let result = siteOee(equipment);
let checksum = 0;
for (let r = 0; r < RUNS; r++) {
  const b = timeIt(() => baseline(equipment));
  baseRuns.push(b.ms);
  baseCpu.push(b.cpuMs);
  checksum += b.value;
  const o = timeIt(() => siteOee(equipment));
  oeeRuns.push(o.ms);
  oeeCpu.push(o.cpuMs);
  result = o.value;
}
const ms = median(oeeRuns);
const baselineMs = median(baseRuns);
const ratio = ms / baselineMs;
const cpuMs = median(oeeCpu);
const baselineCpuMs = median(baseCpu);

console.log(`generated ${EQUIPMENT} equipment, ${intervals} state intervals, ${counts} counts in ${generated.ms.toFixed(0)} ms`);
console.log(`site OEE for a year: ${ms.toFixed(1)} ms wall, ${cpuMs.toFixed(1)} ms CPU (median of ${RUNS}; goal < ${GOAL_MS} ms)`);
console.log(`baseline (sum of interval durations): ${baselineMs.toFixed(1)} ms wall, ${baselineCpuMs.toFixed(1)} ms CPU; ratio ${ratio.toFixed(1)}x`);
console.log(
  `OEE ${(result.oee * 100).toFixed(1)} % = A ${(result.availability * 100).toFixed(1)} % × P ${(result.performance * 100).toFixed(1)} % × Q ${(result.quality * 100).toFixed(1)} %`,
);
console.log(
  JSON.stringify({
    bench: 'oee',
    equipment: EQUIPMENT,
    days: (TO - FROM) / 86_400_000,
    intervals,
    counts,
    ms: Number(ms.toFixed(2)),
    baselineMs: Number(baselineMs.toFixed(2)),
    cpuMs: Number(cpuMs.toFixed(2)),
    baselineCpuMs: Number(baselineCpuMs.toFixed(2)),
    ratio: Number(ratio.toFixed(2)),
    goalMs: GOAL_MS,
    withinGoal: ms < GOAL_MS,
    oee: Number(result.oee.toFixed(4)),
    checksum: checksum > 0,
  }),
);
