import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type Reply, type TestTakt } from '../../../../test/support/takt.js';
import { samplingPlan } from '../domain/sampling/index.js';

describeStores('GET /quality/sampling-plan', (dialect) => {
  let t: TestTakt;
  beforeAll(async () => {
    t = await startTestTakt(dialect);
  });
  afterAll(() => t.close());

  const plan = (query: string) => t.call('GET', `/api/v1/quality/sampling-plan?${query}`, { as: 'operator' });
  const fields = (r: Reply) => (r.body.violations as { code: string; field: string }[]).map((v) => `${v.code}:${v.field}`);

  it('gives the Z1.4 plan: lot of 1000, level II, AQL 0.65, normal → J, 80, accept 1, reject 2', async () => {
    const r = await plan('lotSize=1000&level=II&aql=0.65&severity=normal');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ codeLetter: 'J', sampleSize: 80, accept: 1, reject: 2, hundredPercent: false });
  });

  it('defaults to level II and normal inspection, and follows arrows to the plan they point to', async () => {
    expect((await plan('lotSize=1000&aql=0.65')).body).toMatchObject({ level: 'II', severity: 'normal', codeLetter: 'J', sampleSize: 80 });
    const arrow = await plan('lotSize=100&level=II&aql=1');
    expect(arrow.body).toMatchObject({ codeLetter: 'F', planLetter: 'E', sampleSize: 13, accept: 0, reject: 1 });
  });

  it('answers what the sampling library answers for every severity and several levels', async () => {
    for (const severity of ['normal', 'tightened', 'reduced'] as const) {
      for (const [lotSize, level, aql] of [[50, 'S-1', 4], [3200, 'III', 0.065], [150000, 'I', 2.5]] as const) {
        const r = await plan(`lotSize=${lotSize}&level=${level}&aql=${aql}&severity=${severity}`);
        const { codeLetter, sampleSize, accept, reject } = samplingPlan({ lotSize, level, aql, severity });
        expect(r.body, `${lotSize} ${level} ${aql} ${severity}`).toMatchObject({ codeLetter, sampleSize, accept, reject });
      }
    }
  });

  it('400 naming each bad parameter', async () => {
    const bad = await plan('lotSize=0&level=IV&aql=0.7&severity=strict');
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['INVALID_FIELD:lotSize', 'INVALID_FIELD:level', 'INVALID_FIELD:aql', 'INVALID_FIELD:severity']);
    expect(fields(await plan(''))).toEqual(['INVALID_FIELD:lotSize', 'INVALID_FIELD:aql']);
    expect(fields(await plan('lotSize=12.5&aql=1'))).toEqual(['INVALID_FIELD:lotSize']);
    expect(fields(await plan('lotSize=abc&aql=NaN'))).toEqual(['INVALID_FIELD:lotSize', 'INVALID_FIELD:aql']);
    expect((await plan('lotSize=10&aql=1&colour=red')).status).toBe(400);
  });
});
