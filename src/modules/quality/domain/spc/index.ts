export { cChart, npChart, pChart, uChart } from './attribute.charts.js';
export { individualsChart, movingRanges } from './i-mr.chart.js';
export { processCapability } from './process-capability.js';
export type { CapabilityInput } from './process-capability.js';
export { evaluateRules, RULE_WINDOW, rulesCompletedAt } from './rule-evaluation.js';
export { analyze } from './spc-analyze.js';
export { spcConstants, SUBGROUP_SIZE_RANGE } from './spc-constants.js';
export type { SpcConstants } from './spc-constants.js';
export { validateSpcInput } from './spc-input.validation.js';
export type { SpcInputCandidate } from './spc-input.validation.js';
export type {
  Capability,
  ChartLimits,
  ChartType,
  FieldProblem,
  FrozenLimits,
  PointLimits,
  RuleSet,
  RuleViolation,
  SpcInput,
  SpcResult,
  SpcRule,
} from './spc.types.js';
export { xbarRChart } from './xbar-r.chart.js';
export { xbarSChart } from './xbar-s.chart.js';
export { BOUND_MESSAGE, MAX_MAGNITUDE, MIN_SIZE, withinBound } from './measurement-bound.js';
