/**
 * OEE of a whole site over a year: 100 pieces of equipment, a state change every few minutes, counts, three shifts
 * with breaks in Europe/Berlin. Times the site OEE (calendar expansion included) against a baseline run in the same
 * process: a bare loop summing the interval durations of the same data.
 *
 * Run: npx tsx bench/oee.bench.ts
 */
import { computeOee, expandShifts, plannedSchedule, type EquipmentPerformanceInput } from '../src/modules/equipment/domain/index.js';
import { generatePlantHistory, OEE_SHIFTS, OEE_TIME_ZONE } from './oee-history.generator.js';

const EQUIPMENT = 100;
const FROM = Date.parse('2024-01-01T00:00:00Z');
const TO = Date.parse('2025-01-01T00:00:00Z');
const GOAL_MS = 500;
const RUNS = 5;

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
  const schedule = plannedSchedule(expandShifts(OEE_SHIFTS, { timeZone: OEE_TIME_ZONE, from: FROM, to: TO }), { from: FROM, to: TO });
  return computeOee({ from: FROM, to: TO, schedule, equipment });
};

const baseline = (equipment: readonly EquipmentPerformanceInput[]) => {
  let sum = 0;
  for (const e of equipment) for (const iv of e.intervals) sum += (iv.to ?? TO) - iv.from;
  return sum;
};

const generated = timeIt(() => generatePlantHistory(EQUIPMENT, FROM, TO));
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
