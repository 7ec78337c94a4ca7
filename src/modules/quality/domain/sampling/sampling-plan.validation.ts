import { INSPECTION_LEVELS } from './code-letter.table.js';
import type { FieldProblem } from './sampling.types.js';
import { AQL_VALUES } from './single-sampling.tables.js';

const SEVERITIES: readonly string[] = ['normal', 'tightened', 'reduced'];

/**
 * Every problem with a sampling plan request, one per field (empty when `samplingPlan` may be called):
 * `lotSize` a positive whole number, `aql` one of the standard's 26 values (0.010 … 1000),
 * `level` one of I, II, III, S-1 … S-4, `severity` one of normal, tightened, reduced.
 */
export function validateSamplingPlanRequest(request: {
  readonly lotSize?: unknown;
  readonly level?: unknown;
  readonly aql?: unknown;
  readonly severity?: unknown;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { lotSize, level, aql, severity } = request;
  if (typeof lotSize !== 'number' || !Number.isSafeInteger(lotSize) || lotSize < 1) {
    problems.push({ field: 'lotSize', message: 'must be a positive whole number' });
  }
  if (typeof level !== 'string' || !(INSPECTION_LEVELS as readonly string[]).includes(level)) {
    problems.push({ field: 'level', message: `must be one of ${INSPECTION_LEVELS.join(', ')}` });
  }
  if (typeof aql !== 'number' || !AQL_VALUES.includes(aql)) {
    problems.push({ field: 'aql', message: `must be one of the standard values ${AQL_VALUES.join(', ')}` });
  }
  if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
    problems.push({ field: 'severity', message: `must be one of ${SEVERITIES.join(', ')}` });
  }
  return problems;
}
