import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type Reply, type TestTakt } from '../../../../test/support/takt.js';
import { analyze } from '../domain/spc/index.js';
import { expectPublished, ORANGE_JUICE, PISTON_RINGS } from '../domain/spc/spc-reference.fixture.js';

const phaseOne = PISTON_RINGS.slice(0, 25).map((g) => [...g]);

describeStores('POST /quality/spc/analyze', (dialect) => {
  let t: TestTakt;
  beforeAll(async () => {
    t = await startTestTakt(dialect);
  });
  afterAll(() => t.close());

  const analyzed = (body: unknown) => t.call('POST', '/api/v1/quality/spc/analyze', { body, as: 'operator' });
  const fields = (r: Reply) => (r.body.violations as { code: string; field: string }[]).map((v) => `${v.code}:${v.field}`);

  it('charts the piston rings (Montgomery) with the published limits and capability', async () => {
    const r = await analyzed({ chart: 'xbar-r', subgroups: phaseOne, lsl: 73.95, usl: 74.05, rules: 'nelson' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expectPublished(r.body.center, '74.00118');
    expectPublished(r.body.lcl, '73.98805');
    expectPublished(r.body.ucl, '74.0143');
    expectPublished(r.body.range.center, '0.02276');
    expectPublished(r.body.capability.cp, '1.703');
    expectPublished(r.body.capability.cpk, '1.663');
    expect(r.body.violations.filter((v: { rule: string }) => v.rule === 'N1')).toEqual([]);
    expect(r.body.points).toHaveLength(25);
  });

  it('answers exactly what the library computes, phase II against frozen limits included', async () => {
    const baseline = analyze({ chart: 'xbar-r', subgroups: phaseOne });
    const body = { chart: 'xbar-r', subgroups: PISTON_RINGS.slice(25).map((g) => [...g]), limits: { center: baseline.center, sigma: baseline.sigma } };
    const r = await analyzed(body);
    expect(r.body).toEqual(JSON.parse(JSON.stringify(analyze({ chart: 'xbar-r', subgroups: PISTON_RINGS.slice(25), limits: body.limits }))));
    expect(r.body.violations.some((v: { rule: string }) => v.rule === 'WE1')).toBe(true);
  });

  it('flags the orange juice samples 15 and 23 above the p chart limit', async () => {
    const r = await analyzed({ chart: 'p', defects: ORANGE_JUICE, sizes: ORANGE_JUICE.map(() => 50) });
    expect(r.body.violations.filter((v: { rule: string }) => v.rule === 'WE1')).toEqual([{ rule: 'WE1', index: 14 }, { rule: 'WE1', index: 22 }]);
  });

  it('400 naming the field: empty subgroups, unequal sizes, n outside 2..25, LSL >= USL, NaN and Infinity', async () => {
    const cases: [unknown, string[]][] = [
      [{ chart: 'xbar-r', subgroups: [] }, ['INVALID_FIELD:subgroups']],
      [{ chart: 'xbar-r', subgroups: [[1, 2, 3], []] }, ['INVALID_FIELD:subgroups[1]']],
      [{ chart: 'xbar-s', subgroups: [[1, 2, 3], [1, 2]] }, ['INVALID_FIELD:subgroups[1]']],
      [{ chart: 'xbar-r', subgroups: [[1], [2]] }, ['INVALID_FIELD:subgroups[0]', 'INVALID_FIELD:subgroups[1]']],
      [{ chart: 'xbar-r', subgroups: [Array.from({ length: 26 }, (_, i) => i)] }, ['INVALID_FIELD:subgroups[0]']],
      [{ chart: 'i-mr', values: [1, 2, 3], lsl: 5, usl: 5 }, ['INVALID_FIELD:lsl']],
      [{ chart: 'i-mr', values: [1, 2, 3], lsl: 6, usl: 5 }, ['INVALID_FIELD:lsl']],
      [{ chart: 'i-mr', values: [1] }, ['INVALID_FIELD:values']],
      [{ chart: 'i-mr', values: [1, '2'] }, ['INVALID_FIELD:values[1]']],
      [{ chart: 'u', defects: [1, 2], sizes: [1] }, ['INVALID_FIELD:sizes']],
      [{ chart: 'p', defects: [3], sizes: [2] }, ['INVALID_FIELD:defects[0]']],
      [{ chart: 'pareto', values: [1, 2] }, ['INVALID_FIELD:chart']],
      [{ values: [1, 2] }, ['INVALID_FIELD:chart']],
      [{ chart: 'i-mr', values: [1, 2], rules: 'mine' }, ['INVALID_FIELD:rules']],
      [{ chart: 'i-mr', values: [1, 2], limits: { center: 1, sigma: 0 } }, ['INVALID_FIELD:limits.sigma']],
    ];
    for (const [body, expected] of cases) {
      const r = await analyzed(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(fields(r), JSON.stringify(body)).toEqual(expected);
    }
    const raw = (payload: string) => t.call('POST', '/api/v1/quality/spc/analyze', { body: payload, headers: { 'content-type': 'application/json' } });
    const infinite = await raw('{"chart":"i-mr","values":[1,1e999,3]}');
    expect([infinite.status, fields(infinite)]).toEqual([400, ['INVALID_FIELD:values[1]']]);
    const nan = await raw('{"chart":"i-mr","values":[1,NaN]}');
    expect(nan.status).toBe(400);
    const unknown = await analyzed({ chart: 'i-mr', values: [1, 2], colour: 'red' });
    expect([unknown.status, fields(unknown)]).toEqual([400, ['INVALID_FIELD:colour']]);
  });

  it('400 naming each field for magnitudes beyond 1e12, where statistics would overflow to null; finite answers up to it', async () => {
    const cases: [unknown, string[]][] = [
      [{ chart: 'i-mr', values: [1e308, -1e308, 1e308] }, ['INVALID_FIELD:values[0]', 'INVALID_FIELD:values[1]', 'INVALID_FIELD:values[2]']],
      [{ chart: 'xbar-s', subgroups: [[1, 2], [3, -2e12]] }, ['INVALID_FIELD:subgroups[1][1]']],
      [{ chart: 'i-mr', values: [1, 2], lsl: -1e300, usl: 1e300, target: 1e13 }, ['INVALID_FIELD:lsl', 'INVALID_FIELD:usl', 'INVALID_FIELD:target']],
      [{ chart: 'i-mr', values: [1, 2], limits: { center: 1e300, sigma: 1e300 } }, ['INVALID_FIELD:limits.center', 'INVALID_FIELD:limits.sigma']],
      [{ chart: 'c', defects: [1, 1e300] }, ['INVALID_FIELD:defects[1]']],
      [{ chart: 'u', defects: [1, 2], sizes: [1e300, 1e-300] }, ['INVALID_FIELD:sizes[0]', 'INVALID_FIELD:sizes[1]']],
    ];
    for (const [body, expected] of cases) {
      const r = await analyzed(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(fields(r), JSON.stringify(body)).toEqual(expected);
    }
    const atBound = await analyzed({ chart: 'i-mr', values: [1e12, -1e12, 1e12], lsl: -1e12, usl: 1e12 });
    expect(atBound.status).toBe(200);
    for (const key of ['center', 'lcl', 'ucl', 'sigma'] as const) expect(Number.isFinite(atBound.body[key]), key).toBe(true);
    expect(Number.isFinite(atBound.body.capability.cpk)).toBe(true);
  });

  it('is open to every signed-in role and to no one else', async () => {
    expect((await t.call('POST', '/api/v1/quality/spc/analyze', { body: { chart: 'c', defects: [1, 2, 3] }, as: 'integration' })).status).toBe(200);
    expect((await t.call('POST', '/api/v1/quality/spc/analyze', { body: { chart: 'c', defects: [1, 2, 3] }, token: null })).status).toBe(401);
  });
});
