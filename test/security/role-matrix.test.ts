import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/platform/auth/roles.js';
import { buildApp, isApiUrl, type RouteEntry } from '../../src/platform/http/app.js';
import { describeStores } from '../support/stores.js';
import { startTestTakt, type Reply, type TestTakt } from '../support/takt.js';

const PLACEHOLDER = 'placeholder-1';

/** The URL of a route with every path parameter (and wildcard) filled with a placeholder id. */
function concreteUrl(url: string): string {
  return url.replace(/:[A-Za-z0-9_]+/g, PLACEHOLDER).replace(/\*$/, PLACEHOLDER);
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Tokens that must never authenticate: garbage, forged, unsigned, expired, stale, of nobody. */
async function invalidTokens(t: TestTakt): Promise<Record<string, string>> {
  const [header, , signature] = t.tokens.admin.split('.');
  const farFuture = Math.floor(Date.now() / 1000) + 3600;
  const claims = { sub: 'admin', ep: 0, jti: 'forged', iat: farFuture - 7200, exp: farFuture };
  return {
    garbage: 'not-a-token',
    'payload swapped under a valid signature': `${header}.${base64url(claims)}.${signature}`,
    'alg none': `${base64url({ alg: 'none' })}.${base64url(claims)}.`,
    expired: (await t.takt.tokens.issue('t-admin', 0, Date.now() - 48 * 3600_000)).token,
    'stale epoch': (await t.takt.tokens.issue('t-admin', 7)).token,
    'unknown user': (await t.takt.tokens.issue('nobody-at-all', 0)).token,
  };
}

/** True when the answer carries the code (a HEAD answer has no body to carry one). */
function answers(route: RouteEntry, r: Reply, status: number, code: string): boolean {
  return r.status === status && (route.method === 'HEAD' || r.body?.violations?.[0]?.code === code);
}

function allows(route: RouteEntry, role: Role): boolean {
  return role === 'admin' || (route.roles ?? []).includes(role);
}

describeStores('role matrix over every API route', (dialect) => {
  let t: TestTakt;
  let routes: RouteEntry[];

  let base: string;

  /**
   * One request over a real socket: the status comes with the headers, so a streaming answer (SSE) is judged
   * without waiting for its end, and closing the body ends it on the server too.
   */
  async function send(route: RouteEntry, options: { token?: string | null; headers?: Record<string, string>; url?: string }): Promise<Reply> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const url = options.url ?? concreteUrl(route.url);
    const res = await fetch(`${base}${url}`, { method: route.method, headers, signal: AbortSignal.timeout(10_000) }).catch((error: unknown) => {
      throw new Error(`${route.method} ${url}: no answer (${String(error)})`);
    });
    const isJson = (res.headers.get('content-type') ?? '').includes('json');
    const body: unknown = isJson && route.method !== 'HEAD' ? await res.json() : (await res.body?.cancel(), null);
    return { status: res.status, body, headers: Object.fromEntries(res.headers) };
  }

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    routes = t.takt.app.routeRegistry.filter((r) => isApiUrl(r.url));
    base = await t.takt.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => t.close());

  it('finds the API routes in the registry, each protected one naming its roles', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(['POST /api/v1/auth/login', 'GET /api/v1/journal/verify', 'PUT /api/v1/sites/:id']));
    const unnamed = routes.filter((r) => !r.public && !Array.isArray(r.roles)).map((r) => `${r.method} ${r.url}`);
    expect(unnamed).toEqual([]);
    expect(routes.filter((r) => r.public).map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/v1/auth/login', 'POST /api/v1/auth/change-password']);
  });

  it('refuses to register a protected API route without roles', async () => {
    const app = await buildApp({ tokens: t.takt.tokens, resolveActor: async () => null, ready: () => true });
    try {
      expect(() => app.get('/api/v1/forgotten', async () => ({}))).toThrow(/names no roles/);
      expect(() => app.get('/api/v1/open', { config: { public: true } }, async () => ({}))).not.toThrow();
      expect(() => app.get('/api/v1/admins-only', { config: { roles: [] } }, async () => ({}))).not.toThrow();
    } finally {
      await app.close();
    }
  });

  it('answers 401 UNAUTHENTICATED without a token on every protected route, and lets public ones through', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const r = await send(route, {});
      const ok = route.public ? r.status !== 401 && r.status !== 403 : answers(route, r, 401, 'UNAUTHENTICATED');
      if (!ok) wrong.push(`${route.method} ${route.url} → ${r.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 401 to a percent-encoded path of every protected route without a token', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !r.public)) {
      for (const url of [concreteUrl(route.url).replace('/api/v1', '/%61pi/v1'), concreteUrl(route.url).replace('/api/v1', '/api/v%31')]) {
        const r = await send(route, { url });
        if (r.status !== 401 && r.status !== 404) wrong.push(`${route.method} ${url} → ${r.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers 401 to every invalid token on every protected route', async () => {
    const tokens = await invalidTokens(t);
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !r.public)) {
      for (const [kind, token] of Object.entries(tokens)) {
        const r = await send(route, { token });
        if (!answers(route, r, 401, 'UNAUTHENTICATED')) wrong.push(`${route.method} ${route.url} with ${kind} → ${r.status}`);
      }
      const basic = await send(route, { token: null, headers: { authorization: `Basic ${Buffer.from('admin:x').toString('base64')}` } });
      if (basic.status !== 401) wrong.push(`${route.method} ${route.url} with Basic auth → ${basic.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('takes a token in ?access_token= only on routes that opt in, and judges it like a header token', async () => {
    const tokens = await invalidTokens(t);
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !r.public && r.method === 'GET')) {
      const url = (token: string) => `${concreteUrl(route.url)}?access_token=${encodeURIComponent(token)}`;
      for (const [kind, token] of Object.entries(tokens)) {
        const r = await send(route, { url: url(token) });
        if (r.status !== 401) wrong.push(`${route.method} ${route.url} with ${kind} in the query → ${r.status}`);
      }
      const valid = await send(route, { url: url(t.tokens.admin) });
      const passed = valid.status !== 401 && valid.status !== 403;
      if (passed !== route.tokenInQuery) wrong.push(`${route.method} ${route.url} with a valid token in the query → ${valid.status}`);
    }
    expect(wrong).toEqual([]);
    expect(routes.filter((r) => r.tokenInQuery).map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/v1/events']);
  });

  it('answers 403 FORBIDDEN to each role a route excludes, and lets admin and allowed roles past', async () => {
    const wrong: string[] = [];
    // Logging out ends the session of the token that asks, which every later request here still needs: it goes last.
    const ordered = [...routes.filter((r) => !r.public && r.url !== '/api/v1/auth/logout'), ...routes.filter((r) => r.url === '/api/v1/auth/logout')];
    for (const route of ordered) {
      const replies = await Promise.all(ROLES.map((role) => send(route, { token: t.tokens[role] })));
      for (const [i, role] of ROLES.entries()) {
        const r = replies[i] as Reply;
        if (allows(route, role)) {
          if (r.status === 401 || r.status === 403) wrong.push(`${route.method} ${route.url} as ${role} (allowed) → ${r.status}`);
        } else if (!answers(route, r, 403, 'FORBIDDEN')) {
          wrong.push(`${route.method} ${route.url} as ${role} (excluded) → ${r.status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('leaves managing people (the users) to admin alone', () => {
    const adminOnly = routes.filter((r) => !r.public && r.roles?.length === 0).map((r) => `${r.method} ${r.url}`);
    expect(adminOnly).toContain('PUT /api/v1/people/:id');
  });
});
