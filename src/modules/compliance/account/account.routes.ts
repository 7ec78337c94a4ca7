import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../../../platform/auth/roles.js';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { violation } from '../../../platform/errors/violation.js';
import { idField, reasonField } from '../../../platform/http/fields.js';
import { problem, sendProblem } from '../../../platform/http/problem.js';
import { actorOf, ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import { iso } from '../../../platform/http/time.js';
import type { Store } from '../../../platform/store/database.js';
import { logout, putAccountPolicy, revokeTokens, unlockAccount } from './account.commands.js';
import { readAccountPolicy } from './account-policy.js';
import { changePassword } from './change-password.command.js';

const changeBody = z.strictObject({ username: z.string().min(1).max(100), oldPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) });
const personParams = z.strictObject({ id: idField });
const reasonBody = z.strictObject({ reason: reasonField.optional() });
const policyBody = z.strictObject({ passwordMaxAgeDays: z.number().int().min(0).max(3650) });

/** Account security: change a password, log out, revoke a person's tokens, unlock an account, the password policy. */
export function registerAccountRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  app.withTypeProvider<ZodTypeProvider>().post('/api/v1/auth/change-password', {
    config: { public: true },
    schema: { summary: 'Change a password with the old one (also when it expired); ends every session of the person', tags: ['auth'], body: changeBody, security: [] },
  }, async (req, reply) => {
    const outcome = await runner.run(changePassword, req.body, { actor: { ...SYSTEM_ACTOR, username: req.body.username } });
    if (outcome.kind !== 'applied') throw new Error('a password change cannot be a dry run or replay');
    const r = outcome.result;
    if (!r.ok) {
      const [code, text] = r.reason === 'locked' ? ['ACCOUNT_LOCKED', 'the account is locked; an administrator must unlock it'] as const : ['UNAUTHENTICATED', 'wrong username or password'] as const;
      return sendProblem(reply, problem(401, text, [violation(code, text)]));
    }
    return { username: r.username, passwordChangedAt: iso(r.changedAt) };
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/auth/logout', roles: ANY_ROLE, summary: 'Log out: the tokens of this login session stop working', tags: ['auth'],
    body: z.strictObject({}), command: logout, input: (_p, _b, req) => ({ username: actorOf(req).username, session: actorOf(req).session ?? '' }),
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/people/:id/revoke-tokens', roles: [], summary: "Revoke every token of a person (lost or compromised credentials)", tags: ['auth'],
    params: personParams, body: reasonBody, command: revokeTokens, input: (p, b) => ({ username: p.id, reason: b.reason }),
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/people/:id/unlock', roles: [], summary: 'Unlock an account locked after failed logins or signatures', tags: ['auth'],
    params: personParams, body: reasonBody, command: unlockAccount, input: (p, b) => ({ username: p.id, reason: b.reason }),
  });
  queryRoute(app, {
    url: '/api/v1/compliance/account-policy', roles: ANY_ROLE, summary: 'The password policy (maximum age in days; 0: no expiry)', tags: ['compliance'],
    handler: async () => readAccountPolicy(store.db),
  });
  commandRoute(app, runner, {
    method: 'PUT', url: '/api/v1/compliance/account-policy', roles: [], summary: 'Set the password policy', tags: ['compliance'],
    body: policyBody, command: putAccountPolicy, input: (_p, b) => b,
  });
}
