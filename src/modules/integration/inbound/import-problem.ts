import { Refusal, violation, type Violation } from '../../../platform/errors/violation.js';
import type { ViolationCode } from '../../../platform/errors/violation-codes.js';
import type { Problem, ProblemCode } from '../b2mml/index.js';

/**
 * Codes of the import's own refusals, found while applying an accepted plan to what Takt holds (the B2MML layer's
 * codes come first, in PROBLEM_CODES).
 */
export type ImportProblemCode = 'IMPORT_CONFLICT' | 'NO_WORK_CENTER' | 'IMPORT_REFUSED';

/** One reason an inbound message is refused, pointing at the element that causes it. */
export interface ImportProblem {
  readonly code: ProblemCode | ImportProblemCode;
  readonly message: string;
  readonly path: string;
  readonly line?: number;
}

/** Where an element was read: its path, and its line when known. */
export interface Where {
  readonly path: string;
  readonly line?: number;
}

export function importProblem(code: ImportProblemCode, message: string, where: Where): ImportProblem {
  return where.line !== undefined && where.line > 0 ? { code, message, path: where.path, line: where.line } : { code, message, path: where.path };
}

// Every B2MML problem code is a violation code (a compile error here when the two lists drift apart).
const asCode = (code: ProblemCode | ImportProblemCode): ViolationCode => code;

/** A problem as the API lists it: `field` is the XML path; the line, when known, is in the message and the details. */
export function toViolation(p: ImportProblem | Problem): Violation {
  const line = p.line !== undefined && p.line > 0 ? p.line : undefined;
  return violation(asCode(p.code), line === undefined ? p.message : `${p.message} (line ${line})`, {
    field: p.path,
    details: { path: p.path, ...(line === undefined ? {} : { line }) },
  });
}

/** The refusal of a whole message (HTTP 422): every problem, nothing written. */
export function importRefusal(problems: readonly (ImportProblem | Problem)[]): Refusal {
  return new Refusal(problems.map(toViolation));
}

/** A Takt rule that refused one step of the import, turned into problems at the element that asked for it. */
export function refusedStep(error: Refusal, what: string, where: Where): ImportProblem[] {
  return error.violations.map((v) =>
    importProblem('IMPORT_REFUSED', `${what}: ${v.code}: ${v.message}${v.field ? ` (${v.field})` : ''}`, where),
  );
}

/**
 * Runs one step of the import (a Takt command with every rule of its own); a refusal becomes problems and the
 * import goes on, so that one answer lists every problem of the message. Other errors abort the import.
 */
export async function attempt(step: () => Promise<unknown>, what: string, where: Where): Promise<ImportProblem[]> {
  try {
    await step();
    return [];
  } catch (error) {
    if (error instanceof Refusal) return refusedStep(error, what, where);
    throw error;
  }
}
