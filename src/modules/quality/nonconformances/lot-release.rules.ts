import type { Kysely } from 'kysely';
import { violation, type Violation } from '../../../platform/errors/violation.js';
import type { Database } from '../../../platform/store/schema.js';
import { openLotHolders } from './nonconformance.repository.js';

/**
 * Why a lot on hold may not be released by hand: one violation per open nonconformance that holds it
 * (LOT_HELD_BY_NONCONFORMANCE with `details.nonconformanceId`). A quality hold ends with the
 * disposition of its nonconformance, which releases or rejects the lot and closes the finding; a release by hand would
 * leave the nonconformance open, still claiming a hold that no longer is. Empty for a lot no open nonconformance holds
 * (held by hand, or its nonconformances decided). Reads only; the inventory's release command asks it in its transaction.
 */
export async function lotReleaseBlockers(db: Kysely<Database>, lotId: string): Promise<Violation[]> {
  const holders = await openLotHolders(db, lotId);
  return holders.map((nonconformanceId) =>
    violation('LOT_HELD_BY_NONCONFORMANCE', `lot '${lotId}' is held by open nonconformance ${nonconformanceId}: its disposition (POST /api/v1/nonconformances/${nonconformanceId}/disposition) releases or rejects the lot`, {
      field: 'id', details: { lotId, nonconformanceId },
    }),
  );
}
