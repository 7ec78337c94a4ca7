import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPlant, receive, releasedOrder } from '../support/plant.js';
import { describeStores } from '../support/stores.js';
import { startTestTakt, type Reply, type TestTakt } from '../support/takt.js';
import { NASTY_STRINGS, mutatedObject, nastyStringsIn, valueOf, wrongValue, type IdPool, type JsonSchema } from './support/json-schema.arbitrary.js';
import { storeFingerprint } from './support/store-fingerprint.js';

/** Cases over all endpoints together: a few hundred in every test run; TAKT_API_FUZZ_CASES=10000 for the long form. */
const CASES = Number(process.env.TAKT_API_FUZZ_CASES ?? 300);

/**
 * Endpoints not fuzzed here, and why: a stream never ends (its auth is in the role matrix); logging out ends the
 * fuzzer's own session, after which every later case would only measure 401 (logout is tested in
 * src/modules/compliance/account/account-security.test.ts).
 */
const SKIPPED = new Set(['get /api/v1/events', 'post /api/v1/auth/logout']);

interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required?: boolean;
  readonly schema: JsonSchema;
}

interface Endpoint {
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly Parameter[];
  readonly body: { readonly contentType: string; readonly schema?: JsonSchema } | undefined;
}

interface FuzzCase {
  readonly endpoint: Endpoint;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly payload: string | undefined;
  readonly kind: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the OpenAPI document as served
function endpointsOf(doc: any): Endpoint[] {
  const out: Endpoint[] = [];
  for (const [path, methods] of Object.entries<Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (SKIPPED.has(`${method} ${path}`)) continue;
      const content = Object.entries(op.requestBody?.content ?? {})[0];
      const xml = path.endsWith('/b2mml');
      const body = content ? { contentType: content[0], schema: content[1].schema } : xml ? { contentType: 'application/xml' } : ['post', 'put', 'patch'].includes(method) ? { contentType: 'application/json' } : undefined;
      out.push({ method, path, parameters: op.parameters ?? [], body });
    }
  }
  return out;
}

const XML_BODIES = [
  '<ProcessProductionSchedule/>',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
  `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><l>&c;</l>`,
  '<a><b></a>',
  'not xml at all',
  '',
  `<ProcessProductionSchedule xmlns="http://www.mesa.org/xml/B2MML"><ApplicationArea><BODID>'; DROP TABLE lots; --</BODID></ApplicationArea></ProcessProductionSchedule>`,
];

const RAW_JSON = ['{"a":', '{"a": 1,}', "{'a': 1}", 'null', '[]', '"text"', '1e999', '{"__proto__": {"admin": true}}', `${'['.repeat(3000)}${']'.repeat(3000)}`, ''];

/** Path parameter values that are not ids: nasty text, percent-encoded, and over-long. */
const badPathValue = fc.oneof(fc.constantFrom(...NASTY_STRINGS).map((s) => encodeURIComponent(s)), fc.constantFrom('a'.repeat(130), '%', '%zz', '..', '.', '%2e%2e'));

function caseOf(e: Endpoint, pool: IdPool): fc.Arbitrary<FuzzCase> {
  const pathParams = e.parameters.filter((p) => p.in === 'path');
  const queryParams = e.parameters.filter((p) => p.in === 'query');
  const good = (p: Parameter) => valueOf(p.schema, pool, p.name).map((v) => encodeURIComponent(String(v)));
  const pathArb = fc.tuple(...pathParams.map((p) => fc.oneof({ weight: 6, arbitrary: good(p) }, { weight: 1, arbitrary: badPathValue })));
  const queryArb = fc.tuple(
    ...queryParams.map((p) =>
      fc.oneof(
        { weight: p.required ? 0 : 3, arbitrary: fc.constant(undefined) },
        { weight: 4, arbitrary: good(p) },
        { weight: 1, arbitrary: wrongValue.map((v) => encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))) },
      ),
    ),
    fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('unknown=1', '__proto__[admin]=1', 'dryRun=maybe') }),
  );
  const bodyArb: fc.Arbitrary<{ payload: string | undefined; contentType?: string; kind: string }> = !e.body
    ? fc.constant({ payload: undefined, kind: 'none' })
    : e.body.contentType.includes('xml')
      ? fc.constantFrom(...XML_BODIES).map((payload) => ({ payload, contentType: 'application/xml', kind: 'xml' }))
      : fc.oneof(
          { weight: 5, arbitrary: valueOf(e.body.schema ?? {}, pool).map((v) => ({ payload: JSON.stringify(v), kind: 'valid' })) },
          { weight: 4, arbitrary: mutatedObject(e.body.schema ?? {}, pool).map((v) => ({ payload: JSON.stringify(v), kind: 'mutated' })) },
          { weight: 2, arbitrary: (nastyStringsIn(e.body.schema ?? {}, pool) ?? wrongValue).map((v) => ({ payload: JSON.stringify(v), kind: 'nasty' })) },
          { weight: 1, arbitrary: fc.constantFrom(...RAW_JSON).map((payload) => ({ payload, kind: 'raw' })) },
          { weight: 1, arbitrary: fc.constant({ payload: 'a=1', contentType: 'text/plain', kind: 'media-type' }) },
        );
  return fc.record({ path: pathArb, query: queryArb, body: bodyArb, key: fc.option(fc.uuid(), { nil: undefined, freq: 3 }) }).map(({ path, query, body, key }) => {
    let i = 0;
    const url = e.path.replace(/\{[^}]+\}/g, () => path[i++] ?? 'x');
    const values = query.slice(0, queryParams.length) as (string | undefined)[];
    const pairs = queryParams.flatMap((p, j) => (values[j] === undefined ? [] : [`${p.name}=${values[j]}`]));
    const extra = query[queryParams.length] as string | undefined;
    const qs = [...pairs, ...(extra ? [extra] : [])].join('&');
    const headers: Record<string, string> = { ...(key ? { 'idempotency-key': key } : {}), ...(body.payload !== undefined ? { 'content-type': body.contentType ?? e.body?.contentType ?? 'application/json' } : {}) };
    return { endpoint: e, url: qs ? `${url}?${qs}` : url, headers, payload: body.payload, kind: body.kind };
  });
}

