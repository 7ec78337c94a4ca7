import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTakt, type Takt, type TaktOptions } from '../../src/main.js';
import { DEFAULT_LOGIN_RATE_LIMIT } from '../../src/platform/http/login-rate-limit.js';
import { CONTENT_SECURITY_POLICY } from '../../src/platform/http/security-headers.js';
import { freshStore } from '../support/stores.js';
import { TEST_PASSWORD } from '../support/takt.js';

/** A Takt on a fresh in-memory store with the given edge options; `login` posts from the given client address. */
async function takt(options: Partial<TaktOptions> = {}): Promise<{ takt: Takt; close: () => Promise<void> }> {
  const { config, release } = await freshStore('sqlite');
  const t = await createTakt({ store: config, adminPassword: TEST_PASSWORD, ...options });
  return { takt: t, close: async () => (await t.close(), await release()) };
}

async function token(t: Takt): Promise<string> {
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: TEST_PASSWORD } });
  return r.json<{ token: string }>().token;
}

describe('security headers', () => {
  let t: Awaited<ReturnType<typeof takt>>;
  beforeAll(async () => (t = await takt()));
  afterAll(() => t.close());

  it.each([
    ['the UI', '/'],
    ['a UI route', '/orders/WO-1'],
    ['an API answer', '/api/v1/journal/verify'],
    ['an API refusal', '/api/v1/nowhere'],
    ['the health check', '/health'],
  ])('sets CSP, nosniff, frame denial and no referrer on %s', async (_what, url) => {
    const r = await t.takt.app.inject({ method: 'GET', url });
    // The UI's index.html sets its own policy (ui-host); every other answer gets the default one. Both forbid framing
    // and foreign or inline scripts.
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("object-src 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });

  it('gives the API the default policy', async () => {
    const r = await t.takt.app.inject({ method: 'GET', url: '/api/v1/lots' });
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('CORS', () => {
  const preflight = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' };

  it('is off by default: no origin is allowed, a preflight gets no CORS header', async () => {
    const t = await takt();
    try {
      const pre = await t.takt.app.inject({ method: 'OPTIONS', url: '/api/v1/lots', headers: { origin: 'https://evil.example', ...preflight } });
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
      const get = await t.takt.app.inject({ method: 'GET', url: '/api/v1/journal/verify', headers: { origin: 'https://evil.example', authorization: `Bearer ${await token(t.takt)}` } });
      expect(get.statusCode).toBe(200);
      expect(get.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('allows exactly the configured origins', async () => {
    const t = await takt({ corsOrigins: ['https://mes.example.com'] });
    try {
      const pre = await t.takt.app.inject({ method: 'OPTIONS', url: '/api/v1/lots', headers: { origin: 'https://mes.example.com', ...preflight } });
      expect(pre.statusCode).toBe(204);
      expect(pre.headers['access-control-allow-origin']).toBe('https://mes.example.com');
      expect(String(pre.headers['access-control-allow-headers'])).toContain('authorization');
      const other = await t.takt.app.inject({ method: 'OPTIONS', url: '/api/v1/lots', headers: { origin: 'https://mes.example.com.evil.example', ...preflight } });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const get = await t.takt.app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://mes.example.com' } });
      expect(get.headers['access-control-allow-origin']).toBe('https://mes.example.com');
      expect(get.headers.vary).toContain('Origin');
    } finally {
      await t.close();
    }
  });
});

describe('oversized bodies', () => {
  it('answers a body over the configured limit with 413 problem+json and writes nothing', async () => {
    const t = await takt({ bodyLimit: 4096 });
    try {
      const auth = `Bearer ${await token(t.takt)}`;
      const journal = async () => (await t.takt.app.inject({ method: 'GET', url: '/api/v1/journal/verify', headers: { authorization: auth } })).json<{ events: number }>().events;
      const before = await journal();
      const r = await t.takt.app.inject({ method: 'PUT', url: '/api/v1/sites/BIG', headers: { authorization: auth, 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(5000) }) });
      expect(r.statusCode).toBe(413);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json()).toMatchObject({ status: 413, violations: [{ code: 'PAYLOAD_TOO_LARGE', field: 'body' }] });
      expect(await journal()).toBe(before);
      const small = await t.takt.app.inject({ method: 'PUT', url: '/api/v1/sites/SMALL', headers: { authorization: auth }, payload: { name: 'small' } });
      expect(small.statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('takes at most 1 MiB by default', async () => {
    const t = await takt();
    try {
      const r = await t.takt.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'admin', password: 'p'.repeat(1024 * 1024) }) });
      expect(r.statusCode).toBe(413);
      expect(r.json().violations[0].code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await t.close();
    }
  });
});

describe('login rate limiting', () => {
  let t: Awaited<ReturnType<typeof takt>>;
  const login = (username: string, password: string, remoteAddress = '10.0.0.1') =>
    t.takt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });

  beforeAll(async () => {
    t = await takt({ loginRateLimit: { perAccount: { max: 3, windowSec: 60 }, perAddress: { max: 5, windowSec: 60 } } });
  });
  afterAll(() => t.close());

  it('refuses an account after its failed logins with 429 and Retry-After, before the password is checked', async () => {
    for (let i = 0; i < 3; i += 1) expect((await login('admin', `wrong-${i}`)).statusCode).toBe(401);
    const limited = await login('admin', TEST_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json().violations[0].code).toBe('TOO_MANY_REQUESTS');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The same account from another address is limited too: the limit is per account.
    expect((await login('ADMIN', TEST_PASSWORD, '10.0.0.2')).statusCode).toBe(429);
  });

  it('refuses a client address after its failed logins, whatever the account', async () => {
    for (let i = 0; i < 2; i += 1) expect((await login(`nobody-${i}`, 'wrong', '10.0.0.1')).statusCode).toBe(401);
    const limited = await login('someone-else', 'wrong', '10.0.0.1');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await login('someone-else', 'wrong', '10.0.0.3')).statusCode).toBe(401);
  });

  it('with the default limits, ten failed logins in a row lock the account before any is refused with 429', async () => {
    const plain = await takt({ loginRateLimit: DEFAULT_LOGIN_RATE_LIMIT });
    try {
      const attempt = (password: string) => plain.takt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password } });
      const codes: string[] = [];
      for (let i = 1; i <= 10; i += 1) codes.push((await attempt(`wrong-password-${i}`)).json().violations[0].code as string);
      expect(codes).toEqual([...Array<string>(9).fill('UNAUTHENTICATED'), 'ACCOUNT_LOCKED']);
      const right = await attempt(TEST_PASSWORD);
      expect(right.statusCode).toBe(401);
      expect(right.json().violations[0].code).toBe('ACCOUNT_LOCKED');
    } finally {
      await plain.close();
    }
  });

  it('did not count the refused attempts towards the lockout', async () => {
    const people = await t.takt.store.db.selectFrom('journal').select('action').where('action', 'like', 'security.%').execute();
    expect(people.filter((e) => e.action === 'security.login-failed')).toHaveLength(6);
  });
});
