import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildPlant, receive, releasedOrder, snapshot } from '../../../../test/support/plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';

const DAY = 86_400_000;
const due = (days: number): string => new Date(Date.now() + days * DAY).toISOString();

describeStores('dispatch list: a supervisor moves an order', (dialect) => {
  let t: TestTakt;
  let first: Record<number, string>;

  beforeEach(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
    await receive(t, 'RAW-1', 'RAW', 100);
    // Equal priorities, so the due dates decide: A, B, C.
    first = await releasedOrder(t, 'WO-A', 'SUB', 10, { dueAt: due(1) });
    await releasedOrder(t, 'WO-B', 'SUB', 10, { dueAt: due(2) });
    await releasedOrder(t, 'WO-C', 'SUB', 10, { dueAt: due(3) });
  });
  afterEach(() => t.close());

  const listed = async (as: 'operator' | 'supervisor' = 'operator'): Promise<string[]> =>
    (await t.call('GET', '/api/v1/work-centers/WC-MIX/dispatch-list', { as })).body.items.map((i: { workOrderId: string }) => i.workOrderId);
  const move = (workOrderId: string, position: number, extra: { as?: 'operator' | 'supervisor'; query?: string; reason?: string } = {}) =>
    t.call('POST', `/api/v1/work-centers/WC-MIX/dispatch-list/move${extra.query ?? ''}`, {
      as: extra.as ?? 'supervisor', body: { workOrderId, position, ...(extra.reason ? { reason: extra.reason } : {}) },
    });

  it('moves an order to the top in one transaction, answers the new list and journals each priority change', async () => {
    const r = await move('WO-C', 0, { reason: 'customer waiting' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items.map((i: { workOrderId: string }) => i.workOrderId)).toEqual(['WO-C', 'WO-A', 'WO-B']);
    expect(await listed()).toEqual(['WO-C', 'WO-A', 'WO-B']);
    const journal = await t.call('GET', '/api/v1/journal?entity=work-order&entityId=WO-C', { as: 'supervisor' });
    const event = journal.body.events.find((e: { action: string }) => e.action === 'work-order.reprioritized');
    expect(event).toMatchObject({ actor: 't-supervisor', reason: 'customer waiting', data: { changes: { priority: { before: 0, after: 1 } }, workCenterId: 'WC-MIX', position: 0 } });
  });

  it('moves an order down between equals by raising the orders that must stay above it', async () => {
    const r = await move('WO-A', 1);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await listed()).toEqual(['WO-B', 'WO-A', 'WO-C']);
    const orders = await Promise.all(['WO-A', 'WO-B', 'WO-C'].map(async (id) => (await t.call('GET', `/api/v1/work-orders/${id}`)).body.priority));
    expect(orders[1]).toBeGreaterThan(orders[0]);
    // And back up with the single-order priority command, as the board's "set priority" does.
    expect((await t.call('POST', '/api/v1/work-orders/WO-A/priority', { as: 'supervisor', body: { priority: orders[1] + 1 } })).status).toBe(200);
    expect(await listed()).toEqual(['WO-A', 'WO-B', 'WO-C']);
  });

  it('writes nothing on a dry run and refuses operators, unknown orders and running operations', async () => {
    const before = await snapshot(t);
    const dry = await move('WO-C', 0, { query: '?dryRun=true' });
    expect(dry.body).toEqual({ allowed: true, violations: [] });
    expect(await snapshot(t)).toEqual(before);
    expect((await move('WO-C', 0, { as: 'operator' })).status).toBe(403);
    const unknown = await move('WO-NONE', 0);
    expect([unknown.status, unknown.body.violations[0].code]).toEqual([404, 'NOT_FOUND']);
    const started = await t.call('POST', `/api/v1/operations/${first[10]}/start`, { as: 'operator', body: { equipmentId: 'MIX-1' } });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const running = await move('WO-A', 2);
    expect([running.status, running.body.violations[0].code]).toEqual([409, 'NOT_IN_DISPATCH_LIST']);
    expect(await listed()).toEqual(['WO-A', 'WO-B', 'WO-C']);
  });

  it('moves between orders tied at both ends of the priority range by renumbering within it', async () => {
    await releasedOrder(t, 'WO-D', 'SUB', 10, { dueAt: due(4), priority: 1000 });
    await releasedOrder(t, 'WO-E', 'SUB', 10, { dueAt: due(5), priority: 1000 });
    for (const id of ['WO-A', 'WO-B', 'WO-C']) expect((await t.call('POST', `/api/v1/work-orders/${id}/priority`, { as: 'supervisor', body: { priority: -1000 } })).status).toBe(200);
    const r = await move('WO-C', 1);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await listed()).toEqual(['WO-D', 'WO-C', 'WO-E', 'WO-A', 'WO-B']);
    const priorities = await Promise.all(['WO-A', 'WO-B', 'WO-C', 'WO-D', 'WO-E'].map(async (id) => (await t.call('GET', `/api/v1/work-orders/${id}`)).body.priority));
    expect(priorities.every((p: number) => p >= -1000 && p <= 1000), JSON.stringify(priorities)).toBe(true);
  });
});
