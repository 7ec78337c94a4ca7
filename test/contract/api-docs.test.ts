import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTakt, type Takt } from '../../src/main.js';
import { ROLES } from '../../src/platform/auth/roles.js';
import { statusOf, VIOLATION_CODES } from '../../src/platform/errors/violation-codes.js';
import type { RouteEntry } from '../../src/platform/http/app.js';
import {
  API_BASE, contractCodes, contractRoutes, normaliseRolesCell, parseApiDoc, rolesCell, routeKey, routesOfCell, type ApiDoc, type RouteKey,
} from './api-docs.parse.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The public API contract lives beside the repository, not in it. */
const apiMdPath = path.resolve(repoRoot, '..', 'shared', 'API.md');
const docPath = path.resolve(repoRoot, 'docs', 'api.md');

const apiMd = existsSync(apiMdPath) ? readFileSync(apiMdPath, 'utf8') : null;
const contractSkipReason = apiMd === null ? `the API contract is not at ${apiMdPath}` : null;
if (contractSkipReason) console.warn(`[api docs] the checks against API.md are SKIPPED: ${contractSkipReason}`);

/**
 * The routes the server answers, by normalised key. Fastify adds a HEAD route for each GET by itself; those are
 * left out (a HEAD route without its GET would stay in and need documenting).
 */
function servedRoutes(registry: readonly RouteEntry[]): Map<RouteKey, RouteEntry> {
  const gets = new Set(registry.filter((r) => r.method === 'GET').map((r) => routeKey('GET', r.url)));
  const out = new Map<RouteKey, RouteEntry>();
  for (const r of registry) {
    if (r.method === 'HEAD' && gets.has(routeKey('GET', r.url))) continue;
    out.set(routeKey(r.method, r.url), r);
  }
  return out;
}

const duplicates = (values: readonly string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);

let takt: Takt;
let served: Map<RouteKey, RouteEntry>;
let doc: ApiDoc;

beforeAll(async () => {
  // The set of routes does not depend on the options (metrics token, MQTT, OPC UA, anchors change behaviour only).
  takt = await createTakt({ store: { dialect: 'sqlite', file: ':memory:' }, adminPassword: 'api-docs-test-password' });
  served = servedRoutes(takt.app.routeRegistry);
  doc = parseApiDoc(readFileSync(docPath, 'utf8'));
});

afterAll(async () => {
  await takt?.close();
});

describe('reading API.md tables', () => {
  it('expands the rows that name several routes in one cell', () => {
    const keys = (cell: string, body = '') => routesOfCell(cell, body).map((r) => routeKey(r.method, r.path));
    expect(keys('POST /work-orders/{id}/release · /hold · /close', '`{reason?}`')).toEqual([
      'POST /work-orders/{}/release', 'POST /work-orders/{}/hold', 'POST /work-orders/{}/close',
    ]);
    expect(keys('PUT /sites/{id}, /areas/{id}', '`{name}`')).toEqual(['PUT /sites/{}', 'PUT /areas/{}']);
    expect(keys('GET /nonconformances · GET /nonconformances/{id}')).toEqual(['GET /nonconformances', 'GET /nonconformances/{}']);
    expect(keys('GET /equipment/{id}/oee?from&to (also /work-centers, /sites)')).toEqual([
      'GET /equipment/{}/oee', 'GET /work-centers/{}/oee', 'GET /sites/{}/oee',
    ]);
    expect(keys('GET /lots/{id}/genealogy?direction=backward\\|forward')).toEqual(['GET /lots/{}/genealogy']);
  });

  it('takes a row without a method as the POST its body describes, or as a GET when it has no body', () => {
    expect(routesOfCell('/integration/subscriptions', '`{kind, target}`')).toEqual([{ method: 'POST', path: '/integration/subscriptions' }]);
    expect(routesOfCell('/integration/subscriptions', '')).toEqual([{ method: 'GET', path: '/integration/subscriptions' }]);
  });

  it('reads full paths in the General section and paths relative to /api/v1 elsewhere', () => {
    const md = [
      '## General', '- `GET /health` (no auth); `/api/docs` renders it; base path `/api/v1`',
      '## Production', '| method path | body |', '|---|---|', '| GET /work-orders/{id} | |',
      '## Journal', '- `GET /journal?after={seq}&limit=` → `{events}`',
      '## Violation codes', '`ORDER_ON_HOLD` `NOT_FOUND`',
    ].join('\n');
    expect([...contractRoutes(md)].sort()).toEqual(['GET /api/docs', 'GET /api/v1/journal', 'GET /api/v1/work-orders/{}', 'GET /health']);
    expect([...contractCodes(md)].sort()).toEqual(['NOT_FOUND', 'ORDER_ON_HOLD']);
  });
});

