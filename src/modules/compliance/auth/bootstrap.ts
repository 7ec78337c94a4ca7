import { randomBytes } from 'node:crypto';
import { passwordProblems } from '../../../platform/auth/password-rules.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/roles.js';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import type { Store } from '../../../platform/store/database.js';
import { countPeople, putPerson } from '../../resources/index.js';

/**
 * On an empty store, creates the user `admin` (role admin) with TAKT_ADMIN_PASSWORD, or a generated password
 * returned so the caller prints it once. Returns null when people already exist. The password given is taken as it
 * is, also when it breaks the password rules (`weak` lists how; the caller warns): whoever starts Takt chose it, and
 * refusing it would leave a plant without a way in. Passwords set later follow the rules.
 */
export async function bootstrapAdmin(
  store: Store, runner: CommandRunner, password: string | undefined,
): Promise<{ password: string; generated: boolean; weak: string[] } | null> {
  if ((await countPeople(store.db)) > 0) return null;
  const chosen = password ?? `${randomBytes(9).toString('base64url')}-7a`;
  await runner.run(putPerson, { id: 'admin', name: 'Administrator', roles: ['admin'], password: chosen, bootstrap: true }, { actor: SYSTEM_ACTOR });
  return { password: chosen, generated: password === undefined, weak: passwordProblems(chosen) };
}
