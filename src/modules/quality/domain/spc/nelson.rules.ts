import type { RuleCheck } from './rule-patterns.js';

/**
 * The Nelson rules, zones in sigmas of the plotted statistic:
 * N1 one point beyond 3σ; N2 nine in a row on one side; N3 six in a row steadily increasing or decreasing;
 * N4 fourteen in a row alternating up and down; N5 two of three beyond 2σ on one side; N6 four of five beyond 1σ
 * on one side; N7 fifteen in a row within 1σ; N8 eight in a row with none within 1σ (either side).
 * For N5 and N6 the completing point is itself beyond the zone on that side.
 */
export const NELSON_RULES: readonly RuleCheck[] = [
  { rule: 'N1', pattern: { kind: 'beyond', zone: 3 } },
  { rule: 'N2', pattern: { kind: 'run-one-side', length: 9 } },
  { rule: 'N3', pattern: { kind: 'steady-trend', length: 6 } },
  { rule: 'N4', pattern: { kind: 'alternating', length: 14 } },
  { rule: 'N5', pattern: { kind: 'count-beyond-one-side', count: 2, of: 3, zone: 2 } },
  { rule: 'N6', pattern: { kind: 'count-beyond-one-side', count: 4, of: 5, zone: 1 } },
  { rule: 'N7', pattern: { kind: 'all-within', length: 15, zone: 1 } },
  { rule: 'N8', pattern: { kind: 'all-beyond', length: 8, zone: 1 } },
];