describeStores('fuzzing every endpoint of the OpenAPI document', (dialect) => {
  let t: TestTakt;
  let endpoints: Endpoint[];
  let pool: IdPool;
  const statuses = new Map<string, number>();

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
    await receive(t, 'L-RAW-1', 'RAW', 500);
    await receive(t, 'L-PKG-1', 'PKG', 500);
    const sub = await releasedOrder(t, 'WO-SUB', 'SUB', 50);
    const fin = await releasedOrder(t, 'WO-FIN', 'FIN', 20);
    await t.call('POST', `/api/v1/operations/${sub[10]}/start`, { as: 'operator', body: { equipmentId: 'MIX-1' } });
    const ids = ['S', 'A', 'WC-MIX', 'WC-PACK', 'MIX-1', 'PACK-1', 'RAW', 'SUB', 'PKG', 'FIN', 'L-RAW-1', 'L-PKG-1', 'WO-SUB', 'WO-FIN', 'MIXING', '1', '2', 't-operator'];
    pool = { ids: [...ids, ...Object.values(sub), ...Object.values(fin)] };
    endpoints = endpointsOf((await t.call('GET', '/api/openapi.json', { token: null })).body);
  });
  afterAll(() => {
    console.log(`[openapi fuzz ${dialect}] ${CASES} cases over ${endpoints?.length} endpoints; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    return t.close();
  });

  it('finds every documented endpoint', () => {
    expect(endpoints.length).toBeGreaterThan(100);
    expect(endpoints.map((e) => `${e.method} ${e.path}`)).toEqual(expect.arrayContaining(['post /api/v1/operations/{id}/consume', 'put /api/v1/sites/{id}', 'post /api/v1/integration/b2mml', 'get /api/v1/lots']));
  });

  it('never answers 5xx, names the field of every 400, and changes nothing when it refuses or only reads', async () => {
    const cases = fc.oneof(...endpoints.map((e) => caseOf(e, pool)));
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const before = await storeFingerprint(t.takt.store);
        const r: Reply = await t.call(c.endpoint.method.toUpperCase(), c.url, { headers: c.headers, ...(c.payload !== undefined ? { body: c.payload } : {}) });
        const key = `${c.endpoint.method} ${c.endpoint.path}`;
        statuses.set(`${c.kind} ${r.status}`, (statuses.get(`${c.kind} ${r.status}`) ?? 0) + 1);
        const what = `${key} as ${c.url.slice(0, 200)} [${c.kind}] ${String(c.payload).slice(0, 300)} → ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`;
        expect(r.status, what).toBeLessThan(500);
        const reads = c.endpoint.method === 'get' || c.url.includes('dryRun=true');
        if (r.status >= 400) {
          expect(String(r.headers['content-type']), what).toContain('application/problem+json');
          expect(r.body?.status, what).toBe(r.status);
        }
        if (r.status === 400) {
          expect(Array.isArray(r.body.violations) && r.body.violations.length > 0, what).toBe(true);
          for (const v of r.body.violations) expect(typeof v.field === 'string' && v.field.length > 0, `a 400 without a field: ${what}`).toBe(true);
        }
        // Failed credential checks write their security bookkeeping, which the fingerprint leaves out (see there).
        if (r.status >= 400 || (reads && r.status < 300)) {
          expect(await storeFingerprint(t.takt.store), `the store changed: ${what}`).toBe(before);
        }
      }),
      { numRuns: CASES },
    );
    // Most cases must have been judged as the signed-in administrator, not refused for a lost session.
    const unauthenticated = [...statuses].filter(([k]) => k.endsWith(' 401')).reduce((n, [, v]) => n + v, 0);
    expect(unauthenticated, JSON.stringify(Object.fromEntries(statuses))).toBeLessThan(CASES / 2);
    expect((await t.call('GET', '/api/v1/journal/verify')).body).toMatchObject({ ok: true });
  }, 120_000 + CASES * 500);
});
