import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../platform/journal/canonical-json.js';
import type { ShiftDefinition } from '../domain/index.js';

/** Bumped whenever the way an account is computed changes: every cached account then is recomputed. */
// 2: a break of one shift no longer takes planned time out of another shift overlapping it.
export const ACCOUNT_MODEL_VERSION = 2;

/** Everything besides the equipment's own history that a day account depends on. */
export interface AccountInputs {
  readonly timeZone: string;
  readonly shifts: readonly ShiftDefinition[];
  readonly microStopThresholdSec: number;
  readonly defaultIdealCycleTimeSec: number;
  /** Reason code → planned, for every reason of the tree (a stop's class follows its reason). */
  readonly plannedReasons: readonly (readonly [string, boolean])[];
}

/** A stable digest of the inputs: a cached account is valid only under the digest it was computed with. */
export function accountFingerprint(inputs: AccountInputs): string {
  const shifts = [...inputs.shifts]
    .map((s) => ({ code: s.code, start: s.start, end: s.end, days: s.days ?? null, breaks: s.breaks.map((b) => ({ start: b.start, end: b.end })) }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const reasons = [...inputs.plannedReasons].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const payload = { v: ACCOUNT_MODEL_VERSION, tz: inputs.timeZone, shifts, micro: inputs.microStopThresholdSec, ict: inputs.defaultIdealCycleTimeSec, reasons };
  return createHash('sha256').update(canonicalJson(payload)).digest('hex').slice(0, 32);
}
