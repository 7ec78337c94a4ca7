import { statusOf, type ViolationCode } from './violation-codes.js';

/** A broken rule, as a value: a stable code, a sentence for people, the field it concerns, and details for machines. */
export interface Violation {
  readonly code: ViolationCode;
  readonly message: string;
  readonly field?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** A rule over plain data: returns every violation it finds, or none. */
export type Rule<C> = (context: C) => readonly Violation[];

export function violation(
  code: ViolationCode,
  message: string,
  extra: { field?: string; details?: Record<string, unknown> } = {},
): Violation {
  return { code, message, ...(extra.field !== undefined ? { field: extra.field } : {}), ...(extra.details ? { details: extra.details } : {}) };
}

/** Thrown to refuse a command: carries every violation found. The pipeline rolls the transaction back. */
export class Refusal extends Error {
  readonly violations: readonly Violation[];
  constructor(violations: readonly Violation[]) {
    super(violations.map((v) => `${v.code}: ${v.message}`).join('; '));
    this.name = 'Refusal';
    this.violations = violations;
  }

  /** The HTTP status: the most specific one among the violations (404 and 400 win over 409). */
  get status(): number {
    const statuses = this.violations.map((v) => statusOf(v.code));
    for (const s of [400, 401, 403, 404, 422]) if (statuses.includes(s)) return s;
    return statuses[0] ?? 409;
  }
}

/** Throws a Refusal when any violation is given; otherwise returns nothing. */
export function refuseIfAny(violations: readonly Violation[]): void {
  if (violations.length > 0) throw new Refusal(violations);
}

/** A refusal for a missing resource, naming its kind and id. */
export function notFound(kind: string, id: string, field?: string): Refusal {
  return new Refusal([violation('NOT_FOUND', `${kind} '${id}' does not exist`, { ...(field ? { field } : {}), details: { kind, id } })]);
}

/**
 * A refusal for a status change that the current state does not allow, naming from and to, and, when given, the
 * statuses the change may start from (`details.allowed`).
 */
export function invalidTransition(kind: string, id: string, from: string, to: string, allowed?: readonly string[]): Refusal {
  const only = allowed && allowed.length > 0 ? ` (only from ${allowed.join(' or ')})` : '';
  return new Refusal([
    violation('INVALID_TRANSITION', `${kind} '${id}' cannot go from ${from} to ${to}${only}`, { details: { kind, id, from, to, ...(allowed ? { allowed: [...allowed] } : {}) } }),
  ]);
}
