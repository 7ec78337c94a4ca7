import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildQualityPlant, startedOrder } from '../../../../test/support/quality-plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type Reply, type TestTakt } from '../../../../test/support/takt.js';

describeStores('POST /operations/{id}/inspections', (dialect) => {
  let t: TestTakt;
  let shaft: string;
  let pin: string;
  let n = 0;
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildQualityPlant(t);
    shaft = await startedOrder(t, 'WO-I1', 'SHAFT', 10);
    pin = await startedOrder(t, 'WO-I2', 'PIN', 10);
  });
  afterAll(() => t.close());

  const inspect = (op: string, body: unknown, query = '') => t.call('POST', `/api/v1/operations/${op}/inspections${query}`, { body, as: 'operator' });
  const fields = (r: Reply) => (r.body.violations as { code: string; field?: string }[]).map((v) => `${v.code}:${v.field ?? ''}`);
  const journalLength = async () =>
    Number((await t.takt.store.db.selectFrom('journal').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  /** A refused inspection: the status, the named fields, and nothing written (journal and results unchanged). */
  async function refused(r: () => Promise<Reply>, status: number, ...expected: string[]) {
    const before = [await journalLength(), (await t.call('GET', `/api/v1/operations/${shaft}/inspections`)).body.results.length];
    const reply = await r();
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    expect(fields(reply)).toEqual(expected);
    expect([await journalLength(), (await t.call('GET', `/api/v1/operations/${shaft}/inspections`)).body.results.length]).toEqual(before);
  }

  it('judges each value at once, limits included, and records one result per value', async () => {
    const r = await inspect(shaft, { characteristic: 'DIA', values: [9.95, 10, 10.05] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ characteristic: 'DIA', type: 'variable', inSpec: true, outcome: 'in_spec', nonconformanceId: null, orderStatus: 'in_progress', spcViolations: [] });
    expect(r.body.results).toEqual([{ value: 9.95, inSpec: true }, { value: 10, inSpec: true }, { value: 10.05, inSpec: true }]);
    const listed = await t.call('GET', `/api/v1/operations/${shaft}/inspections`);
    expect(listed.body.results.filter((x: { inspectionId: string }) => x.inspectionId === r.body.inspectionId)).toHaveLength(3);
  });

  it('flags an out-of-spec value of a warn characteristic without holding anything', async () => {
    const r = await inspect(shaft, { characteristic: 'LEN', values: [48.5] });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ inSpec: false, outcome: 'warn', onFail: 'warn', nonconformanceId: null, orderStatus: 'in_progress' });
    expect(r.body.results).toEqual([{ value: 48.5, inSpec: false }]);
    expect((await t.call('GET', '/api/v1/nonconformances')).body.items).toEqual([]);
  });

  it('takes pass for an attribute characteristic', async () => {
    const passed = await inspect(shaft, { characteristic: 'VIS', pass: true });
    expect(passed.body).toMatchObject({ type: 'attribute', inSpec: true, results: [{ pass: true, inSpec: true }] });
  });

  it('journals the verdict of an attribute result as pass, and the value of a measured one', async () => {
    const journaled = async (inspectionId: string) => (await t.call('GET', `/api/v1/journal?entity=inspection&entityId=${inspectionId}`, { as: 'admin' })).body.events[0].data.results;
    const verdict = await inspect(pin, { characteristic: 'BORE', values: [5.01] });
    expect(await journaled(verdict.body.inspectionId)).toEqual([{ value: 5.01, inSpec: true }]);
    const passed = await inspect(shaft, { characteristic: 'VIS', pass: true });
    expect(await journaled(passed.body.inspectionId)).toEqual([{ pass: true, inSpec: true }]);
  });

  it('dry-run of an out-of-spec hold reports allowed and writes nothing', async () => {
    const before = await journalLength();
    const r = await inspect(shaft, { characteristic: 'DIA', values: [11] }, '?dryRun=true');
    expect(r.body).toEqual({ allowed: true, violations: [] });
    expect(await journalLength()).toBe(before);
    expect((await t.call('GET', '/api/v1/work-orders/WO-I1')).body.status).toBe('in_progress');
  });

  it('404 for a characteristic the operation does not inspect, and for an unknown operation', async () => {
    await refused(() => inspect(shaft, { characteristic: 'BORE', values: [5] }), 404, 'NOT_FOUND:characteristic');
    const r = await inspect(shaft, { characteristic: 'nope', values: [5] });
    expect(r.body.violations[0]).toMatchObject({
      message: `characteristic 'nope' is not inspected at operation '${shaft}'`, details: { kind: 'characteristic', id: 'nope', operationId: shaft },
    });
    await refused(() => inspect('no-such-op', { characteristic: 'DIA', values: [10] }), 404, 'NOT_FOUND:');
  });

  it('400 naming values or pass when the data does not fit the characteristic type', async () => {
    await refused(() => inspect(shaft, { characteristic: 'DIA', pass: true }), 400, 'INVALID_FIELD:pass', 'INVALID_FIELD:values');
    await refused(() => inspect(shaft, { characteristic: 'DIA' }), 400, 'INVALID_FIELD:values');
    await refused(() => inspect(shaft, { characteristic: 'VIS', values: [1] }), 400, 'INVALID_FIELD:values', 'INVALID_FIELD:pass');
    await refused(() => inspect(shaft, { characteristic: 'VIS' }), 400, 'INVALID_FIELD:pass');
  });

  it('400 for NaN, Infinity, empty lists, wrong types and unknown fields', async () => {
    const raw = (payload: string) => t.call('POST', `/api/v1/operations/${shaft}/inspections`, { body: payload, headers: { 'content-type': 'application/json' }, as: 'operator' });
    await refused(() => raw('{"characteristic":"DIA","values":[10,1e999]}'), 400, 'INVALID_FIELD:values[1]');
    await refused(() => raw('{"characteristic":"DIA","values":[NaN]}'), 400, 'INVALID_FIELD:body');
    await refused(() => inspect(shaft, { characteristic: 'DIA', values: [] }), 400, 'INVALID_FIELD:values');
    await refused(() => inspect(shaft, { characteristic: 'DIA', values: ['10'] }), 400, 'INVALID_FIELD:values[0]');
    await refused(() => inspect(shaft, { characteristic: 'DIA', values: [10], extra: 1 }), 400, 'INVALID_FIELD:extra');
    await refused(() => inspect(shaft, { values: [10] }), 400, 'INVALID_FIELD:characteristic');
  });

  it('400 naming each value beyond 1e12 in magnitude, so charts of the results stay finite; 1e12 itself is taken', async () => {
    await refused(() => inspect(pin, { characteristic: 'BORE', values: [1e308, -1e308, 5] }), 400, 'INVALID_FIELD:values[0]', 'INVALID_FIELD:values[1]');
    await refused(() => inspect(pin, { characteristic: 'BORE', values: [5, 1.5e12] }), 400, 'INVALID_FIELD:values[1]');
    const r = await inspect(pin, { characteristic: 'BORE', values: [1e12, -1e12] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ outcome: 'warn', results: [{ value: 1e12, inSpec: false }, { value: -1e12, inSpec: false }] });
  });

  it('409 for an unknown lot, an operation not started, and a cancelled order', async () => {
    await refused(() => inspect(shaft, { characteristic: 'DIA', values: [10], lotId: 'NO-LOT' }), 409, 'LOT_NOT_FOUND:lotId');
    n += 1;
    const created = await t.call('POST', '/api/v1/work-orders', { body: { id: `WO-R${n}`, materialId: 'SHAFT', quantity: 1 } });
    const readyOp = created.body.operations[0].id as string;
    await refused(() => inspect(readyOp, { characteristic: 'DIA', values: [10] }), 409, 'ORDER_NOT_RELEASED:', 'OPERATION_NOT_RUNNING:');
    await t.call('POST', `/api/v1/work-orders/WO-R${n}/release`, { body: {} });
    await t.call('POST', `/api/v1/work-orders/WO-R${n}/cancel`, { body: {}, as: 'supervisor' });
    await refused(() => inspect(readyOp, { characteristic: 'DIA', values: [10] }), 409, 'ORDER_CLOSED:', 'OPERATION_NOT_RUNNING:');
  });

  it('lets gauges (integration) and quality record, and refuses roles that do not inspect', async () => {
    for (const role of ['integration', 'quality', 'supervisor'] as const) {
      expect((await t.call('POST', `/api/v1/operations/${pin}/inspections`, { body: { characteristic: 'BORE', values: [5] }, as: role })).status).toBe(201);
    }
    expect((await t.call('POST', `/api/v1/operations/${pin}/inspections`, { body: { characteristic: 'BORE', values: [5] }, as: 'engineer' })).status).toBe(403);
  });

  it('a failed attribute on an order another nonconformance holds opens its own nonconformance and shares the hold', async () => {
    const op = await startedOrder(t, 'WO-I3', 'SHAFT', 5);
    const a = await inspect(op, { characteristic: 'DIA', values: [10.2] });
    const b = await inspect(op, { characteristic: 'VIS', pass: false });
    expect([a.body.outcome, b.body.outcome, b.body.orderStatus]).toEqual(['hold', 'hold', 'on_hold']);
    const ncs = (await t.call('GET', '/api/v1/nonconformances?workOrderId=WO-I3')).body.items as { id: string; orderHeld: boolean }[];
    expect(ncs.map((x) => x.orderHeld)).toEqual([true, true]);
    // Releasing one keeps the order held for the other.
    const first = await t.call('POST', `/api/v1/nonconformances/${a.body.nonconformanceId}/disposition`, { body: { decision: 'use_as_is', reason: 'within drawing tolerance after review' }, as: 'quality' });
    expect(first.body.orderStatus).toBe('on_hold');
    const second = await t.call('POST', `/api/v1/nonconformances/${b.body.nonconformanceId}/disposition`, { body: { decision: 'use_as_is', reason: 'cosmetic only' }, as: 'quality' });
    expect(second.body.orderStatus).toBe('in_progress');
  });
});
