import { verifyPassword } from '../../../platform/auth/password.js';
import { command } from '../../../platform/commands/command.js';
import { findPerson, lockPerson } from '../../resources/index.js';
import { passwordExpired, readAccountPolicy } from '../account/account-policy.js';
import { countFailedAttempt, resetFailedAttempts } from './failed-attempts.js';

export { MAX_FAILED_LOGINS } from './failed-attempts.js';

export type LoginOutcome =
  | { readonly ok: true; readonly username: string; readonly epoch: number }
  | { readonly ok: false; readonly reason: 'bad_credentials' | 'locked' | 'inactive' | 'password_expired' };

/** Verifies against a hash nobody has, so an unknown user takes as long to refuse as a wrong password. */
export async function verifyAgainstNobody(password: string): Promise<void> {
  await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$0000000000000000000000000000000000000000000', password);
}

/**
 * Checks a username and password. Failures are journaled (security events) and counted with failed signatures; the
 * tenth in a row locks the account and raises a security alert. The answer never tells which of user or password was
 * wrong; that the password expired is told only to whoever gave the right one.
 */
export const login = command('auth.login', async (ctx, input: { username: string; password: string }): Promise<LoginOutcome> => {
  // Attempts on one account run one after the other: concurrent guesses would otherwise each read the same count
  // (and an unlocked account), losing failures and letting a burst of guesses past the lockout.
  await lockPerson(ctx.tx, input.username);
  const person = await findPerson(ctx.tx, input.username);
  if (!person || !person.passwordHash) {
    await verifyAgainstNobody(input.password);
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
    const { locked } = await countFailedAttempt(ctx, person, 'security.login-failed', {});
    return { ok: false, reason: locked ? 'locked' : 'bad_credentials' };
  }
  await resetFailedAttempts(ctx, person);
  if (passwordExpired(person, await readAccountPolicy(ctx.tx), ctx.now)) {
    ctx.record({ action: 'security.login-failed', entity: 'person', entityId: person.id, data: { reason: 'password expired' } });
    return { ok: false, reason: 'password_expired' };
  }
  ctx.record({ action: 'security.logged-in', entity: 'person', entityId: person.id, data: {} });
  return { ok: true, username: person.id, epoch: person.tokenEpoch };
});
