/**
 * Rule outcomes as values. A check returns every violation it finds; it never throws for a business outcome.
 * The shape matches the `violations` entries of the public error format (`{code, message, field?}`), with
 * optional machine-readable `details`.
 */

/** Stable codes produced by the equipment domain. */
export type EquipmentViolationCode = 'INVALID_FIELD' | 'MAINTENANCE_OVERDUE' | 'CALIBRATION_EXPIRED';

/** A rule violation: a stable code, a human message, optionally the offending field and details. */
export type Violation = {
  readonly code: EquipmentViolationCode;
  readonly message: string;
  readonly field?: string;
  readonly details?: Readonly<Record<string, unknown>>;
};

/** An input-shape problem bound to one field; always code `INVALID_FIELD`. */
export type FieldProblem = Violation & { readonly code: 'INVALID_FIELD'; readonly field: string };

/** A result that either carries a value or every problem that prevented it. */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

/** Builds an `INVALID_FIELD` problem for `field`. */
export const fieldProblem = (
  field: string,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): FieldProblem => (details === undefined ? { code: 'INVALID_FIELD', field, message } : { code: 'INVALID_FIELD', field, message, details });

/** Builds a violation with a stable code and details. */
export const violation = (
  code: EquipmentViolationCode,
  message: string,
  details: Readonly<Record<string, unknown>>,
): Violation => ({ code, message, details });