describe('docs/api.md against the server', () => {
  it('has a route or a code in every row of its route and code tables', () => {
    expect(doc.malformed).toEqual([]);
    expect(doc.routes.length).toBeGreaterThan(0);
    expect(doc.codes.length).toBeGreaterThan(0);
  });

  it('lists only routes the server registers, each once, with the path written as registered', () => {
    const unknown = doc.routes.filter((r) => !served.has(r.key)).map((r) => `${r.method} ${r.path}`);
    expect(unknown, 'docs/api.md lists routes the server does not register').toEqual([]);
    expect(duplicates(doc.routes.map((r) => r.key)), 'docs/api.md lists these routes twice').toEqual([]);
    const misspelt = doc.routes.filter((r) => served.get(r.key)?.url !== r.path).map((r) => `${r.method} ${r.path} (registered: ${served.get(r.key)?.url})`);
    expect(misspelt).toEqual([]);
  });

  it('names the roles each listed route admits', () => {
    const wrong = doc.routes.flatMap((r) => {
      const entry = served.get(r.key);
      if (!entry) return [];
      const expected = rolesCell(entry.roles, entry.public, ROLES);
      return normaliseRolesCell(r.roles) === normaliseRolesCell(expected) ? [] : [`${r.method} ${r.path}: "${r.roles}", the server: "${expected}"`];
    });
    expect(wrong).toEqual([]);
  });

  it('lists only violation codes of the registry, each once, with the status Takt answers it with', () => {
    const registry = new Set<string>(VIOLATION_CODES);
    expect(doc.codes.filter((c) => !registry.has(c.code)).map((c) => c.code), 'docs/api.md lists codes that are not in the registry').toEqual([]);
    expect(duplicates(doc.codes.map((c) => c.code))).toEqual([]);
    const wrong = doc.codes.filter((c) => registry.has(c.code) && statusOf(c.code as (typeof VIOLATION_CODES)[number]) !== c.status);
    expect(wrong.map((c) => `${c.code} ${c.status}`)).toEqual([]);
  });
});

const describeContract = contractSkipReason ? describe.skip : describe;

describeContract(`API.md and docs/api.md together${contractSkipReason ? ` (skipped: ${contractSkipReason})` : ''}`, () => {
  const contract = apiMd === null ? new Set<RouteKey>() : contractRoutes(apiMd);
  const codes = apiMd === null ? new Set<string>() : contractCodes(apiMd);

  it('document every route the server registers', () => {
    const documented = new Set([...contract, ...doc.routes.map((r) => r.key)]);
    const missing = [...served.values()].filter((r) => !documented.has(routeKey(r.method, r.url))).map((r) => `${r.method} ${r.url}`);
    expect(missing, 'routes in neither API.md nor docs/api.md: add a row to docs/api.md').toEqual([]);
  });

  it('document every violation code of the registry', () => {
    const documented = new Set([...codes, ...doc.codes.map((c) => c.code)]);
    const missing = VIOLATION_CODES.filter((c) => !documented.has(c));
    expect(missing, 'codes in neither API.md nor docs/api.md: add a row to docs/api.md').toEqual([]);
  });

  it('do not overlap: docs/api.md lists only what API.md does not', () => {
    expect(doc.routes.filter((r) => contract.has(r.key)).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(doc.codes.filter((c) => codes.has(c.code)).map((c) => c.code)).toEqual([]);
  });

  it('name in API.md only routes the server serves, so its tables are read right', () => {
    const unserved = [...contract].filter((k) => !served.has(k));
    expect(unserved).toEqual([]);
    // A few rows of each form, so that a parser reading too little fails here rather than above.
    for (const key of [
      'GET /health', 'GET /api/openapi.json', 'GET /api/docs', `POST ${API_BASE}/auth/login`, `PUT ${API_BASE}/equipment/{}`,
      `POST ${API_BASE}/work-orders/{}/close`, `POST ${API_BASE}/lots/{}/release`, `GET ${API_BASE}/nonconformances/{}`,
      `GET ${API_BASE}/sites/{}/oee`, `POST ${API_BASE}/integration/subscriptions`, `GET ${API_BASE}/journal/verify`,
    ]) {
      expect(contract, key).toContain(key);
    }
  });
});
