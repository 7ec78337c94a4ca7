import type { Kysely } from 'kysely';
import type { Violation } from '../../../platform/errors/violation.js';
import type { Database } from '../../../platform/store/schema.js';
import { producedAt, reportsOf, type Operation } from '../../production/index.js';
import { countedResultsAt } from './inspection.repository.js';
import { inspectionsComplete } from './required-inspections.rules.js';

/**
 * INSPECTION_MISSING for every characteristic of the operation that has fewer results than its frequency or
 * sampling plan requires for what the operation made (see `requiredResults`); none for an operation without
 * characteristics. What it made is the larger of the units it reported (good + scrap) and the quantity of the lots it
 * produced, so output booked only as lots is inspected too; a production counts as a checkpoint when nothing was
 * reported. Results of a reworked nonconformance do not count.
 */
export async function missingInspections(db: Kysely<Database>, operation: Operation): Promise<Violation[]> {
  if (operation.inspections.length === 0) return [];
  const reports = await reportsOf(db, [operation.id]);
  const produced = await producedAt(db, operation.id);
  const recorded = await countedResultsAt(db, operation.id);
  const output = {
    reports: Math.max(reports.length, Math.min(1, produced.productions)),
    units: Math.max(operation.good + operation.scrap, produced.quantity),
  };
  return inspectionsComplete(operation.id, operation.inspections, output, recorded);
}
