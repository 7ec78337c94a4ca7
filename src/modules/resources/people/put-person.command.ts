import { hashPassword } from '../../../platform/auth/password.js';
import { passwordProblems } from '../../../platform/auth/password-rules.js';
import type { Role } from '../../../platform/auth/roles.js';
import { command } from '../../../platform/commands/command.js';
import { notFound, refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { changes } from '../../../platform/journal/diff.js';
import { findPerson, insertPerson, qualificationsOf, setRoles, updatePerson, upsertQualification, type Qualification } from './people.repository.js';

export interface PutPerson {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly password?: string | undefined;
  /**
   * Only for the first administrator's password from TAKT_ADMIN_PASSWORD, which whoever starts Takt chose on purpose
   * (start-up warns when it breaks the rules); never set from a request.
   */
  readonly bootstrap?: boolean;
}

/** Creates or updates a person (who is also a user). The password is stored only as an argon2 hash, never journaled. */
export const putPerson = command('person.put', async (ctx, cmd: PutPerson) => {
  // Checked here as well as at each edge: the API and the command line both end up here.
  if (cmd.password !== undefined && cmd.bootstrap !== true) refuseIfAny(passwordProblems(cmd.password).map((m) => violation('INVALID_FIELD', m, { field: 'password' })));
  const existing = await findPerson(ctx.tx, cmd.id);
  const roles = [...new Set(cmd.roles)].sort();
  const passwordHash = cmd.password !== undefined ? await hashPassword(cmd.password) : undefined;
  if (!existing) {
    await insertPerson(ctx.tx, { id: cmd.id, name: cmd.name, passwordHash: passwordHash ?? null, roles }, ctx.now);
  } else {
    await updatePerson(ctx.tx, cmd.id, { name: cmd.name, ...(passwordHash ? { passwordHash } : {}) }, ctx.now);
    await setRoles(ctx.tx, cmd.id, roles);
  }
  const diff = changes(existing ? { name: existing.name, roles: existing.roles } : null, { name: cmd.name, roles });
  if (passwordHash) diff.password = { before: existing?.hasPassword ? '(set)' : null, after: '(changed)' };
  ctx.record({ action: existing ? 'person.updated' : 'person.created', entity: 'person', entityId: cmd.id, data: { changes: diff } });
  return { id: cmd.id, name: cmd.name, roles };
});

export interface PutQualification {
  readonly personId: string;
  readonly code: string;
  readonly validUntil: number;
}

/** Grants or renews a qualification until a date; the previous expiry is journaled. */
export const putQualification = command('qualification.put', async (ctx, cmd: PutQualification): Promise<{ personId: string; qualifications: Qualification[] }> => {
  const person = await findPerson(ctx.tx, cmd.personId);
  if (!person) throw notFound('person', cmd.personId);
  const before = (await qualificationsOf(ctx.tx, cmd.personId)).find((q) => q.code === cmd.code);
  await upsertQualification(ctx.tx, cmd.personId, cmd.code, cmd.validUntil);
  ctx.record({
    action: before ? 'qualification.renewed' : 'qualification.granted',
    entity: 'person',
    entityId: cmd.personId,
    data: { code: cmd.code, changes: { validUntil: { before: before?.validUntil ?? null, after: cmd.validUntil } } },
  });
  return { personId: cmd.personId, qualifications: await qualificationsOf(ctx.tx, cmd.personId) };
});
