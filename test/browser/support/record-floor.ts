import { expect } from 'vitest';
import { runDemoBatch } from '../../../src/modules/compliance/records/record-scenario.test-support.js';
import { buildQualityPlant, startedOrder } from '../../support/quality-plant.js';
import type { TestTakt } from '../../support/takt.js';

/**
 * Two completed orders whose records have exceptions: demo order WO-1001 (holds, a pause, scrap, four lots, labour of
 * two people; see runDemoBatch) and WO-Q1 (5 shafts of the quality plant: a diameter out of specification, its
 * nonconformance decided "use as is", the hold it caused and lifted, one piece scrapped). Demo order WO-1002 stays
 * released, not started.
 */
export async function buildRecordFloor(t: TestTakt): Promise<void> {
  await runDemoBatch(t);
  await buildQualityPlant(t);
  const op = await startedOrder(t, 'WO-Q1', 'SHAFT', 5);
  const ok = async (method: string, url: string, body: unknown, as: 'operator' | 'quality') => {
    const r = await t.call(method, url, { as, body });
    expect(r.status, `${method} ${url}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body as { nonconformanceId?: string };
  };
  const inspect = (body: unknown) => ok('POST', `/api/v1/operations/${op}/inspections`, body, 'operator');
  await inspect({ characteristic: 'LEN', values: [50.2] });
  const bad = await inspect({ characteristic: 'DIA', values: [10.01, 10.08] });
  await ok('POST', `/api/v1/nonconformances/${bad.nonconformanceId}/disposition`, { decision: 'use_as_is', reason: 'Within functional tolerance, engineering approval E-77' }, 'quality');
  await ok('POST', `/api/v1/operations/${op}/report`, { good: 4, scrap: 1, scrapReason: 'Chipped edge' }, 'operator');
  await inspect({ characteristic: 'DIA', values: [10.02] });
  await inspect({ characteristic: 'VIS', pass: true });
  await ok('POST', `/api/v1/operations/${op}/complete`, {}, 'operator');
}
