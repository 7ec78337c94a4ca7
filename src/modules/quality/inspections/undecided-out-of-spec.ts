import type { Kysely } from 'kysely';
import { violation, type Violation } from '../../../platform/errors/violation.js';
import type { Database } from '../../../platform/store/schema.js';
import { openNonconformancesAt } from '../nonconformances/nonconformance.repository.js';

/**
 * OUT_OF_SPEC for every nonconformance an out-of-specification result opened at the operation that quality has not
 * dispositioned yet: the operation cannot complete (pass its output on) while a finding on it is undecided, even when
 * the order is no longer on hold (a supervisor lifted the hold, or the order was held for another reason and the
 * nonconformance shared no hold). Results with `onFail: warn` open no nonconformance and so never refuse.
 */
export async function undecidedOutOfSpec(db: Kysely<Database>, operationId: string): Promise<Violation[]> {
  const open = await openNonconformancesAt(db, operationId);
  return open.map((nc) =>
    violation('OUT_OF_SPEC', `characteristic '${nc.characteristicCode}' is out of specification and nonconformance ${nc.id} awaits its disposition`, {
      details: { operationId, nonconformanceId: nc.id, characteristic: nc.characteristicCode, findings: nc.findings },
    }),
  );
}
