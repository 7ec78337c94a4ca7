import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeStores } from '../support/stores.js';
import { startTestTakt, type TestTakt } from '../support/takt.js';
import { buildPlant, receive, releasedOrder, snapshot } from '../support/plant.js';

/**
 * One test per violation code: the command is refused with that code, and nothing was written (journal, lots,
 * consumptions, productions, reports, edges, orders and operations all unchanged).
 */
describeStores('enforcement: every refused command names its reasons and writes nothing', (dialect) => {
  let t: TestTakt;
  let n = 0;
  let ops: Record<number, string>;
  let order: string;
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
    await receive(t, 'S-OK', 'SUB', 1000);
    await receive(t, 'K-OK', 'PKG', 1000);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    n += 1;
    order = `WO-${n}`;
    ops = await releasedOrder(t, order, 'FIN', 10);
  });

  const as = (role: 'operator' | 'supervisor') => (method: string, url: string, body: unknown = {}) => t.call(method, url, { body, as: role });
  const op = as('operator');

  async function refused(call: () => Promise<{ status: number; body: { violations?: { code: string }[] } }>, ...codes: string[]) {
    const before = await snapshot(t);
    const r = await call();
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect(r.body.violations?.map((v) => v.code).sort()).toEqual([...codes].sort());
    expect(await snapshot(t)).toEqual(before);
    return r;
  }

  it('ORDER_NOT_RELEASED: an operation of a created order does not start', async () => {
    const created = await t.call('POST', '/api/v1/work-orders', { body: { id: `${order}-c`, materialId: 'FIN', quantity: 1 } });
    await refused(() => op('POST', `/api/v1/operations/${created.body.operations[0].id}/start`, { equipmentId: 'MIX-1' }), 'ORDER_NOT_RELEASED');
  });

  it('ORDER_ON_HOLD: nothing runs on a held order', async () => {
    await t.call('POST', `/api/v1/work-orders/${order}/hold`, { body: { reason: 'deviation under review' }, as: 'supervisor' });
    await refused(() => op('POST', `/api/v1/operations/${ops[10]}/start`, { equipmentId: 'MIX-1' }), 'ORDER_ON_HOLD');
  });

  it('ORDER_CLOSED: nothing runs on a cancelled order', async () => {
    await t.call('POST', `/api/v1/work-orders/${order}/cancel`, { body: {}, as: 'supervisor' });
    await refused(() => op('POST', `/api/v1/operations/${ops[10]}/start`, { equipmentId: 'MIX-1' }), 'ORDER_CLOSED');
  });

  it('OPERATION_SEQUENCE: packing does not start before pressing is completed', async () => {
    await refused(() => op('POST', `/api/v1/operations/${ops[20]}/start`, { equipmentId: 'PACK-1' }), 'OPERATION_SEQUENCE');
  });

  it('OPERATION_NOT_RUNNING: no consumption at an operation that was not started', async () => {
    await refused(() => op('POST', `/api/v1/operations/${ops[10]}/consume`, { lotId: 'S-OK', quantity: 1 }), 'OPERATION_NOT_RUNNING');
  });

  it('EQUIPMENT_NOT_IN_WORK_CENTER: the packer cannot run the press step', async () => {
    await refused(() => op('POST', `/api/v1/operations/${ops[10]}/start`, { equipmentId: 'PACK-1' }), 'EQUIPMENT_NOT_IN_WORK_CENTER');
  });

  it('EQUIPMENT_UNAVAILABLE: equipment marked unavailable, or busy with another operation', async () => {
    await t.call('PUT', '/api/v1/equipment/MIX-2', { body: { name: 'Mixer 2', parentId: 'WC-MIX', available: false } });
    await refused(() => op('POST', `/api/v1/operations/${ops[10]}/start`, { equipmentId: 'MIX-2' }), 'EQUIPMENT_UNAVAILABLE');
    const other = await releasedOrder(t, `${order}-b`, 'FIN', 5);
    expect((await op('POST', `/api/v1/operations/${other[10]}/start`, { equipmentId: 'MIX-1' })).status).toBe(200);
    await refused(() => op('POST', `/api/v1/operations/${ops[10]}/start`, { equipmentId: 'MIX-1' }), 'EQUIPMENT_UNAVAILABLE');
    await op('POST', `/api/v1/operations/${other[10]}/pause`, {});
  });

  it('PERSON_NOT_QUALIFIED: a person without the qualification cannot start the step', async () => {
    await refused(() => t.call('POST', `/api/v1/operations/${ops[10]}/start`, { body: { equipmentId: 'MIX-1' }, as: 'admin' }), 'PERSON_NOT_QUALIFIED');
  });

  it('QUALIFICATION_EXPIRED: an expired qualification does not count', async () => {
    await refused(() => as('supervisor')('POST', `/api/v1/operations/${ops[10]}/start`, { equipmentId: 'MIX-1' }), 'QUALIFICATION_EXPIRED');
  });

  describe_lot_rules();

  function describe_lot_rules() {
    const started = async () => {
      expect((await op('POST', `/api/v1/operations/${ops[10]}/start`, { equipmentId: 'MIX-1' })).status).toBe(200);
    };
    it('LOT_NOT_FOUND', async () => {
      await started();
      await refused(() => op('POST', `/api/v1/operations/${ops[10]}/consume`, { lotId: 'NOPE', quantity: 1 }), 'LOT_NOT_FOUND');
      await op('POST', `/api/v1/operations/${ops[10]}/pause`);
    });
    it('LOT_WRONG_MATERIAL: cartons are not consumed at the press step', async () => {
      await started();
      await refused(() => op('POST', `/api/v1/operations/${ops[10]}/consume`, { lotId: 'K-OK', quantity: 1 }), 'LOT_WRONG_MATERIAL');
      await op('POST', `/api/v1/operations/${ops[10]}/pause`);
    });
    it('LOT_NOT_RELEASED: a lot in quarantine', async () => {
      await started();
      await t.call('POST', '/api/v1/lots', { body: { id: `${order}-Q`, materialId: 'SUB', quantity: 5 } });
      await refused(() => op('POST', `/api/v1/operations/${ops[10]}/consume`, { lotId: `${order}-Q`, quantity: 1 }), 'LOT_NOT_RELEASED');
      await op('POST', `/api/v1/operations/${ops[10]}/pause`);
    });
    it('LOT_ON_HOLD', async () => {
      await started();
      await receive(t, `${order}-H`, 'SUB', 5);
      await t.call('POST', `/api/v1/lots/${order}-H/hold`, { body: { reason: 'suspect' }, as: 'quality' });
      await refused(() => op('POST', `/api/v1/operations/${ops[10]}/consume`, { lotId: `${order}-H`, quantity: 1 }), 'LOT_ON_HOLD');
      await op('POST', `/api/v1/operations/${ops[10]}/pause`);
    });
    it('LOT_EXPIRED', async () => {
      await started();
      await receive(t, `${order}-E`, 'SUB', 5, { expiresAt: '2020-01-01T00:00:00Z' });
      await refused(() => op('POST', `/api/v1/operations/${ops[10]}/consume`, { lotId: `${order}-E`, quantity: 1 }), 'LOT_EXPIRED');
      await op('POST', `/api/v1/operations/${ops[10]}/pause`);
    });
    it('LOT_INSUFFICIENT_QUANTITY', async () => {
      await started();
      await receive(t, `${order}-L`, 'SUB', 0.5);
      await refused(() => op('POST', `/api/v1/operations/${ops[10]}/consume`, { lotId: `${order}-L`, quantity: 1 }), 'LOT_INSUFFICIENT_QUANTITY');
      await op('POST', `/api/v1/operations/${ops[10]}/pause`);
    });
    it('OVER_CONSUMPTION: more than BOM quantity × planned quantity', async () => {
      await started();
      expect((await op('POST', `/api/v1/operations/${ops[10]}/consume`, { lotId: 'S-OK', quantity: 1.5 })).status).toBe(200);
      await refused(() => op('POST', `/api/v1/operations/${ops[10]}/consume`, { lotId: 'S-OK', quantity: 0.6 }), 'OVER_CONSUMPTION');
      expect((await op('POST', `/api/v1/operations/${ops[10]}/consume`, { lotId: 'S-OK', quantity: 0.5 })).status).toBe(200);
      await op('POST', `/api/v1/operations/${ops[10]}/pause`);
    });
    it('OVER_PRODUCTION: good beyond the planned quantity with no tolerance', async () => {
      await started();
      await refused(() => op('POST', `/api/v1/operations/${ops[10]}/report`, { good: 11 }), 'OVER_PRODUCTION');
      await refused(() => op('POST', `/api/v1/operations/${ops[10]}/produce`, { lotId: `${order}-F`, quantity: 10.5 }), 'OVER_PRODUCTION');
      await op('POST', `/api/v1/operations/${ops[10]}/pause`);
    });
    it('lists every reason at once: wrong material, on hold, expired and too little', async () => {
      await started();
      await receive(t, `${order}-X`, 'PKG', 1, { expiresAt: '2020-01-01T00:00:00Z' });
      await t.call('POST', `/api/v1/lots/${order}-X/hold`, { body: { reason: 'suspect' }, as: 'quality' });
      await refused(() => op('POST', `/api/v1/operations/${ops[10]}/consume`, { lotId: `${order}-X`, quantity: 2 }), 'LOT_WRONG_MATERIAL', 'LOT_ON_HOLD', 'LOT_EXPIRED', 'LOT_INSUFFICIENT_QUANTITY');
      const dry = await op('POST', `/api/v1/operations/${ops[10]}/consume?dryRun=true`, { lotId: `${order}-X`, quantity: 2 });
      expect(dry.status).toBe(200);
      expect(dry.body.allowed).toBe(false);
      expect(dry.body.violations).toHaveLength(4);
      await op('POST', `/api/v1/operations/${ops[10]}/pause`);
    });
  }

  it('REVISION_NOT_APPROVED: no order from a product without an approved revision', async () => {
    await t.call('PUT', '/api/v1/materials/NEWP', { body: { name: 'New product', uom: 'pcs', lotControlled: true } });
    await refused(() => t.call('POST', '/api/v1/work-orders', { body: { id: `${order}-n`, materialId: 'NEWP', quantity: 1 }, as: 'supervisor' }), 'REVISION_NOT_APPROVED');
  });

  it('answers 400 naming revision for an order asking a revision beyond any a product can have (a 500 on PostgreSQL before)', async () => {
    for (const revision of [2_147_483_648, 1_000_001, 0, 1.5]) {
      const bad = await t.call('POST', '/api/v1/work-orders', { body: { id: `${order}-r`, materialId: 'FIN', quantity: 1, revision }, as: 'supervisor' });
      expect(bad.status, JSON.stringify(bad.body)).toBe(400);
      expect(bad.body.violations[0]).toMatchObject({ code: 'INVALID_FIELD', field: 'revision' });
    }
  });

  it('INVALID_TRANSITION names from and to: releasing a released order, completing a completed step', async () => {
    const r = await refused(() => t.call('POST', `/api/v1/work-orders/${order}/release`, { body: {}, as: 'supervisor' }), 'INVALID_TRANSITION');
    expect((r.body.violations as unknown as { details: unknown }[])[0]?.details).toMatchObject({ from: 'released', to: 'released' });
  });

  it('INVALID_TRANSITION says which statuses a change may start from: taking an order off hold that is not on hold', async () => {
    const r = await refused(() => t.call('POST', `/api/v1/work-orders/${order}/unhold`, { body: {}, as: 'supervisor' }), 'INVALID_TRANSITION');
    const v = (r.body.violations as unknown as { message: string; details: unknown }[])[0];
    expect(v?.details).toMatchObject({ from: 'released', allowed: ['on_hold'] });
    expect(v?.message).toContain('(only from on_hold)');
  });

  it('answers 404 naming an unknown operation, and 400 for a bad quantity', async () => {
    const missing = await op('POST', '/api/v1/operations/NOPE.10/start', { equipmentId: 'MIX-1' });
    expect(missing.status).toBe(404);
    expect(missing.body.violations[0].details).toMatchObject({ id: 'NOPE.10' });
    for (const quantity of [-1, 0, 1234567890.1234567, 'x']) {
      const bad = await op('POST', `/api/v1/operations/${ops[10]}/consume`, { lotId: 'S-OK', quantity });
      expect(bad.status).toBe(400);
      expect(bad.body.violations[0]).toMatchObject({ code: 'INVALID_FIELD', field: 'quantity' });
    }
  });
});
