import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../support/stores.js';
import { startTestTakt, TEST_PASSWORD, type TestTakt } from '../support/takt.js';
import type { AckLine } from './load-generator.js';
import { missingAcknowledged, partialCommands } from './support/execution-invariants.js';
import { setUpExecutionPlant, type ExecutionPlan } from './support/execution-plant.js';
import { login, request } from './support/http-client.js';

/** The checks of the crash and multi-node tests find what they are meant to find (they could pass vacuously otherwise). */
describeStores('execution invariants', (dialect) => {
  let t: TestTakt;
  let plan: ExecutionPlan;
  const acks: AckLine[] = [];

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    const base = await t.takt.app.listen({ host: '127.0.0.1', port: 0 });
    plan = await setUpExecutionPlant(base, { workers: 1, orders: 2, lots: 2, lotQuantity: 100, rounds: 3 }, TEST_PASSWORD);
    const token = await login(base, plan.operator.username, plan.operator.password);
    const order = plan.orders[0]!;
    const send = async (kind: AckLine['kind'], n: number, body: Record<string, unknown>) => {
      const key = `${order.id}:${kind}:${n}`;
      const r = await request(base, 'POST', `/api/v1/operations/${order.operationId}/${kind}`, { token, body, headers: { 'idempotency-key': key } });
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
      acks.push({ key, kind, orderId: order.id, operationId: order.operationId, status: r.status, body, response: r.body });
    };
    await send('start', 0, { equipmentId: plan.equipment[0] });
    await send('consume', 1, { lotId: plan.lots[0]!.id, quantity: 2 });
    await send('produce', 0, { lotId: `${order.id}-OUT`, quantity: 1 });
    await send('consume', 2, { lotId: plan.lots[1]!.id, quantity: 1 });
    await send('report', 1, { good: 1, scrap: 0 });
  });
  afterAll(() => t.close());

  const db = () => t.takt.store.db;

  it('finds every acknowledged command and nothing partial in an intact store', async () => {
    expect(await missingAcknowledged(db(), acks, plan.operator.username)).toEqual([]);
    expect(await partialCommands(db())).toEqual([]);
  });

  it('reports an acknowledged command the store does not hold', async () => {
    const consume = acks.find((a) => a.kind === 'consume')!;
    const lost: AckLine = { ...consume, key: 'lost:consume:9', response: { ...consume.response, lotRemaining: 42 } };
    expect(await missingAcknowledged(db(), [...acks, lost], plan.operator.username)).toEqual([
      `acknowledged lost:consume:9 (lot.consumed ${consume.response.lotId}) has no journal event`,
      'acknowledged lost:consume:9 has no idempotency record',
    ]);
  });

  it('reports a consumption without its genealogy edge, a lot decrement without its consumption, and a broken chain', async () => {
    const edge = await db().selectFrom('genealogy_edges').selectAll().where('from_lot', '=', plan.lots[0]!.id).executeTakeFirstOrThrow();
    await db().deleteFrom('genealogy_edges').where('from_lot', '=', edge.from_lot).where('to_lot', '=', edge.to_lot).execute();
    await db().updateTable('lots').set({ quantity: 90 }).where('id', '=', plan.lots[1]!.id).execute();
    await db().updateTable('journal').set({ reason: 'tampered' }).where('seq', '=', 3).execute();
    const problems = await partialCommands(db());
    expect(problems).toEqual(expect.arrayContaining([
      `edge ${edge.from_lot} ${edge.to_lot} ${edge.work_order_id}: missing, consumed 2`,
      `lot ${plan.lots[1]!.id}: decremented by 10 but consumed 1`,
      'journal chain broken at seq 3',
    ]));
  });
});
