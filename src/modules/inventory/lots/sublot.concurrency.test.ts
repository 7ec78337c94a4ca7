import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/roles.js';
import { Refusal } from '../../../platform/errors/violation.js';
import { splitLot } from './split-lot.command.js';

describeStores('lot split and merge under concurrency', (dialect) => {
  let t: TestTakt;
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await t.call('PUT', '/api/v1/materials/RESIN', { body: { name: 'Resin', uom: 'kg', lotControlled: true } });
  });
  afterAll(() => t.close());

  const receive = (id: string, quantity: number) =>
    t.call('POST', '/api/v1/lots', { as: 'operator', body: { id, materialId: 'RESIN', quantity, status: 'released' } });
  const quantityOf = async (id: string): Promise<number> => (await t.call('GET', `/api/v1/lots/${id}`)).body.quantity;

  it('ten clients splitting one lot over HTTP never take more than it holds', async () => {
    await receive('C1', 100);
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) => t.call('POST', '/api/v1/lots/C1/split', { as: 'operator', body: { newLotId: `C1-${i}`, quantity: 15 } })),
    );
    const taken = replies.filter((r) => r.status === 201);
    expect(taken).toHaveLength(6);
    for (const r of replies.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.violations.map((v: { code: string }) => v.code)).toEqual(['LOT_INSUFFICIENT_QUANTITY']);
    }
    expect(await quantityOf('C1')).toBe(10);
    const trace = await t.call('GET', '/api/v1/lots/C1/genealogy?direction=forward');
    expect(trace.body.edges.reduce((s: number, e: { quantity: number }) => s + e.quantity, 0)).toBe(90);
  });

  it('ten runners splitting and merging one lot in parallel: successful takes sum to at most the lot, never below zero', async () => {
    await receive('C2', 50);
    for (let i = 0; i < 5; i += 1) await receive(`C2-T${i}`, 1);
    const sizes = [7, 11, 13, 9, 17];
    const attempts = [
      ...sizes.map(async (quantity, i) => {
        try {
          await t.takt.runner.run(splitLot, { id: 'C2', newLotId: `C2-S${i}`, quantity }, { actor: SYSTEM_ACTOR });
          return quantity;
        } catch (error) {
          if (!(error instanceof Refusal)) throw error;
          return 0;
        }
      }),
      ...sizes.map(async (_q, i) => {
        const r = await t.call('POST', '/api/v1/lots/merge', { as: 'supervisor', body: { targetLotId: `C2-T${i}`, sourceLotIds: ['C2'] } });
        if (r.status !== 200) {
          expect(r.status).toBe(409);
          return 0;
        }
        return (r.body.target.quantity as number) - 1;
      }),
    ];
    const takes = await Promise.all(attempts);
    const total = takes.reduce((s, q) => s + q, 0);
    const left = await quantityOf('C2');
    expect(left).toBeGreaterThanOrEqual(0);
    expect(total).toBeLessThanOrEqual(50);
    expect(total + left).toBe(50);
    // At most one merge can empty the lot, and no split succeeds after it.
    expect(takes.slice(5).filter((q) => q > 0).length).toBeLessThanOrEqual(1);
  });
});
