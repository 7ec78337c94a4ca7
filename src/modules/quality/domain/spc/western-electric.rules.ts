import type { RuleCheck } from './rule-patterns.js';

/**
 * The Western Electric rules, zones in sigmas of the plotted statistic:
 * WE1 one point beyond 3σ; WE2 two of three beyond 2σ on one side; WE3 four of five beyond 1σ on one side;
 * WE4 eight in a row on one side. For WE2 and WE3 the completing point is itself beyond the zone on that side.
 */
export const WESTERN_ELECTRIC_RULES: readonly RuleCheck[] = [
  { rule: 'WE1', pattern: { kind: 'beyond', zone: 3 } },
  { rule: 'WE2', pattern: { kind: 'count-beyond-one-side', count: 2, of: 3, zone: 2 } },
  { rule: 'WE3', pattern: { kind: 'count-beyond-one-side', count: 4, of: 5, zone: 1 } },
  { rule: 'WE4', pattern: { kind: 'run-one-side', length: 8 } },
];
