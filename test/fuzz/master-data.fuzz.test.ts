import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLES } from '../../src/platform/auth/roles.js';
import { isApiUrl, type RouteEntry } from '../../src/platform/http/app.js';
import { describeStores } from '../support/stores.js';
import { startTestTakt, type Reply, type TestTakt } from '../support/takt.js';

/** Runs per endpoint: a modest default for every test run, TAKT_FUZZ_RUNS=5000 (say) for a long one. */
const RUNS = Number(process.env.TAKT_FUZZ_RUNS ?? 150);

/** Ids that exist when fuzzing starts (hierarchy and people made in beforeAll), so updates are hit too. */
const KNOWN_IDS = ['S1', 'S2', 'A1', 'A2', 'WC1', 'EQ1', 'EQ1.1', 'P1', 'P2', 'M1', '1'];

const NASTY = [
  "'; drop table journal; --",
  "' OR '1'='1",
  '" OR 1=1 --',
  'Robert\'); DELETE FROM people; --',
  '../../etc/passwd',
  '..\\..\\windows\\system32\\config',
  '%2e%2e%2f%2e%2e%2f',
  '/absolute/path',
  'a\u0000b',
  '\u202eevil\u202c',
  '💥🏭',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  ' ',
  '',
  'x'.repeat(101),
  'y'.repeat(10_000),
];

const nasty = fc.constantFrom(...NASTY);
const hugeString = fc.constantFrom('z'.repeat(300_000), 'w'.repeat(1_100_000));
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nasty,
  fc.constantFrom(1e308, -1, 0, -0, 0.1, 2 ** 53 + 1, true, false, null, [], {}, { $gt: '' }),
);
const freshId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,20}$/);
const knownId = fc.constantFrom(...KNOWN_IDS);
const validId = fc.oneof(knownId, freshId);
const name = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0);

/** Optional members: present or absent. */
function opt<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq: 2 });
}

function record(members: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(members).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
}

/** How to call one endpoint well: a valid body, and valid path parameters by name (others: any valid id). */
interface EndpointSpec {
  readonly body: fc.Arbitrary<Record<string, unknown>>;
  readonly params?: Readonly<Record<string, fc.Arbitrary<string>>>;
}

