import { EQUIPMENT_STATES, isEquipmentState, type EquipmentState, type StateEvent } from './equipment-state.js';
import { violation, type Violation } from '../../../platform/errors/violation.js';

/** A state event as received (state not yet known to be valid). `at` in epoch milliseconds. */
export type StateEventInput = {
  readonly state: string;
  readonly reason?: string | null;
  readonly at: number;
};

/** What an incoming state event is checked against. */
export type StateEventRules = {
  /** The receiving clock, epoch milliseconds. */
  readonly now: number;
  /** How far `at` may lie ahead of `now` (clock skew between machine and server). Default 5000 ms. */
  readonly maxFutureSkewMs?: number;
  /** States that need a reason code. Default `down` and `planned_stop`. */
  readonly reasonRequiredFor?: readonly EquipmentState[];
  /** When given, a reason must be one of these codes (the downtime reason tree). */
  readonly knownReasons?: ReadonlySet<string>;
};

/** Default tolerated clock skew for events stamped in the future. */
export const DEFAULT_MAX_FUTURE_SKEW_MS = 5_000;

/** Default states that require a reason code. */
export const DEFAULT_REASON_REQUIRED_FOR: readonly EquipmentState[] = ['down', 'planned_stop'];

const normalizeReason = (reason: string | null | undefined): string | null => {
  if (reason === undefined || reason === null) return null;
  const trimmed = reason.trim();
  return trimmed === '' ? null : trimmed;
};

/**
 * Every field problem of a state event: unknown state, missing required reason, unknown reason code,
 * non-finite `at`, `at` further in the future than the tolerated skew. An empty list means the event is valid.
 */
export const validateStateEvent = (input: StateEventInput, rules: StateEventRules): Violation[] => {
  const problems: Violation[] = [];
  const reason = normalizeReason(input.reason);
  if (!isEquipmentState(input.state)) {
    problems.push(
      violation('INVALID_FIELD', `unknown state "${String(input.state)}"; expected one of ${EQUIPMENT_STATES.join(', ')}`, { field: 'state' }),
    );
  } else if (reason === null && (rules.reasonRequiredFor ?? DEFAULT_REASON_REQUIRED_FOR).includes(input.state)) {
    problems.push(violation('INVALID_FIELD', `a reason code is required for state "${input.state}"`, { field: 'reason' }));
  }
  if (reason !== null && rules.knownReasons !== undefined && !rules.knownReasons.has(reason)) {
    problems.push(violation('INVALID_FIELD', `unknown reason code "${reason}"`, { field: 'reason' }));
  }
  if (typeof input.at !== 'number' || !Number.isFinite(input.at)) {
    problems.push(violation('INVALID_FIELD', 'at must be a finite epoch-millisecond time', { field: 'at' }));
  } else {
    const skew = rules.maxFutureSkewMs ?? DEFAULT_MAX_FUTURE_SKEW_MS;
    if (input.at > rules.now + skew) {
      problems.push(
        violation('INVALID_FIELD', `at lies ${input.at - rules.now} ms in the future (tolerated: ${skew} ms)`, {
          field: 'at',
          details: { at: input.at, now: rules.now },
        }),
      );
    }
  }
  return problems;
};

/** A result that either carries a value or every field problem that prevented it. */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly Violation[] };

/** Validates and normalizes (trimmed reason, empty reason as null) a state event. */
export const parseStateEvent = (input: StateEventInput, rules: StateEventRules): Checked<StateEvent> => {
  const problems = validateStateEvent(input, rules);
  if (problems.length > 0 || !isEquipmentState(input.state)) return { ok: false, problems };
  return { ok: true, value: { state: input.state, reason: normalizeReason(input.reason), at: input.at } };
};
