import type { Kysely } from 'kysely';
import type { Violation } from '../../../platform/errors/violation.js';
import type { Database } from '../../../platform/store/schema.js';
import { reportsOf, type Operation } from '../../production/index.js';
import { countedResultsAt } from './inspection.repository.js';
import { inspectionsComplete } from './required-inspections.rules.js';

/**
 * INSPECTION_MISSING for every characteristic of the operation that has fewer results than its frequency or
 * sampling plan requires for what the operation reported (see `requiredResults`); none for an operation without
 * characteristics. Results of a reworked nonconformance do not count.
 */
export async function missingInspections(db: Kysely<Database>, operation: Operation): Promise<Violation[]> {
  if (operation.inspections.length === 0) return [];
  const reports = await reportsOf(db, [operation.id]);
  const recorded = await countedResultsAt(db, operation.id);
  return inspectionsComplete(operation.id, operation.inspections, { reports: reports.length, units: operation.good + operation.scrap }, recorded);
}
