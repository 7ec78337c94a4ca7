/** The Shewhart charts: variables (x̄-R, x̄-S, individuals-moving range) and attributes (p, np, c, u). */
export type ChartType = 'xbar-r' | 'xbar-s' | 'i-mr' | 'p' | 'np' | 'c' | 'u';

/** Which run rules judge the points. */
export type RuleSet = 'western-electric' | 'nelson';

/** A run rule: Western Electric WE1 … WE4 or Nelson N1 … N8. */
export type SpcRule = 'WE1' | 'WE2' | 'WE3' | 'WE4' | 'N1' | 'N2' | 'N3' | 'N4' | 'N5' | 'N6' | 'N7' | 'N8';

/** Centre and sigma of the plotted statistic, frozen from a baseline (phase II). */
export interface FrozenLimits {
  readonly center: number;
  readonly sigma: number;
}

/** What `analyze` reads: the chart, its data, optional specification limits, rule set and frozen limits. */
export interface SpcInput {
  readonly chart: ChartType;
  /** Measurements in rational subgroups (x̄-R, x̄-S), all of one size 2 … 25. */
  readonly subgroups?: readonly (readonly number[])[];
  /** Individual measurements (i-mr). */
  readonly values?: readonly number[];
  /** Nonconforming units (p, np) or nonconformities (c, u) per sample. */
  readonly defects?: readonly number[];
  /** Sample sizes (units for p and np, inspection units for u), one per entry of `defects`. */
  readonly sizes?: readonly number[];
  readonly lsl?: number;
  readonly usl?: number;
  readonly target?: number;
  /** Defaults to `western-electric`. */
  readonly rules?: RuleSet;
  readonly limits?: FrozenLimits;
}

/** Centre line and control limits of one chart. */
export interface ChartLimits {
  readonly center: number;
  readonly lcl: number;
  readonly ucl: number;
}

/**
 * Capability indices. `cp`, `cpk` use the within-subgroup sigma, `pp`, `ppk` and `cpm` the overall sample standard
 * deviation. An index is null where it is not defined: `cp`, `pp` and `cpm` with a one-sided specification, and any
 * index whose sigma is zero (or so close to zero that the index would overflow).
 */
export interface Capability {
  readonly cp: number | null;
  readonly cpk: number | null;
  readonly pp: number | null;
  readonly ppk: number | null;
  /** Present when a target was given. */
  readonly cpm?: number | null;
}

/** A rule broken by the pattern that the point at `index` (0-based) completes. */
export interface RuleViolation {
  readonly rule: SpcRule;
  readonly index: number;
}

/** Per-point limits and sigma, for p and u charts whose sample sizes vary. */
export interface PointLimits {
  readonly lcl: readonly number[];
  readonly ucl: readonly number[];
  readonly sigma: readonly number[];
}

/** What `analyze` returns. `sigma` is the sigma of the plotted statistic; `range` the R, S or MR chart. */
export interface SpcResult extends ChartLimits {
  readonly sigma: number;
  /** Within-subgroup sigma of the process (R̄/d2, S̄/c4, MR̄/d2(2)); variable charts only. */
  readonly sigmaWithin?: number;
  readonly range?: ChartLimits;
  readonly capability?: Capability;
  readonly violations: readonly RuleViolation[];
  /** The plotted statistic, one per subgroup, value or sample. */
  readonly points: readonly number[];
  readonly pointLimits?: PointLimits;
}

/** A problem with one input field, named by its path in the input (`subgroups[3]`, `lsl`, `values[7]`). */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}
