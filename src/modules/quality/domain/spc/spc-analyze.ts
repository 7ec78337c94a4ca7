import { cChart, npChart, pChart, uChart } from './attribute.charts.js';
import type { ChartComputation } from './chart-computation.js';
import { individualsChart } from './i-mr.chart.js';
import { processCapability } from './process-capability.js';
import { evaluateRules } from './rule-evaluation.js';
import type { SpcInput, SpcResult } from './spc.types.js';
import { xbarRChart } from './xbar-r.chart.js';
import { xbarSChart } from './xbar-s.chart.js';

function computeChart(input: SpcInput): ChartComputation {
  const { limits: frozen } = input;
  const subgroups = input.subgroups ?? [];
  const defects = input.defects ?? [];
  const sizes = input.sizes ?? [];
  switch (input.chart) {
    case 'xbar-r':
      return xbarRChart(subgroups, frozen);
    case 'xbar-s':
      return xbarSChart(subgroups, frozen);
    case 'i-mr':
      return individualsChart(input.values ?? [], frozen);
    case 'p':
      return pChart(defects, sizes, frozen);
    case 'np':
      return npChart(defects, sizes, frozen);
    case 'c':
      return cChart(defects, frozen);
    case 'u':
      return uChart(defects, sizes, frozen);
  }
}

/**
 * Analyses a control chart: limits, plotted points, run-rule violations and, for variables charts with a
 * specification, capability. Expects an input that `validateSpcInput` accepts; pure, no I/O.
 * Guarantees: without `limits` the limits come from the data (phase I); with `limits` every point is judged
 * against limits.center ± 3·limits.sigma and zones use that sigma (phase II). `sigma` is the sigma of the plotted
 * statistic; `violations` lists each (rule, index) once, by index (rules default to Western Electric);
 * p and u charts with varying sizes judge each point by its own sigma and return `pointLimits`.
 * Capability always uses the within sigma and the spread of the data given, also in phase II.
 */
export function analyze(input: SpcInput): SpcResult {
  const chart = computeChart(input);
  const ruleSigma = chart.pointLimits?.sigma ?? chart.sigma;
  const violations = evaluateRules(chart.points, chart.center, ruleSigma, input.rules ?? 'western-electric');
  const hasSpec = input.lsl !== undefined || input.usl !== undefined;
  const capability =
    hasSpec && chart.sigmaWithin !== undefined
      ? processCapability({
          individuals: input.chart === 'i-mr' ? (input.values ?? []) : (input.subgroups ?? []).flat(),
          sigmaWithin: chart.sigmaWithin,
          ...(input.lsl !== undefined ? { lsl: input.lsl } : {}),
          ...(input.usl !== undefined ? { usl: input.usl } : {}),
          ...(input.target !== undefined ? { target: input.target } : {}),
        })
      : undefined;
  return {
    center: chart.center,
    lcl: chart.lcl,
    ucl: chart.ucl,
    sigma: chart.sigma,
    ...(chart.sigmaWithin !== undefined ? { sigmaWithin: chart.sigmaWithin } : {}),
    ...(chart.range ? { range: chart.range } : {}),
    ...(capability ? { capability } : {}),
    violations,
    points: chart.points,
    ...(chart.pointLimits ? { pointLimits: chart.pointLimits } : {}),
  };
}
