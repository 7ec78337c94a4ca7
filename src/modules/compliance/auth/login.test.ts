import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTakt, type Takt } from '../../../main.js';
import type { Dialect, StoreConfig } from '../../../platform/store/database.js';
import { describeStores, freshStore } from '../../../../test/support/stores.js';
import { startTestTakt, type Reply, type TestTakt } from '../../../../test/support/takt.js';
import { MAX_FAILED_LOGINS } from './login.command.js';

const PASSWORD = 'right-password-42';

describeStores('login', (dialect) => {
  let t: TestTakt;
  let userNo = 0;

  beforeAll(async () => {
    t = await startTestTakt(dialect);
  });
  afterAll(() => t.close());

  /** A new operator with a known password, so each test counts its own failures. */
  async function newUser(): Promise<string> {
    userNo += 1;
    const id = `u-${userNo}`;
    const r = await t.call('PUT', `/api/v1/people/${id}`, { body: { name: `User ${userNo}`, roles: ['operator'], password: PASSWORD } });
    expect(r.status).toBe(200);
    return id;
  }

  function login(username: string, password: string): Promise<Reply> {
    return t.call('POST', '/api/v1/auth/login', { token: null, body: { username, password } });
  }

  async function eventsOf(username: string): Promise<{ action: string; data: Record<string, unknown> }[]> {
    const r = await t.call('GET', `/api/v1/journal?entity=person&entityId=${username}&limit=5000`);
    return r.body.events;
  }

  it('gives a token that works on the API', async () => {
    const user = await newUser();
    const r = await login(user, PASSWORD);
    expect(r.status).toBe(200);
    expect(new Date(r.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await t.call('GET', '/api/v1/auth/me', { token: r.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: user, roles: ['operator'] });
    expect((await eventsOf(user)).map((e) => e.action)).toContain('security.logged-in');
  });

  it('answers a wrong password with 401 UNAUTHENTICATED and journals security.login-failed', async () => {
    const user = await newUser();
    const r = await login(user, 'wrong-password-1');
    expect(r.status).toBe(401);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body.violations).toEqual([expect.objectContaining({ code: 'UNAUTHENTICATED' })]);
    expect(r.body.token).toBeUndefined();
    const last = (await eventsOf(user)).at(-1);
    expect(last).toMatchObject({ action: 'security.login-failed', data: { failedInARow: 1 } });
  });

  it('answers an unknown user exactly like a wrong password, and journals it', async () => {
    const wrongPassword = await login(await newUser(), 'wrong-password-1');
    const unknown = await login('nobody-here', 'wrong-password-1');
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrongPassword.body);
    expect((await eventsOf('nobody-here')).map((e) => e.action)).toEqual(['security.login-failed']);
  });

  it(`locks the account after ${MAX_FAILED_LOGINS} failed logins in a row, even against the right password`, async () => {
    const user = await newUser();
    const { body: before } = await login(user, PASSWORD);
    for (let i = 1; i < MAX_FAILED_LOGINS; i += 1) {
      const r = await login(user, `wrong-password-${i}`);
      expect(r.body.violations[0].code).toBe('UNAUTHENTICATED');
    }
    const tenth = await login(user, 'wrong-password-10');
    expect(tenth.status).toBe(401);
    expect(tenth.body.violations[0].code).toBe('ACCOUNT_LOCKED');
    const right = await login(user, PASSWORD);
    expect(right.status).toBe(401);
    expect(right.body.violations[0].code).toBe('ACCOUNT_LOCKED');
    expect(right.body.token).toBeUndefined();
    const alerts = (await eventsOf(user)).filter((e) => e.action === 'security.alert');
    expect(alerts).toEqual([expect.objectContaining({ data: { alert: 'account locked', failedInARow: MAX_FAILED_LOGINS } })]);
    expect((await t.call('GET', '/api/v1/auth/me', { token: before.token })).status).toBe(401);
  });

  it('resets the count of failures on a successful login', async () => {
    const user = await newUser();
    for (let i = 1; i < MAX_FAILED_LOGINS; i += 1) await login(user, `wrong-password-${i}`);
    expect((await login(user, PASSWORD)).status).toBe(200);
    for (let i = 1; i < MAX_FAILED_LOGINS; i += 1) {
      expect((await login(user, `wrong-password-${i}`)).body.violations[0].code).toBe('UNAUTHENTICATED');
    }
    expect((await login(user, PASSWORD)).status).toBe(200);
    expect((await eventsOf(user)).filter((e) => e.action === 'security.alert')).toEqual([]);
  });

  it(`counts every one of failed logins sent at once, and locks at ${MAX_FAILED_LOGINS}`, async () => {
    const user = await newUser();
    const answers = await Promise.all(Array.from({ length: MAX_FAILED_LOGINS + 4 }, (_, i) => login(user, `wrong-password-${i}`)));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 401));
    const counted = (await eventsOf(user)).filter((e) => e.action === 'security.login-failed').map((e) => e.data.failedInARow);
    expect(counted.filter((n) => n !== undefined)).toEqual(Array.from({ length: MAX_FAILED_LOGINS }, (_, i) => i + 1));
    expect(answers.filter((a) => a.body.violations[0].code === 'ACCOUNT_LOCKED')).toHaveLength(5);
    expect((await login(user, PASSWORD)).body.violations[0].code).toBe('ACCOUNT_LOCKED');
  });
});

