import { hashPassword, verifyPassword } from '../../../platform/auth/password.js';
import { passwordProblems } from '../../../platform/auth/password-rules.js';
import { command } from '../../../platform/commands/command.js';
import { refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { findPerson, lockPerson, updatePerson } from '../../resources/index.js';
import { countFailedAttempt } from '../auth/failed-attempts.js';
import { verifyAgainstNobody } from '../auth/login.command.js';

export interface ChangePassword {
  readonly username: string;
  readonly oldPassword: string;
  readonly newPassword: string;
}

export type ChangePasswordOutcome =
  | { readonly ok: true; readonly username: string; readonly changedAt: number }
  | { readonly ok: false; readonly reason: 'bad_credentials' | 'locked' };

/** What is wrong with a new password, from the request alone: the password rules, and that it differs from the old. */
export function newPasswordProblems(cmd: Pick<ChangePassword, 'oldPassword' | 'newPassword'>): string[] {
  return [...passwordProblems(cmd.newPassword), ...(cmd.newPassword === cmd.oldPassword ? ['must differ from the old password'] : [])];
}

/**
 * Changes a password with the old one: the way out of an expired password, so it needs no token. A wrong old
 * password counts as a failed attempt (with failed logins and signatures); a new password must follow the password
 * rules and differ from the old one. Success ends every session of the person (their tokens are revoked).
 */
export const changePassword = command('auth.change-password', async (ctx, cmd: ChangePassword): Promise<ChangePasswordOutcome> => {
  refuseIfAny(newPasswordProblems(cmd).map((m) => violation('INVALID_FIELD', m, { field: 'newPassword' })));
  await lockPerson(ctx.tx, cmd.username);
  const person = await findPerson(ctx.tx, cmd.username);
  if (!person?.passwordHash || !person.active) {
    await verifyAgainstNobody(cmd.oldPassword);
    ctx.record({ action: 'security.password-change-failed', entity: 'person', entityId: cmd.username, data: { reason: person ? 'account inactive' : 'unknown user' } });
    return { ok: false, reason: 'bad_credentials' };
  }
  if (person.locked) {
    ctx.record({ action: 'security.password-change-failed', entity: 'person', entityId: person.id, data: { reason: 'account locked' } });
    return { ok: false, reason: 'locked' };
  }
  if (!(await verifyPassword(person.passwordHash, cmd.oldPassword))) {
    const { locked } = await countFailedAttempt(ctx, person, 'security.password-change-failed', {});
    return { ok: false, reason: locked ? 'locked' : 'bad_credentials' };
  }
  await updatePerson(ctx.tx, person.id, { passwordHash: await hashPassword(cmd.newPassword), failedLogins: 0, tokenEpoch: person.tokenEpoch + 1 }, ctx.now);
  ctx.record({ action: 'security.password-changed', entity: 'person', entityId: person.id, data: { changes: { password: { before: '(set)', after: '(changed)' } }, sessionsEnded: true } });
  return { ok: true, username: person.id, changedAt: ctx.now };
});
