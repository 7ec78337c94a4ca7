import { command } from '../../../platform/commands/command.js';
import { notFound } from '../../../platform/errors/violation.js';
import { iso } from '../../../platform/http/time.js';
import { findPerson, updatePerson } from '../../resources/index.js';
import { readAccountPolicy, writeAccountPolicy, type AccountPolicy } from './account-policy.js';
import { deleteSessionMarks, endSession, sessionsEndedBefore } from './ended-sessions.repository.js';

/** Unlocks a locked account and starts its count of failures again; journaled with the reason. */
export const unlockAccount = command('security.unlock', async (ctx, cmd: { username: string; reason?: string | undefined }) => {
  const person = await findPerson(ctx.tx, cmd.username);
  if (!person) throw notFound('person', cmd.username);
  await updatePerson(ctx.tx, person.id, { locked: false, failedLogins: 0 }, ctx.now);
  ctx.record({
    action: 'security.account-unlocked', entity: 'person', entityId: person.id, reason: cmd.reason ?? null,
    data: { changes: { locked: { before: person.locked, after: false }, failedLogins: { before: person.failedLogins, after: 0 } } },
  });
  return { username: person.id, locked: false, failedLogins: 0 };
});

/**
 * Revokes every token of a person (a lost or compromised credential, a person leaving, a logout): tokens carry the
 * person's token epoch, which this raises, so each one issued before stops working at once.
 */
export const revokeTokens = command('security.revoke-tokens', async (ctx, cmd: { username: string; reason?: string | undefined }) => {
  const person = await findPerson(ctx.tx, cmd.username);
  if (!person) throw notFound('person', cmd.username);
  await updatePerson(ctx.tx, person.id, { tokenEpoch: person.tokenEpoch + 1 }, ctx.now);
  ctx.record({ action: 'security.tokens-revoked', entity: 'person', entityId: person.id, reason: cmd.reason ?? null, data: {} });
  return { username: person.id, revoked: true };
});

/** Logs out: the login session of the request ends (its tokens stop working); the person's other sessions go on. */
export const logout = command('security.logout', async (ctx, cmd: { username: string; session: string }) => {
  await endSession(ctx.tx, cmd.session, ctx.now);
  ctx.record({ action: 'security.logged-out', entity: 'person', entityId: cmd.username, data: { session: cmd.session } });
  return { username: cmd.username, loggedOut: true };
});

/** Sets the account policy (password maximum age); journaled with before and after. */
export const putAccountPolicy = command('account-policy.put', async (ctx, cmd: AccountPolicy): Promise<AccountPolicy> => {
  const before = await readAccountPolicy(ctx.tx);
  await writeAccountPolicy(ctx.tx, cmd);
  ctx.record({ action: 'account-policy.changed', entity: 'account-policy', entityId: 'passwords', data: { changes: { passwordMaxAgeDays: { before: before.passwordMaxAgeDays, after: cmd.passwordMaxAgeDays } } } });
  return cmd;
});

/** Clocks of the nodes sharing a store may differ a little: a session's mark outlives its last token by this much. */
const CLOCK_GRACE_MS = 5 * 60_000;

/**
 * Deletes the marks of sessions whose tokens have all expired, at most `limit` in one run (`more` when the limit was
 * reached). Tokens are issued only at sign-in, each for a new session, so every token of an ended session was issued
 * before it ended and expires at most `tokenTtlMs` after that: until then the mark stays and keeps refusing them.
 * Journaled with the count when it deleted any.
 */
export const pruneEndedSessions = command('security.ended-sessions.prune', async (ctx, cmd: { tokenTtlMs: number; limit: number }) => {
  const before = ctx.now - cmd.tokenTtlMs - CLOCK_GRACE_MS;
  const keys = await sessionsEndedBefore(ctx.tx, before, cmd.limit);
  const rows = await deleteSessionMarks(ctx.tx, keys);
  if (rows > 0) ctx.record({ action: 'security.ended-sessions-pruned', entity: 'session', entityId: 'ended', data: { endedBefore: iso(before), rows } });
  return { rows, more: keys.length === cmd.limit };
});