describeStores('bootstrap administrator', (dialect: Dialect) => {
  const started: Takt[] = [];
  const releases: (() => Promise<void>)[] = [];

  /** A store that outlives a restart: a file for SQLite, a schema for PostgreSQL. */
  async function durableStore(): Promise<StoreConfig> {
    if (dialect === 'sqlite') {
      const dir = join(tmpdir(), `takt-login-${randomBytes(6).toString('hex')}`);
      releases.push(async () => rmSync(dir, { recursive: true, force: true }));
      return { dialect: 'sqlite', file: join(dir, 'takt.db') };
    }
    const { config, release } = await freshStore(dialect);
    releases.push(release);
    return config;
  }

  async function start(store: StoreConfig, adminPassword?: string): Promise<Takt> {
    const takt = await createTakt({ store, adminPassword });
    started.push(takt);
    return takt;
  }

  async function loginStatus(takt: Takt, password: string): Promise<number> {
    const r = await takt.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password } });
    return r.statusCode;
  }

  afterAll(async () => {
    for (const takt of started.splice(0)) await takt.close();
    for (const release of releases.splice(0)) await release();
  });

  it('creates admin on an empty store with the given password (TAKT_ADMIN_PASSWORD)', async () => {
    const takt = await start(await durableStore(), 'Chosen-admin-pw-9');
    expect(takt.bootstrap).toEqual({ password: 'Chosen-admin-pw-9', generated: false, weak: [] });
    expect(await loginStatus(takt, 'Chosen-admin-pw-9')).toBe(200);
    const person = await takt.store.db.selectFrom('person_roles').select('role').where('person_id', '=', 'admin').execute();
    expect(person.map((p) => p.role)).toEqual(['admin']);
  });

  it('generates a password when none is given, and it signs in', async () => {
    const takt = await start(await durableStore());
    expect(takt.bootstrap?.generated).toBe(true);
    const password = takt.bootstrap?.password ?? '';
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(await loginStatus(takt, password)).toBe(200);
    expect(await loginStatus(takt, 'Chosen-admin-pw-9')).toBe(401);
  });

  it('creates no administrator on a store that already has people, and keeps the first password', async () => {
    const store = await durableStore();
    const first = await start(store, 'First-admin-pw-1');
    await first.close();
    started.splice(started.indexOf(first), 1);
    const second = await start(store, 'Second-admin-pw-2');
    expect(second.bootstrap).toBeNull();
    expect(await loginStatus(second, 'First-admin-pw-1')).toBe(200);
    expect(await loginStatus(second, 'Second-admin-pw-2')).toBe(401);
  });
});

describe('login limits', () => {
  it('locks at ten failures, as API.md fixes', () => {
    expect(MAX_FAILED_LOGINS).toBe(10);
  });
});
