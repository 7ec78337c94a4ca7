import { expect } from 'vitest';
import { loadDemoPlant } from '../../../demo/demo-plant.js';
import type { TestTakt } from '../../../../test/support/takt.js';
import { buildRecordContent } from './batch-record.builder.js';
import { contentHash } from './batch-record.query.js';
import { loadRecordEvents, loadSnapshot, underRules } from './batch-record.repository.js';
import type { RecordContent } from './batch-record.types.js';

export interface DemoBatch {
  readonly ops: { readonly gran: string; readonly blend: string };
  /** Calls the API as one of the demo plant's people. */
  as(person: 'olga.operator' | 'omar.operator' | 'sam.supervisor' | 'quinn.quality', method: string, url: string, body?: unknown): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- API answers
}

/**
 * Runs demo order WO-1001 (300 kg paracetamol blend) to completion through the API, with the exceptions a reviewer
 * must see: a hold and its release, a pause with a reason, scrap with a reason, and labour of two people.
 */
export async function runDemoBatch(t: TestTakt): Promise<DemoBatch> {
  await loadDemoPlant(t.takt);
  const tokens = new Map<string, string>();
  const as: DemoBatch['as'] = async (person, method, url, body) => {
    if (!tokens.has(person)) tokens.set(person, (await t.takt.tokens.issue(person, 0)).token);
    const r = await t.call(method, url, { token: tokens.get(person)!, ...(body === undefined ? {} : { body }) });
    expect(r.status, `${person} ${method} ${url}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r;
  };
  const order = await as('sam.supervisor', 'GET', '/api/v1/work-orders/WO-1001');
  const [gran, blend] = (order.body.operations as { id: string }[]).map((o) => o.id) as [string, string];
  await as('olga.operator', 'POST', `/api/v1/operations/${gran}/clock-on`, {});
  await as('olga.operator', 'POST', `/api/v1/operations/${gran}/start`, { equipmentId: 'GRAN-1' });
  await as('olga.operator', 'POST', `/api/v1/operations/${gran}/consume`, { lotId: 'L-API-2401', quantity: 255 });
  await as('olga.operator', 'POST', `/api/v1/operations/${gran}/consume`, { lotId: 'L-MCC-2390', quantity: 30 });
  await as('olga.operator', 'POST', `/api/v1/operations/${gran}/pause`, { reason: 'Granulator bowl temperature alarm, cooling down' });
  await as('sam.supervisor', 'POST', '/api/v1/work-orders/WO-1001/hold', { reason: 'Deviation DEV-2026-014: water quantity to be confirmed' });
  await as('quinn.quality', 'POST', '/api/v1/work-orders/WO-1001/unhold', { reason: 'DEV-2026-014 closed: water within validated range' });
  await as('olga.operator', 'POST', `/api/v1/operations/${gran}/resume`, {});
  await as('olga.operator', 'POST', `/api/v1/operations/${gran}/consume`, { lotId: 'L-STA-2377', quantity: 12 });
  await as('olga.operator', 'POST', `/api/v1/operations/${gran}/report`, { good: 294, scrap: 3, scrapReason: 'Granulate lumps retained on the screen' });
  await as('olga.operator', 'POST', `/api/v1/operations/${gran}/clock-off`, {});
  await as('olga.operator', 'POST', `/api/v1/operations/${gran}/complete`, {});
  await as('omar.operator', 'POST', `/api/v1/operations/${blend}/clock-on`, {});
  await as('omar.operator', 'POST', `/api/v1/operations/${blend}/start`, { equipmentId: 'BLEND-1' });
  await as('sam.supervisor', 'POST', `/api/v1/operations/${blend}/clock-on`, { personId: 'quinn.quality' });
  await as('omar.operator', 'POST', `/api/v1/operations/${blend}/consume`, { lotId: 'L-MGS-2311', quantity: 2.9 });
  await as('omar.operator', 'POST', `/api/v1/operations/${blend}/produce`, { lotId: 'B-PARA-0001', quantity: 292 });
  await as('omar.operator', 'POST', `/api/v1/operations/${blend}/report`, { good: 292, scrap: 2, scrapReason: 'Sample retained for stability' });
  // Completing the blend clocks omar and quinn off with it.
  await as('omar.operator', 'POST', `/api/v1/operations/${blend}/complete`, {});
  return { ops: { gran, blend }, as };
}

/**
 * Makes the stored release of an order look as a release made under earlier record rules would have stored it: the
 * content those rules build, its journal range and hash. Answers that content and its hash.
 */
export async function storeReleaseUnderRules(t: TestTakt, workOrderId: string, rules: number): Promise<{ content: RecordContent; hash: string }> {
  const db = t.takt.store.db;
  const snapshot = await loadSnapshot(db, workOrderId);
  if (!snapshot) throw new Error(`no order ${workOrderId}`);
  const content = buildRecordContent(snapshot, underRules(await loadRecordEvents(db, snapshot), rules), rules);
  const hash = contentHash(content);
  await db.updateTable('record_signoffs').set({ rules, content_hash: hash, first_seq: content.journal.firstSeq as number, last_seq: content.journal.lastSeq as number, last_hash: content.journal.lastHash as string })
    .where('work_order_id', '=', workOrderId).where('kind', '=', 'release').execute();
  return { content, hash };
}
