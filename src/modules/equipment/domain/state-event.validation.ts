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
  /** The earliest `at` accepted, epoch milliseconds. Default {@link EARLIEST_EVENT_AT}. */
  readonly earliestAt?: number;
  /** States that need a reason code. Default none: a stop without a reason is an unassigned stop. */
  readonly reasonRequiredFor?: readonly EquipmentState[];
  /** When given, a reason must be one of these codes (the downtime reason tree). */
  readonly knownReasons?: ReadonlySet<string>;
};

/** Default tolerated clock skew for events stamped in the future. */
export const DEFAULT_MAX_FUTURE_SKEW_MS = 5_000;

/**
 * The earliest time a state event or a count may carry: 2000-01-01T00:00:00Z. Anything before it is a machine clock
 * that was never set (epoch 0, year 1) or a unit error, and would stretch the history over decades.
 */
export const EARLIEST_EVENT_AT = Date.UTC(2000, 0, 1);

/**
 * Default states that require a reason code: none. Plants stop without knowing why; such a stop is recorded as an
 * unassigned stop (the Pareto's `UNSPECIFIED`) and its reason can be given later by reporting the same state at the
 * same `at` with the reason. A plant opts in per equipment (`reasonRequiredFor` in the equipment settings).
 */
export const DEFAULT_REASON_REQUIRED_FOR: readonly EquipmentState[] = [];

/**
 * Every problem of an event time: not finite, before `earliestAt` (default {@link EARLIEST_EVENT_AT}), or further
 * in the future than the tolerated skew (default {@link DEFAULT_MAX_FUTURE_SKEW_MS}). Field `at`.
 */
export const eventTimeProblems = (
  at: number,
  rules: { readonly now: number; readonly maxFutureSkewMs?: number; readonly earliestAt?: number },
): Violation[] => {
  if (typeof at !== 'number' || !Number.isFinite(at)) {
    return [violation('INVALID_FIELD', 'at must be a finite epoch-millisecond time', { field: 'at' })];
  }
  const earliest = rules.earliestAt ?? EARLIEST_EVENT_AT;
  if (at < earliest) {
    return [violation('INVALID_FIELD', `at lies before ${new Date(earliest).toISOString()}, the earliest time accepted`, { field: 'at', details: { at, earliest } })];
  }
  const skew = rules.maxFutureSkewMs ?? DEFAULT_MAX_FUTURE_SKEW_MS;
  if (at > rules.now + skew) {
    return [violation('INVALID_FIELD', `at lies ${at - rules.now} ms in the future (tolerated: ${skew} ms)`, { field: 'at', details: { at, now: rules.now } })];
  }
  return [];
};

const normalizeReason = (reason: string | null | undefined): string | null => {
  if (reason === undefined || reason === null) return null;
  const trimmed = reason.trim();
  return trimmed === '' ? null : trimmed;
};

/**
 * Every field problem of a state event: unknown state, missing required reason, unknown reason code,
 * non-finite `at`, `at` before the earliest time accepted or further in the future than the tolerated skew. An empty list means the event is valid.
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
  problems.push(...eventTimeProblems(input.at, rules));
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
