/** General (I, II, III) and special (S-1 … S-4) inspection levels of Table I. */
export type InspectionLevel = 'I' | 'II' | 'III' | 'S-1' | 'S-2' | 'S-3' | 'S-4';

/** Which master table applies: II-A normal, II-B tightened, II-C reduced. */
export type InspectionSeverity = 'normal' | 'tightened' | 'reduced';

/** Sample size code letters; `S` exists only in the tightened table, reached through its arrows. */
export type CodeLetter = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'J' | 'K' | 'L' | 'M' | 'N' | 'P' | 'Q' | 'R' | 'S';

/** What a sampling plan is asked for. `aql` is one of the 26 standard values, in percent (nonconforming or per hundred units). */
export interface SamplingPlanRequest {
  readonly lotSize: number;
  readonly level: InspectionLevel;
  readonly aql: number;
  readonly severity: InspectionSeverity;
}

/**
 * A single sampling plan: inspect `sampleSize` units, accept the lot with `accept` or fewer nonconformities,
 * reject it with `reject` or more. In reduced inspection `reject` can exceed `accept + 1`: a count in between
 * accepts the lot but sends the next lots back to normal inspection.
 */
export interface SamplingPlan {
  /** The letter Table I gives for the lot size and level. */
  readonly codeLetter: CodeLetter;
  /** The letter of the table row whose plan is used: differs from `codeLetter` when an arrow was followed. */
  readonly planLetter: CodeLetter;
  readonly sampleSize: number;
  readonly accept: number;
  readonly reject: number;
  /** True when the plan's sample would be as large as the lot: every unit is inspected instead. */
  readonly hundredPercent: boolean;
}

/** A problem with one input field, named the way the request names it. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}
