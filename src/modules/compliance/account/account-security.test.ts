import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../config.js';
import { passwordProblems } from '../../../platform/auth/password-rules.js';
import { describeStores } from '../../../../test/support/stores.js';
import { buildPlant, receive } from '../../../../test/support/plant.js';
import { startTestTakt, type Reply, type TestTakt } from '../../../../test/support/takt.js';
import { unlockWithStore } from '../../../cli/store-commands.js';
import { MAX_FAILED_LOGINS } from '../auth/failed-attempts.js';

const PASSWORD = 'first-password-1';
const DAY = 86_400_000;

describeStores('account security', (dialect) => {
  let t: TestTakt;
  let n = 0;

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
  });
  afterAll(() => t.close());

  async function person(roles: string[] = ['quality']): Promise<string> {
    n += 1;
    const id = `a-${n}`;
    expect((await t.call('PUT', `/api/v1/people/${id}`, { body: { name: `Account ${n}`, roles, password: PASSWORD } })).status).toBe(200);
    return id;
  }
  const login = (username: string, password: string): Promise<Reply> => t.call('POST', '/api/v1/auth/login', { token: null, body: { username, password } });
  const change = (username: string, oldPassword: string, newPassword: string): Promise<Reply> =>
    t.call('POST', '/api/v1/auth/change-password', { token: null, body: { username, oldPassword, newPassword } });
  const actions = async (id: string): Promise<string[]> => (await t.call('GET', `/api/v1/journal?entity=person&entityId=${id}&limit=5000`)).body.events.map((e: { action: string }) => e.action);
  /** Makes the person's password older than the default maximum age (90 days). */
  const age = async (id: string, days: number) => {
    await t.takt.store.db.updateTable('people').set({ password_changed_at: Date.now() - days * DAY }).where('id', '=', id).execute();
  };

  it('refuses a password that breaks the rules, naming the field', async () => {
    const r = await t.call('PUT', '/api/v1/people/weak-1', { body: { name: 'Weak', roles: ['operator'], password: 'short1' } });
    expect(r.status).toBe(400);
    expect(r.body.violations).toEqual([expect.objectContaining({ code: 'INVALID_FIELD', field: 'password' })]);
    expect((await t.call('PUT', '/api/v1/people/weak-1', { body: { name: 'Weak', roles: ['operator'], password: 'aaaaaaaaaa' } })).status).toBe(400);
  });

  it('refuses a login with an expired password (PASSWORD_EXPIRED, only after the right password) until it is changed', async () => {
    const id = await person();
    await age(id, 91);
    expect((await login(id, 'wrong-password-9')).body.violations[0].code).toBe('UNAUTHENTICATED');
    const expired = await login(id, PASSWORD);
    expect(expired.status).toBe(401);
    expect(expired.body.violations[0].code).toBe('PASSWORD_EXPIRED');
    const changed = await change(id, PASSWORD, 'second-password-2');
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await login(id, 'second-password-2')).status).toBe(200);
    expect((await login(id, PASSWORD)).status).toBe(401);
    expect(await actions(id)).toContain('security.password-changed');
  });

  it('refuses a signature with an expired password, and journals it', async () => {
    const id = await person();
    const { token } = await t.takt.tokens.issue(id, 0);
    await t.call('PUT', '/api/v1/compliance/signature-policies/lot.release', { body: { meanings: ['approved'], witness: false } });
    try {
      await receive(t, `L-EXP-${n}`, 'RAW', 3, { status: 'quarantine' });
      await age(id, 120);
      const r = await t.call('POST', `/api/v1/lots/L-EXP-${n}/release`, { token, body: { reason: 'ok', signature: { username: id, password: PASSWORD, meaning: 'approved' } } });
      expect(r.status).toBe(409);
      expect(r.body.violations[0]).toMatchObject({ code: 'SIGNATURE_REQUIRED', message: expect.stringContaining('password expired') });
      expect(await actions(id)).toContain('security.signature-failed');
    } finally {
      await t.call('PUT', '/api/v1/compliance/signature-policies/lot.release', { body: { meanings: [], witness: false } });
    }
  });

  it('changes a password only with the right old one, counts a wrong one, and applies the rules to the new one', async () => {
    const id = await person();
    const wrong = await change(id, 'not-the-old-1', 'third-password-3');
    expect(wrong.status).toBe(401);
    expect(wrong.body.violations[0].code).toBe('UNAUTHENTICATED');
    const weak = await change(id, PASSWORD, 'short1');
    expect(weak.status).toBe(400);
    expect(weak.body.violations[0].field).toBe('newPassword');
    expect((await change(id, PASSWORD, PASSWORD)).status).toBe(400);
    const journal = (await t.call('GET', `/api/v1/journal?entity=person&entityId=${id}&limit=5000`)).body.events;
    expect(journal.filter((e: { action: string }) => e.action === 'security.password-change-failed')).toEqual([expect.objectContaining({ data: { failedInARow: 1 } })]);
  });

  it('answers a dry run of a password change from the new password alone, and a retry with the same Idempotency-Key from the first change', async () => {
    const id = await person();
    const dry = (body: unknown) => t.call('POST', '/api/v1/auth/change-password?dryRun=true', { token: null, body });
    expect((await dry({ username: id, oldPassword: PASSWORD, newPassword: 'fifth-password-5' })).body).toEqual({ allowed: true, violations: [] });
    const weak = await dry({ username: id, oldPassword: 'not-the-old-1', newPassword: 'short1' });
    expect(weak.body).toMatchObject({ allowed: false, violations: [expect.objectContaining({ code: 'INVALID_FIELD', field: 'newPassword' })] });
    expect(await actions(id)).not.toContain('security.password-changed');
    expect(await actions(id)).not.toContain('security.password-change-failed');
    expect((await login(id, PASSWORD)).status).toBe(200);

    const headers = { 'idempotency-key': `pw-${id}` };
    const body = { username: id, oldPassword: PASSWORD, newPassword: 'fifth-password-5' };
    const first = await t.call('POST', '/api/v1/auth/change-password', { token: null, body, headers });
    expect(first.status).toBe(200);
    const again = await t.call('POST', '/api/v1/auth/change-password', { token: null, body, headers });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect((await actions(id)).filter((a) => a.startsWith('security.password-change'))).toEqual(['security.password-changed']);
  });

  it('ends every session of the person when the password changes', async () => {
    const id = await person();
    const { token } = (await login(id, PASSWORD)).body;
    expect((await t.call('GET', '/api/v1/auth/me', { token })).status).toBe(200);
    expect((await change(id, PASSWORD, 'fourth-password-4')).status).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/me', { token })).status).toBe(401);
  });

  it('follows the maximum age an administrator sets (0: no expiry), journaled', async () => {
    const id = await person();
    await age(id, 400);
    expect((await t.call('PUT', '/api/v1/compliance/account-policy', { as: 'quality', body: { passwordMaxAgeDays: 0 } })).status).toBe(403);
    expect((await t.call('PUT', '/api/v1/compliance/account-policy', { body: { passwordMaxAgeDays: 0 } })).status).toBe(200);
    try {
      expect((await login(id, PASSWORD)).status).toBe(200);
      expect((await t.call('GET', '/api/v1/compliance/account-policy')).body).toEqual({ passwordMaxAgeDays: 0 });
    } finally {
      expect((await t.call('PUT', '/api/v1/compliance/account-policy', { body: { passwordMaxAgeDays: 90 } })).status).toBe(200);
    }
    expect((await login(id, PASSWORD)).body.violations[0].code).toBe('PASSWORD_EXPIRED');
    const events = (await t.call('GET', '/api/v1/journal?entity=account-policy&entityId=passwords&limit=100')).body.events;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['account-policy.changed', 'account-policy.changed']);
  });

  it('logs out: the token of this session stops working, other sessions go on, journaled', async () => {
    const id = await person();
    const { token } = (await login(id, PASSWORD)).body;
    const other = (await login(id, PASSWORD)).body.token;
    expect((await t.call('POST', '/api/v1/auth/logout', { token, body: {} })).status).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/me', { token })).status).toBe(401);
    expect((await t.call('GET', '/api/v1/auth/me', { token: other })).status).toBe(200);
    expect(await actions(id)).toContain('security.logged-out');
    expect((await login(id, PASSWORD)).status).toBe(200);
  });

  it("lets an administrator revoke a person's tokens, journaled; nobody else may", async () => {
    const id = await person();
    const { token } = (await login(id, PASSWORD)).body;
    expect((await t.call('POST', `/api/v1/people/${id}/revoke-tokens`, { as: 'supervisor', body: {} })).status).toBe(403);
    expect((await t.call('POST', `/api/v1/people/${id}/revoke-tokens`, { body: { reason: 'badge lost' } })).status).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/me', { token })).status).toBe(401);
    expect(await actions(id)).toContain('security.tokens-revoked');
  });

  it('unlocks a locked account through the API and the command line, journaled', async () => {
    for (const how of ['api', 'cli'] as const) {
      const id = await person();
      for (let i = 0; i < MAX_FAILED_LOGINS; i += 1) await login(id, `wrong-password-${i}`);
      expect((await login(id, PASSWORD)).body.violations[0].code).toBe('ACCOUNT_LOCKED');
      if (how === 'api') expect((await t.call('POST', `/api/v1/people/${id}/unlock`, { body: { reason: 'identity checked' } })).status).toBe(200);
      else await unlockWithStore(t.takt.store, id, 'identity checked');
      expect((await login(id, PASSWORD)).status).toBe(200);
      expect(await actions(id)).toContain('security.account-unlocked');
    }
    expect((await t.call('POST', '/api/v1/people/a-1/unlock', { as: 'quality', body: {} })).status).toBe(403);
    expect((await t.call('POST', '/api/v1/people/nobody-x/unlock', { body: {} })).status).toBe(404);
  });
});

