/**
 * Benchmark: `analyze` of an x̄-R chart with the Nelson rules over 10,000 subgroups of 5, against a baseline in the
 * same process that only computes the subgroup means and ranges. Prints the medians (ms), their ratio, and one JSON line;
 * the fastest run of each is printed too, as on a loaded machine preemption inflates the medians of the longer task.
 * Run: npx tsx bench/spc-analyze.bench.ts
 */
import { analyze } from '../src/modules/quality/domain/spc/index.js';

const SUBGROUPS = 10_000;
const SIZE = 5;
const RUNS = 21;
const WARMUP = 5;

/** mulberry32: a seeded generator, so every run charts the same data. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pistonLikeData(seed: number): number[][] {
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  // a process at 74.000 mm, sigma 0.01 mm, with a small drift in the last tenth so that rules have work to do
  return Array.from({ length: SUBGROUPS }, (_, i) =>
    Array.from({ length: SIZE }, () => 74 + 0.01 * normal() + (i > 0.9 * SUBGROUPS ? 0.004 : 0)),
  );
}

/** The least work any chart needs: one pass for each subgroup's mean and range. */
function meansAndRanges(subgroups: readonly (readonly number[])[]): { means: Float64Array; ranges: Float64Array } {
  const means = new Float64Array(subgroups.length);
  const ranges = new Float64Array(subgroups.length);
  for (let i = 0; i < subgroups.length; i++) {
    const group = subgroups[i] ?? [];
    let sum = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const v of group) {
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    means[i] = sum / group.length;
    ranges[i] = max - min;
  }
  return { means, ranges };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function time(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

const subgroups = pistonLikeData(20240601);
let sink = 0;
const runAnalyze = () => {
  const result = analyze({ chart: 'xbar-r', subgroups, rules: 'nelson' });
  sink += result.violations.length;
  return result;
};
const runBaseline = () => {
  const { means, ranges } = meansAndRanges(subgroups);
  sink += (means[0] ?? 0) + (ranges[0] ?? 0);
};

for (let i = 0; i < WARMUP; i++) {
  runAnalyze();
  runBaseline();
}
const analyzeTimes: number[] = [];
const baselineTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  baselineTimes.push(time(runBaseline));
  analyzeTimes.push(time(runAnalyze));
}

const analyzeMs = median(analyzeTimes);
const baselineMs = median(baselineTimes);
const result = runAnalyze();
const ratio = analyzeMs / baselineMs;
const analyzeMinMs = Math.min(...analyzeTimes);
const baselineMinMs = Math.min(...baselineTimes);

console.log(`spc-analyze: x̄-R chart, Nelson rules, ${SUBGROUPS} subgroups of ${SIZE} (median of ${RUNS} runs)`);
console.log(`  analyze          ${analyzeMs.toFixed(3)} ms  (${result.violations.length} violations)`);
console.log(`  means and ranges ${baselineMs.toFixed(3)} ms  (baseline)`);
console.log(`  ratio            ${ratio.toFixed(1)}x  (fastest runs: ${analyzeMinMs.toFixed(3)} / ${baselineMinMs.toFixed(3)} ms = ${(analyzeMinMs / baselineMinMs).toFixed(1)}x)`);
console.log(
  JSON.stringify({
    bench: 'spc-analyze',
    chart: 'xbar-r',
    rules: 'nelson',
    subgroups: SUBGROUPS,
    subgroupSize: SIZE,
    runs: RUNS,
    analyzeMs: Number(analyzeMs.toFixed(3)),
    baselineMs: Number(baselineMs.toFixed(3)),
    ratio: Number(ratio.toFixed(2)),
    analyzeMinMs: Number(analyzeMinMs.toFixed(3)),
    baselineMinMs: Number(baselineMinMs.toFixed(3)),
    minRatio: Number((analyzeMinMs / baselineMinMs).toFixed(2)),
    violations: result.violations.length,
    node: process.version,
    sink: sink > 0,
  }),
);
