import type { CommandContext } from '../../../platform/commands/command.js';
import type { JournalDraft } from '../../../platform/journal/journal.repository.js';
import { updatePerson } from '../../resources/index.js';

/** Failed logins and failed signatures in a row after which an account locks (API.md). */
export const MAX_FAILED_LOGINS = 10;

/** The security events a failed attempt journals. */
export type FailedAttempt = 'security.login-failed' | 'security.signature-failed' | 'security.password-change-failed';

/**
 * Counts one failed attempt (a wrong password at login, a refused signature, a wrong old password) against an account
 * and journals it; the attempt that reaches MAX_FAILED_LOGINS in a row locks the account and journals (and so streams)
 * a `security.alert`. Call with the person's row locked (lockPerson) so concurrent failures are each counted.
 * Returns whether the account is now locked.
 */
export async function countFailedAttempt(
  ctx: CommandContext,
  person: { readonly id: string; readonly failedLogins: number },
  action: FailedAttempt,
  data: JournalDraft['data'],
): Promise<{ failedInARow: number; locked: boolean }> {
  const failed = person.failedLogins + 1;
  const locks = failed >= MAX_FAILED_LOGINS;
  await updatePerson(ctx.tx, person.id, { failedLogins: failed, ...(locks ? { locked: true } : {}) }, ctx.now);
  ctx.record({ action, entity: 'person', entityId: person.id, data: { ...data, failedInARow: failed } });
  if (locks) ctx.record({ action: 'security.alert', entity: 'person', entityId: person.id, data: { alert: 'account locked', failedInARow: failed } });
  return { failedInARow: failed, locked: locks };
}

/** A success proves the password: the count of failures in a row starts again. */
export async function resetFailedAttempts(ctx: CommandContext, person: { readonly id: string; readonly failedLogins: number }): Promise<void> {
  if (person.failedLogins > 0) await updatePerson(ctx.tx, person.id, { failedLogins: 0 }, ctx.now);
}
