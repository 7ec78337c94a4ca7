import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../support/stores.js';
import { startTestTakt, type TestTakt } from '../support/takt.js';
import { buildPlant, receive, releasedOrder } from '../support/plant.js';

/** Many clients consume against one lot at once: the lot never goes below zero, the BOM limit holds, records agree. */
describeStores('concurrent consumption', (dialect) => {
  let t: TestTakt;
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
    for (const id of ['MIX-2', 'MIX-3', 'MIX-4', 'MIX-5']) await t.call('PUT', `/api/v1/equipment/${id}`, { body: { name: id, parentId: 'WC-MIX' } });
  });
  afterAll(() => t.close());

  async function invariants(lotId: string, initial: number) {
    const db = t.takt.store.db;
    const lot = await db.selectFrom('lots').select(['quantity', 'status']).where('id', '=', lotId).executeTakeFirstOrThrow();
    const rows = await db.selectFrom('consumptions').select('quantity').where('lot_id', '=', lotId).execute();
    const consumed = rows.reduce((s, r) => s + r.quantity, 0);
    const events = await db.selectFrom('journal').select('data').where('action', '=', 'lot.consumed').where('entity_id', '=', lotId).execute();
    const journaled = events.reduce((s, e) => s + (JSON.parse(e.data) as { quantity: number }).quantity, 0);
    expect(lot.quantity).toBeGreaterThanOrEqual(0);
    expect(consumed).toBeCloseTo(journaled, 9);
    expect(lot.quantity + consumed).toBeCloseTo(initial, 9);
    return { remaining: lot.quantity, consumed, status: lot.status };
  }

  it('twenty clients over four orders take exactly what one lot holds', async () => {
    await receive(t, 'SHARED', 'SUB', 10);
    const orders = await Promise.all(['C1', 'C2', 'C3', 'C4'].map((id) => releasedOrder(t, id, 'FIN', 100)));
    await Promise.all(orders.map((ops, i) => t.call('POST', `/api/v1/operations/${ops[10]}/start`, { body: { equipmentId: `MIX-${i + 1}` }, as: 'operator' })));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.call('POST', `/api/v1/operations/${orders[i % 4]![10]}/consume`, { body: { lotId: 'SHARED', quantity: 1 }, as: 'operator' })),
    );
    const ok = answers.filter((a) => a.status === 200).length;
    expect(ok).toBe(10);
    for (const a of answers.filter((x) => x.status !== 200)) {
      expect(a.status).toBe(409);
      expect(a.body.violations.map((v: { code: string }) => v.code)).toContain('LOT_INSUFFICIENT_QUANTITY');
    }
    expect(await invariants('SHARED', 10)).toEqual({ remaining: 0, consumed: 10, status: 'consumed' });
    expect((await t.call('GET', '/api/v1/journal/verify')).body.ok).toBe(true);
  });

  it('ten clients at one operation never consume past the BOM limit', async () => {
    await receive(t, 'PLENTY', 'SUB', 100);
    const ops = await releasedOrder(t, 'C5', 'FIN', 10);
    await t.call('POST', `/api/v1/operations/${ops[10]}/start`, { body: { equipmentId: 'MIX-5' }, as: 'operator' });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => t.call('POST', `/api/v1/operations/${ops[10]}/consume`, { body: { lotId: 'PLENTY', quantity: 0.5 }, as: 'operator' })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(4);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.violations[0].code === 'OVER_CONSUMPTION')).toBe(true);
    expect(await invariants('PLENTY', 100)).toMatchObject({ consumed: 2, remaining: 98 });
  });
});
