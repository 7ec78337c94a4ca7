import { violation, type Violation } from '../../../platform/errors/violation.js';
import type { Decision, Nonconformance } from './nonconformance.repository.js';

/** What a decision does to the held lot and the held order. */
export interface DispositionEffect {
  /** `release`: the lot is released; `reject`: the lot is rejected (unusable). */
  readonly lot: 'release' | 'reject';
  /** The rejected lot's remaining quantity is written off (scrapped). */
  readonly writeOff: boolean;
  /** The order comes back from its quality hold; otherwise it stays held until a supervisor decides. */
  readonly releaseOrder: boolean;
}

/**
 * - use_as_is: the units are accepted as they are: lot released, order back from hold.
 * - rework: the units are reworked within the order: lot released and order back from hold so the work can go on;
 *   the inspection that found the nonconformance no longer counts, so the operation completes only after the
 *   reworked units were inspected again.
 * - scrap: lot rejected and its remaining quantity written off; the order stays on hold: whether to make up the
 *   quantity, go on short or cancel is a supervisor's decision (unhold or cancel the order).
 * - return_to_vendor: lot rejected (it goes back, so it keeps its quantity until shipped); the order, which can go on
 *   with other material, comes back from hold.
 */
export const DISPOSITION_EFFECTS: Readonly<Record<Decision, DispositionEffect>> = {
  use_as_is: { lot: 'release', writeOff: false, releaseOrder: true },
  rework: { lot: 'release', writeOff: false, releaseOrder: true },
  scrap: { lot: 'reject', writeOff: true, releaseOrder: false },
  return_to_vendor: { lot: 'reject', writeOff: false, releaseOrder: true },
};

/** A nonconformance is dispositioned once: a closed one refuses a second decision. */
export function dispositionAllowed(nc: Nonconformance, decision: Decision): Violation[] {
  return nc.status === 'open'
    ? []
    : [
        violation('INVALID_TRANSITION', `nonconformance ${nc.id} was already dispositioned (${nc.decision ?? 'unknown'})`, {
          details: { kind: 'nonconformance', id: nc.id, from: nc.status, to: decision },
        }),
      ];
}