/** Well-formed calls per endpoint (`METHOD url` as registered); an endpoint without one gets GENERIC. */
const SPECS: Record<string, EndpointSpec> = {
  'PUT /api/v1/sites/:id': { body: record({ name, parentId: opt(fc.constant(null)), timeZone: opt(fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata')) }) },
  'PUT /api/v1/areas/:id': { body: record({ name, parentId: fc.constantFrom('S1', 'S2') }) },
  'PUT /api/v1/work-centers/:id': { body: record({ name, parentId: fc.constantFrom('A1', 'A2') }) },
  'PUT /api/v1/equipment/:id': {
    body: record({
      name,
      parentId: fc.constantFrom('WC1', 'EQ1', 'EQ1.1'),
      workCenterId: opt(fc.constant('WC1')),
      idealCycleTimeSec: opt(fc.oneof(fc.double({ min: 0.001, max: 1e6, noNaN: true }), fc.constant(null))),
      available: opt(fc.boolean()),
    }),
  },
  'PUT /api/v1/people/:id': {
    body: record({ name, roles: fc.subarray([...ROLES]), password: opt(fc.constantFrom('long-enough-pw-1', 'Another#Passw0rd', 'x1'.repeat(50))) }),
    params: { id: fc.oneof(fc.constantFrom('P1', 'P2'), freshId.map((id) => `p-${id}`)) },
  },
  'PUT /api/v1/people/:id/qualifications/:code': {
    body: record({ validUntil: fc.date({ min: new Date('1970-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()) }),
    params: { id: fc.constantFrom('P1', 'P2', 'P3'), code: fc.oneof(fc.constantFrom('WELD', 'FORKLIFT'), freshId) },
  },
  'PUT /api/v1/materials/:id': {
    body: record({ name, uom: fc.constantFrom('kg', 'pcs', 'm', 'l'), lotControlled: fc.boolean(), shelfLifeDays: opt(fc.oneof(fc.integer({ min: 1, max: 3650 }), fc.constant(null))) }),
  },
  ...revisionSpecs(),
};

/** Product revisions: BOM lines of seeded materials consumed at step 10 of a routing at the seeded work center. */
function revisionSpecs(): Record<string, EndpointSpec> {
  const bomLine = record({ materialId: fc.constantFrom('M2', 'M3'), quantity: fc.double({ min: 0.001, max: 100, noNaN: true }), uom: fc.constant('kg'), operationSeq: fc.constant(10) });
  const step = (seq: number) => record({ seq: fc.constant(seq), name, workCenterId: fc.constant('WC1'), idealCycleTimeSec: opt(fc.double({ min: 0.1, max: 100, noNaN: true })) });
  const content = record({ bom: fc.array(bomLine, { maxLength: 3 }), routing: fc.oneof(fc.tuple(step(10)), fc.tuple(step(10), step(20))) });
  const params = { materialId: fc.constantFrom('M1', 'M1', 'M2', 'NOPE'), rev: fc.constantFrom('1', '2', '3') };
  return {
    'POST /api/v1/products/:materialId/revisions': { body: content, params },
    'PUT /api/v1/products/:materialId/revisions/:rev': { body: content, params },
    'POST /api/v1/products/:materialId/revisions/:rev/approve': { body: record({ reason: opt(name) }), params },
  };
}

const GENERIC: EndpointSpec = { body: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }) };

/** A valid body with one thing wrong: a member replaced by junk, dropped, or an unknown one added. */
function mutated(body: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(body, fc.nat(), junkValue, fc.oneof(fc.string({ maxLength: 10 }), nasty), fc.constantFrom('replace', 'drop', 'add')).map(([b, n, junk, key, how]) => {
    const keys = Object.keys(b);
    const target = keys.length > 0 ? keys[n % keys.length] : undefined;
    if (how === 'add' || target === undefined) return { ...b, [key]: junk };
    if (how === 'drop') return Object.fromEntries(Object.entries(b).filter(([k]) => k !== target));
    return { ...b, [target]: junk };
  });
}

/** A raw request body: text that is not JSON, JSON no parser should be lenient with, or another media type. */
interface RawBody {
  readonly payload: string;
  readonly contentType: string;
}

const rawBodies: fc.Arbitrary<RawBody> = fc.oneof(
  fc.constantFrom('{"name":', '{"name": "x",}', "{'name': 'x'}", 'null', '[]', '"just a string"', '1e999', '{"__proto__": {"admin": true}, "name": "x"}', '{"constructor": {"prototype": {"admin": true}}}', `${'['.repeat(5000)}${']'.repeat(5000)}`, `{"name": ${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`, '').map((payload) => ({ payload, contentType: 'application/json' })),
  fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/json; charset=latin1').map((contentType) => ({ payload: 'name=x', contentType })),
);

type Body = { json?: unknown; raw?: RawBody };

/** Bodies no endpoint should take: any JSON, a huge member, raw text, nothing at all. */
function garbage(body: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Body> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((json) => ({ json })),
    fc.tuple(body, hugeString, fc.constantFrom('name', 'parentId', 'uom', 'validUntil', 'password')).map(([b, s, k]) => ({ json: { ...b, [k]: s } })),
    rawBodies.map((raw) => ({ raw })),
    fc.constant({}),
  );
}

/** Path parameters that are not ids: nasty text (percent-encoded or, without ? # and blanks, raw) and over-long ones. */
const badParam = fc.oneof(nasty.map((id) => encodeURIComponent(id)), nasty.map((id) => id.replace(/[?#\s]/g, '')), fc.constantFrom('a'.repeat(101), '%', '%zz', '..', '.'));
const validQuery = fc.constantFrom('', '', '?dryRun=true', '?dryRun=false');
const badQuery = fc.constantFrom('?dryRun=maybe', '?unknown=1', '?dryRun=true&dryRun=false', '?dryRun=', '?__proto__[admin]=1');
const validKey = fc.option(fc.uuid(), { nil: undefined, freq: 3 });
const badKey = fc.constantFrom('', 'k'.repeat(201));

interface FuzzRequest {
  readonly params: readonly string[];
  readonly body: Body;
  readonly query: string;
  readonly key: string | undefined;
}

/** Mostly well-formed calls (so the command path runs), then one thing wrong at a time, then garbage. */
function requests(route: RouteEntry): fc.Arbitrary<FuzzRequest> {
  const spec = SPECS[`${route.method} ${route.url}`] ?? GENERIC;
  const names = (route.url.match(/:[A-Za-z0-9_]+/g) ?? []).map((n) => n.slice(1));
  const params = fc.tuple(...names.map((n) => (spec.params?.[n] ?? validId).map((id) => encodeURIComponent(id))));
  const good = spec.body.map((json): Body => ({ json }));
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ params, body: good, query: validQuery, key: validKey }) },
    { weight: 4, arbitrary: fc.record({ params, body: mutated(spec.body).map((json): Body => ({ json })), query: validQuery, key: validKey }) },
    { weight: 1, arbitrary: fc.record({ params: fc.tuple(...names.map(() => badParam)), body: good, query: validQuery, key: validKey }) },
    { weight: 1, arbitrary: fc.record({ params, body: good, query: badQuery, key: validKey }) },
    { weight: 1, arbitrary: fc.record({ params, body: good, query: validQuery, key: badKey }) },
    { weight: 2, arbitrary: fc.record({ params, body: garbage(spec.body), query: validQuery, key: validKey }) },
  );
}

function concrete(url: string, params: readonly string[]): string {
  let i = 0;
  return url.replace(/:[A-Za-z0-9_]+/g, () => params[i++] ?? 'x');
}

/** The state-changing master-data endpoints, as the route registry lists them (new ones join by their tag). */
function masterDataEndpoints(routes: readonly RouteEntry[]): RouteEntry[] {
  return routes.filter((r) => isApiUrl(r.url) && ['PUT', 'POST', 'PATCH', 'DELETE'].includes(r.method) && r.tags.includes('master data'));
}

describeStores('fuzzing the master-data endpoints', (dialect) => {
  let t: TestTakt;

  async function journalLength(): Promise<number> {
    const row = await t.takt.store.db.selectFrom('journal').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    const seed: [string, unknown][] = [
      ['/api/v1/sites/S1', { name: 'Plant' }],
      ['/api/v1/sites/S2', { name: 'Second plant', timeZone: 'Asia/Tokyo' }],
      ['/api/v1/areas/A1', { name: 'Area', parentId: 'S1' }],
      ['/api/v1/areas/A2', { name: 'Other area', parentId: 'S2' }],
      ['/api/v1/work-centers/WC1', { name: 'Line', parentId: 'A1' }],
      ['/api/v1/equipment/EQ1', { name: 'Press', parentId: 'WC1' }],
      ['/api/v1/equipment/EQ1.1', { name: 'Die', parentId: 'EQ1' }],
      ['/api/v1/people/P1', { name: 'Pat', roles: ['operator'] }],
      ['/api/v1/people/P2', { name: 'Sam', roles: ['supervisor'], password: 'long-enough-pw-1' }],
    ];
    for (const [url, body] of seed) expect((await t.call('PUT', url, { body })).status).toBe(200);
    for (const id of ['M1', 'M2', 'M3']) {
      // Materials come from another module: seeded when it is there, so the revision calls can succeed.
      await t.call('PUT', `/api/v1/materials/${id}`, { body: { name: `Material ${id}`, uom: 'kg', lotControlled: true } });
    }
  });
  afterAll(() => t.close());

  it('fuzzes at least the hierarchy, people and qualification endpoints', () => {
    const found = masterDataEndpoints(t.takt.app.routeRegistry).map((r) => `${r.method} ${r.url}`);
    expect(found).toEqual(expect.arrayContaining(['PUT /api/v1/sites/:id', 'PUT /api/v1/areas/:id', 'PUT /api/v1/work-centers/:id', 'PUT /api/v1/equipment/:id', 'PUT /api/v1/people/:id', 'PUT /api/v1/people/:id/qualifications/:code']));
  });

  it('never answers 5xx, names every bad field, and writes nothing when it refuses', async () => {
    for (const route of masterDataEndpoints(t.takt.app.routeRegistry)) {
      await fc.assert(
        fc.asyncProperty(requests(route), async ({ params: p, body, query: q, key }) => {
          const url = `${concrete(route.url, p)}${q}`;
          const payload = body.raw ? body.raw.payload : body.json === undefined ? undefined : JSON.stringify(body.json);
          const headers: Record<string, string> = {
            ...(key !== undefined ? { 'idempotency-key': key } : {}),
            ...(payload !== undefined ? { 'content-type': body.raw?.contentType ?? 'application/json' } : {}),
          };
          const before = await journalLength();
          const r: Reply = await t.call(route.method, url, { ...(payload !== undefined ? { body: payload } : {}), headers });
          const what = `${route.method} ${url.slice(0, 200)} ${JSON.stringify(body).slice(0, 300)} → ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`;
          expect(r.status, what).toBeLessThan(500);
          if (r.status >= 400) {
            expect(r.headers['content-type'], what).toContain('application/problem+json');
            expect(r.body?.status, what).toBe(r.status);
            expect(await journalLength(), `journal grew on a refusal: ${what}`).toBe(before);
          }
          if (r.status === 400) {
            expect(Array.isArray(r.body.violations) && r.body.violations.length > 0, what).toBe(true);
            for (const v of r.body.violations) {
              expect(v.code, what).toBe('INVALID_FIELD');
              expect(typeof v.field === 'string' && v.field.length > 0, what).toBe(true);
            }
          }
          if (q.startsWith('?dryRun=true') && r.status === 200) expect(await journalLength(), `a dry run wrote: ${what}`).toBe(before);
        }),
        { numRuns: RUNS },
      );
    }
    expect((await t.call('GET', '/api/v1/journal/verify')).body).toMatchObject({ ok: true });
  }, 60_000 + RUNS * 2_000);
});
