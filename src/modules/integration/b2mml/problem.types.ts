/**
 * Stable codes of everything the B2MML layer can refuse, in layer order. Each is documented in README.md
 * (a test keeps the two in step).
 */
export const PROBLEM_CODES = [
  // layer 1: the text is a safe, well-formed XML document
  'XML_TOO_LARGE',
  'XML_DOCTYPE_FORBIDDEN',
  'XML_MALFORMED',
  'XML_TOO_DEEP',
  'XML_UNPROCESSABLE',
  // layer 2: a B2MML message Takt supports, valid against the MESA schema
  'UNSUPPORTED_NAMESPACE',
  'UNSUPPORTED_MESSAGE',
  'UNSUPPORTED_ACTION',
  'XSD_INVALID',
  // translation: every value Takt reads has the lexical form its type demands
  'MISSING_ELEMENT',
  'INVALID_DATETIME',
  'INVALID_DURATION',
  'INVALID_VALUE',
  'QUANTITY_TYPE_MISMATCH',
  // layer 3: Takt's own checks, some through the master-data lookup
  'END_BEFORE_START',
  'DUPLICATE_ID',
  'MISSING_ID',
  'MISSING_MATERIAL',
  'MISSING_QUANTITY',
  'MISSING_UOM',
  'AMBIGUOUS_PRODUCED_MATERIAL',
  'QUANTITY_OUT_OF_RANGE',
  'UNKNOWN_MATERIAL',
  'UNKNOWN_EQUIPMENT',
  'UOM_MISMATCH',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One reason a message is refused: where (XML path, 1-based line when known) and why. */
export interface Problem {
  readonly code: ProblemCode;
  readonly message: string;
  /** Element path such as `/ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest[2]/ID`. */
  readonly path: string;
  readonly line?: number;
}

/** Builds a problem; `line` is left out when unknown so the JSON stays minimal. */
export function problem(code: ProblemCode, message: string, path: string, line?: number): Problem {
  return line !== undefined && line > 0 ? { code, message, path, line } : { code, message, path };
}

/** The problems in order, each code at each path once (the first one kept): stages that see the same fault say it once. */
export function distinctProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code} ${p.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