describe('password rules at the edges', () => {
  it('names each rule a password breaks', () => {
    expect(passwordProblems('short1')).toEqual(['must be at least 8 characters']);
    expect(passwordProblems('aaaaaaaaaa')).toEqual(['must not be one character repeated']);
    expect(passwordProblems('onlyletterslong')).toEqual([]);
    expect(passwordProblems('good-password-1')).toEqual([]);
  });

  it('takes whatever TAKT_ADMIN_PASSWORD the first start is given, says how it breaks the rules, and signs in with it', async () => {
    expect(resolveConfig({}, { TAKT_ADMIN_PASSWORD: 'admin' }, '/tmp').adminPassword).toBe('admin');
    const fresh = await startTestTakt('sqlite', { adminPassword: 'admin' });
    try {
      expect(fresh.takt.bootstrap).toMatchObject({ generated: false, weak: ['must be at least 8 characters'] });
      const login = await fresh.call('POST', '/api/v1/auth/login', { token: null, body: { username: 'admin', password: 'admin' } });
      expect(login.status, JSON.stringify(login.body)).toBe(200);
      const weakAgain = await fresh.call('PUT', '/api/v1/people/admin', { body: { name: 'Administrator', roles: ['admin'], password: 'admin' } });
      expect(weakAgain.body.violations).toEqual([expect.objectContaining({ code: 'INVALID_FIELD', field: 'password' })]);
    } finally {
      await fresh.close();
    }
  });
});
