import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JournalEvent } from '../../../platform/journal/journal.repository.js';
import { buildQualityPlant, startedOrder } from '../../../../test/support/quality-plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type Reply, type TestTakt } from '../../../../test/support/takt.js';
import { analyze, evaluateRules } from '../domain/spc/index.js';

const WIDE = 'from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z';

describeStores('SPC over recorded results: charts, frozen limits, live alarms', (dialect) => {
  let t: TestTakt;
  const streamed: JournalEvent[] = [];
  let stop: () => void;
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildQualityPlant(t);
    stop = t.takt.bus.subscribe((e) => streamed.push(e));
  });
  afterAll(async () => {
    stop();
    await t.close();
  });

  const inspect = (op: string, characteristic: string, values: number[]) =>
    t.call('POST', `/api/v1/operations/${op}/inspections`, { body: { characteristic, values }, as: 'operator' });
  const fields = (r: Reply) => (r.body.violations as { code: string; field: string }[]).map((v) => `${v.code}:${v.field}`);

  it('raises spc.violation as a drifting series completes rule patterns against the frozen limits', async () => {
    const op = await startedOrder(t, 'WO-S1', 'PIN', 100);
    // Before limits are frozen there are no live alarms, however far a value lies.
    expect((await inspect(op, 'BORE', [5.0])).body.spcViolations).toEqual([]);
    expect((await inspect(op, 'BORE', [5.06])).body.spcViolations).toEqual([]);
    const frozen = await t.call('PUT', '/api/v1/quality/characteristics/BORE/limits', { body: { center: 5, sigma: 0.01, chart: 'i-mr' }, as: 'quality' });
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(200);
    expect(frozen.body).toMatchObject({ characteristic: 'BORE', chart: 'i-mr', center: 5, sigma: 0.01, rules: 'western-electric', source: 'manual' });

    const drift = [5.002, 4.998, 5.012, 5.014, 5.013, 5.015, 5.022, 5.024, 5.035];
    const answered: { rule: string; index: number }[] = [];
    for (const value of drift) {
      const r = await inspect(op, 'BORE', [value]);
      expect(r.body.outcome).toBe('in_spec');
      answered.push(...r.body.spcViolations.map((v: { rule: string; index: number }) => ({ rule: v.rule, index: v.index })));
    }
    const expected = evaluateRules([5.0, 5.06, ...drift], 5, 0.01, 'western-electric').filter((v) => v.index >= 2);
    expect(answered).toEqual(expected);
    expect(answered).toEqual(expect.arrayContaining([{ rule: 'WE3', index: 8 }, { rule: 'WE2', index: 10 }, { rule: 'WE1', index: 10 }]));
    const alarms = streamed.filter((e) => e.action === 'spc.violation');
    expect(alarms.map((e) => ({ rule: e.data.rule, index: e.data.index }))).toEqual(expected);
    expect(alarms.at(-1)).toMatchObject({ entity: 'characteristic', entityId: 'BORE', data: { chart: 'i-mr', point: 5.035, center: 5, sigma: 0.01, operationId: op, workCenterId: 'WC-MIX' } });
  });

  it('judges subgroups of a subgroup size across inspections, aligned on the whole history', async () => {
    const op = await startedOrder(t, 'WO-S2', 'BOX', 100);
    await t.call('PUT', '/api/v1/quality/characteristics/GAP/limits', { body: { center: 0.2, sigma: 0.01, chart: 'xbar-r' }, as: 'engineer' });
    expect((await inspect(op, 'GAP', [0.2, 0.2])).body.spcViolations).toEqual([]);
    const r = await inspect(op, 'GAP', [0.2, 0.25, 0.25, 0.25, 0.21]);
    expect(r.body.spcViolations).toEqual([expect.objectContaining({ rule: 'WE1', index: 1, chart: 'xbar-r', point: 0.25 })]);
  });

  it('charts recorded results: phase I from the data, phase II once limits are frozen', async () => {
    const op = await startedOrder(t, 'WO-S3', 'SHAFT', 100);
    const values = [10.01, 9.99, 10.0, 10.02, 9.98, 10.01, 10.0, 9.97];
    for (const v of values) await inspect(op, 'DIA', [v]);
    const phaseOne = await t.call('GET', `/api/v1/quality/characteristics/DIA/spc?${WIDE}`);
    expect(phaseOne.status, JSON.stringify(phaseOne.body)).toBe(200);
    const expected = analyze({ chart: 'i-mr', values, lsl: 9.95, usl: 10.05, target: 10 });
    expect(phaseOne.body).toMatchObject({ characteristic: 'DIA', chart: 'i-mr', phase: 'I', frozenLimits: null, results: 8, points: values, lsl: 9.95, usl: 10.05, target: 10 });
    expect(phaseOne.body.center).toBeCloseTo(expected.center, 12);
    expect(phaseOne.body.ucl).toBeCloseTo(expected.ucl, 12);
    expect(phaseOne.body.capability.cpk).toBeCloseTo(expected.capability?.cpk ?? 0, 12);
    expect(phaseOne.body.times).toHaveLength(8);

    const baseline = await t.call('POST', '/api/v1/quality/characteristics/DIA/limits/baseline', { body: { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' }, as: 'quality' });
    expect(baseline.status, JSON.stringify(baseline.body)).toBe(200);
    expect(baseline.body).toMatchObject({ characteristic: 'DIA', chart: 'i-mr', source: 'baseline', points: 8, baselineViolations: expected.violations });
    expect(baseline.body.center).toBeCloseTo(expected.center, 12);
    expect(baseline.body.sigma).toBeCloseTo(expected.sigma, 12);

    await inspect(op, 'DIA', [10.04]);
    const phaseTwo = await t.call('GET', `/api/v1/quality/characteristics/DIA/spc?${WIDE}&rules=nelson`);
    expect(phaseTwo.body).toMatchObject({ phase: 'II', results: 9, frozenLimits: { source: 'baseline', center: baseline.body.center } });
    expect(phaseTwo.body.violations).toEqual(analyze({ chart: 'i-mr', values: [...values, 10.04], rules: 'nelson', limits: { center: baseline.body.center, sigma: baseline.body.sigma } }).violations);
    const limits = await t.call('GET', '/api/v1/quality/characteristics/DIA/limits');
    expect(limits.body.limits.map((l: { chart: string; source: string }) => `${l.chart}:${l.source}`)).toEqual(['i-mr:baseline']);
    expect(streamed.filter((e) => e.action === 'control-limits.set' && e.entityId === 'DIA')).toHaveLength(1);
  });

  it('charts pass/fail results as a p chart per work order', async () => {
    const a = await startedOrder(t, 'WO-S4', 'SHAFT', 10);
    const b = await startedOrder(t, 'WO-S5', 'SHAFT', 10);
    for (const [op, pass] of [[a, true], [a, false], [b, true], [b, true]] as const) {
      await t.call('POST', `/api/v1/operations/${op}/inspections`, { body: { characteristic: 'VIS', pass }, as: 'operator' });
    }
    const r = await t.call('GET', `/api/v1/quality/characteristics/VIS/spc?${WIDE}`);
    expect(r.body).toMatchObject({ chart: 'p', points: [0.5, 0], results: 4 });
  });

  it('answers 404 without results and 400 naming the field when the results do not fit', async () => {
    const none = await t.call('GET', '/api/v1/quality/characteristics/NOPE/spc');
    expect([none.status, none.body.violations[0].code]).toEqual([404, 'NOT_FOUND']);
    const empty = await t.call('GET', '/api/v1/quality/characteristics/DIA/spc?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z');
    expect(empty.status).toBe(404);
    expect(fields(await t.call('GET', `/api/v1/quality/characteristics/VIS/spc?${WIDE}&chart=i-mr`))).toEqual(['INVALID_FIELD:chart']);
    const op = await startedOrder(t, 'WO-S6', 'PIN', 10);
    await inspect(op, 'BORE', [5, 5.01, 5.02]);
    expect(fields(await t.call('GET', `/api/v1/quality/characteristics/BORE/spc?${WIDE}&chart=xbar-r`))).toContain('INVALID_FIELD:chart');
    expect(fields(await t.call('GET', '/api/v1/quality/characteristics/DIA/spc?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z'))).toEqual(['INVALID_FIELD:to']);
    expect(fields(await t.call('GET', '/api/v1/quality/characteristics/DIA/spc?from=yesterday'))).toEqual(['INVALID_FIELD:from']);
  });

  it('ends a window without to now: a from in the past charts up to now, a from in the future is named', async () => {
    const past = await t.call('GET', '/api/v1/quality/characteristics/DIA/spc?from=2000-01-01T00:00:00Z');
    expect(past.status, JSON.stringify(past.body)).toBe(200);
    expect(Date.parse(past.body.to)).toBeGreaterThan(Date.now() - 60_000);
    const future = await t.call('GET', '/api/v1/quality/characteristics/DIA/spc?from=2999-01-01T00:00:00Z');
    expect([future.status, fields(future)]).toEqual([400, ['INVALID_FIELD:from']]);
    expect(future.body.violations[0].message).toMatch(/future.*without to the window ends now/);
  });

  it('charts results up to the 1e12 bound with finite statistics; limits beyond it are refused naming the field', async () => {
    const op = await startedOrder(t, 'WO-S7', 'PIN', 10);
    const huge = await inspect(op, 'BORE', [1e308, -1e308, 1e308]);
    expect([huge.status, fields(huge)]).toEqual([400, ['INVALID_FIELD:values[0]', 'INVALID_FIELD:values[1]', 'INVALID_FIELD:values[2]']]);
    expect((await inspect(op, 'BORE', [1e12, -1e12, 1e12])).status).toBe(201);
    const chart = await t.call('GET', `/api/v1/quality/characteristics/BORE/spc?${WIDE}&chart=i-mr`);
    expect(chart.status, JSON.stringify(chart.body)).toBe(200);
    for (const key of ['center', 'lcl', 'ucl', 'sigma'] as const) expect(Number.isFinite(chart.body[key]), key).toBe(true);
    const put = (body: unknown) => t.call('PUT', '/api/v1/quality/characteristics/BORE/limits', { body, as: 'quality' });
    expect(fields(await put({ center: 1e308, sigma: 1e13, chart: 'i-mr' }))).toEqual(['INVALID_FIELD:center', 'INVALID_FIELD:sigma']);
  });

  it('sets limits for quality and engineers only, with a positive sigma', async () => {
    const put = (body: unknown, as: 'quality' | 'operator' | 'supervisor') => t.call('PUT', '/api/v1/quality/characteristics/LEN/limits', { body, as });
    expect((await put({ center: 50, sigma: 0.1, chart: 'i-mr' }, 'operator')).status).toBe(403);
    expect((await put({ center: 50, sigma: 0.1, chart: 'i-mr' }, 'supervisor')).status).toBe(403);
    expect(fields(await put({ center: 50, sigma: 0, chart: 'i-mr' }, 'quality'))).toEqual(['INVALID_FIELD:sigma']);
    expect(fields(await put({ center: 50, sigma: 0.1, chart: 'pie' }, 'quality'))).toEqual(['INVALID_FIELD:chart']);
    const baseline = (body: unknown) => t.call('POST', '/api/v1/quality/characteristics/LEN/limits/baseline', { body, as: 'quality' });
    expect(fields(await baseline({ from: '2030-01-01T00:00:00Z', to: '2020-01-01T00:00:00Z' }))).toEqual(['INVALID_FIELD:to']);
    expect((await baseline({ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' })).status).toBe(404);
  });
});
