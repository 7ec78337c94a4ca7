import { verifyPassword } from '../../../platform/auth/password.js';
import { command } from '../../../platform/commands/command.js';
import { findPerson, lockPerson, updatePerson } from '../../resources/index.js';

/** Failed logins in a row after which an account locks (API.md). */
export const MAX_FAILED_LOGINS = 10;

export type LoginOutcome =
  | { readonly ok: true; readonly username: string; readonly epoch: number }
  | { readonly ok: false; readonly reason: 'bad_credentials' | 'locked' | 'inactive' };

/**
 * Checks a username and password. Failures are journaled (security events) and counted; the tenth in a row
 * locks the account and raises a security alert. The answer never tells which of user or password was wrong.
 */
export const login = command('auth.login', async (ctx, input: { username: string; password: string }): Promise<LoginOutcome> => {
  // Attempts on one account run one after the other: concurrent guesses would otherwise each read the same count
  // (and an unlocked account), losing failures and letting a burst of guesses past the lockout.
  await lockPerson(ctx.tx, input.username);
  const person = await findPerson(ctx.tx, input.username);
  if (!person || !person.passwordHash) {
    await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$0000000000000000000000000000000000000000000', input.password);
    ctx.record({ action: 'security.login-failed', entity: 'person', entityId: input.username, data: { reason: 'unknown user' } });
    return { ok: false, reason: 'bad_credentials' };
  }
  if (person.locked) {
    ctx.record({ action: 'security.login-failed', entity: 'person', entityId: person.id, data: { reason: 'account locked' } });
    return { ok: false, reason: 'locked' };
  }
  if (!person.active) {
    ctx.record({ action: 'security.login-failed', entity: 'person', entityId: person.id, data: { reason: 'account inactive' } });
    return { ok: false, reason: 'inactive' };
  }
  if (!(await verifyPassword(person.passwordHash, input.password))) {
    const failed = person.failedLogins + 1;
    const locks = failed >= MAX_FAILED_LOGINS;
    await updatePerson(ctx.tx, person.id, { failedLogins: failed, ...(locks ? { locked: true } : {}) }, ctx.now);
    ctx.record({ action: 'security.login-failed', entity: 'person', entityId: person.id, data: { failedInARow: failed } });
    if (locks) {
      ctx.record({ action: 'security.alert', entity: 'person', entityId: person.id, data: { alert: 'account locked', failedInARow: failed } });
    }
    return { ok: false, reason: locks ? 'locked' : 'bad_credentials' };
  }
  if (person.failedLogins > 0) await updatePerson(ctx.tx, person.id, { failedLogins: 0 }, ctx.now);
  ctx.record({ action: 'security.logged-in', entity: 'person', entityId: person.id, data: {} });
  return { ok: true, username: person.id, epoch: person.tokenEpoch };
});
