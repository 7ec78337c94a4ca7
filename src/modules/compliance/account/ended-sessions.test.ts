import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, TEST_PASSWORD, type TestTakt } from '../../../../test/support/takt.js';
import { endSession, sessionEndedKey } from './ended-sessions.repository.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

describeStores('marks of ended sessions', (dialect) => {
  let t: TestTakt;
  let ttl: number;

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    ttl = t.takt.tokens.ttlMs;
  });
  afterAll(() => t.close());

  const me = async (token: string): Promise<number> => (await t.call('GET', '/api/v1/auth/me', { token })).status;
  const marked = async (session: string): Promise<boolean> =>
    (await t.takt.store.db.selectFrom('settings').select('key').where('key', '=', sessionEndedKey(session)).executeTakeFirst()) !== undefined;
  /** A session of t-operator signed in and ended `agoMs` ago, with the token it was given then. */
  async function endedSession(agoMs: number): Promise<{ session: string; token: string }> {
    const at = Date.now() - agoMs;
    const { token, session } = await t.takt.tokens.issue('t-operator', 0, at);
    await endSession(t.takt.store.db, session, at);
    return { session, token };
  }

  it('keeps the mark of a logged-out session while its token is unexpired, so the token stays refused', async () => {
    const login = await t.call('POST', '/api/v1/auth/login', { token: null, body: { username: 't-operator', password: TEST_PASSWORD } });
    const { token } = login.body;
    expect(await me(token)).toBe(200);
    expect((await t.call('POST', '/api/v1/auth/logout', { token, body: {} })).status).toBe(200);
    expect(await me(token)).toBe(401);
    // Ended a moment ago, and nearly a whole token lifetime ago: each token would still be valid but for the mark.
    const late = await endedSession(ttl - MINUTE);
    expect(await t.takt.tokens.check(late.token)).not.toBeNull();

    expect(await t.takt.housekeeping.runNow('ended-sessions')).toBe(0);
    expect(await me(token)).toBe(401);
    expect(await marked(late.session)).toBe(true);
    expect(await me(late.token)).toBe(401);
  });

  it('deletes the marks of sessions whose tokens have all expired (with a few minutes for the clocks of other nodes), journaled', async () => {
    const expired = [await endedSession(ttl + 6 * MINUTE), await endedSession(ttl + 30 * 24 * HOUR)];
    const withinGrace = await endedSession(ttl + MINUTE);
    for (const s of [...expired, withinGrace]) expect(await t.takt.tokens.check(s.token)).toBeNull();

    expect(await t.takt.housekeeping.runNow('ended-sessions')).toBe(2);
    expect(await Promise.all(expired.map((s) => marked(s.session)))).toEqual([false, false]);
    expect(await marked(withinGrace.session)).toBe(true);
    // Their tokens are refused all the same: expired.
    for (const s of expired) expect(await me(s.token)).toBe(401);
    const events = (await t.call('GET', '/api/v1/journal?entity=session&entityId=ended')).body.events;
    expect(events).toEqual([expect.objectContaining({ action: 'security.ended-sessions-pruned', actor: 'system', data: expect.objectContaining({ rows: 2 }) })]);
  });

  it('leaves every other setting alone, and a mark whose time it cannot read', async () => {
    const odd = randomUUID();
    await t.takt.store.db.insertInto('settings').values({ key: sessionEndedKey(odd), value: 'not a time' }).execute();
    const before = await t.takt.store.db.selectFrom('settings').select(['key', 'value']).where('key', 'not like', 'session-ended:%').orderBy('key').execute();
    await endedSession(ttl + HOUR);
    expect(await t.takt.housekeeping.runNow('ended-sessions')).toBe(1);
    expect(await marked(odd)).toBe(true);
    expect(await t.takt.store.db.selectFrom('settings').select(['key', 'value']).where('key', 'not like', 'session-ended:%').orderBy('key').execute()).toEqual(before);
  });
});
