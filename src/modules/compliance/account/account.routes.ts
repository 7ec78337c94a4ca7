import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../../../platform/auth/roles.js';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { violation } from '../../../platform/errors/violation.js';
import { idField, reasonField } from '../../../platform/http/fields.js';
import { problem, sendProblem } from '../../../platform/http/problem.js';
import { actorOf, ANY_ROLE, commandRoute, dryRunQuery, idempotencyHeaders, queryRoute, sendReplay } from '../../../platform/http/route-kit.js';
import { iso } from '../../../platform/http/time.js';
import type { Store } from '../../../platform/store/database.js';
import { logout, putAccountPolicy, revokeTokens, unlockAccount } from './account.commands.js';
import { readAccountPolicy } from './account-policy.js';
import { changePassword, newPasswordProblems, type ChangePasswordOutcome } from './change-password.command.js';

const changeBody = z.strictObject({ username: z.string().min(1).max(100), oldPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) });
const personParams = z.strictObject({ id: idField });
const reasonBody = z.strictObject({ reason: reasonField.optional() });
const policyBody = z.strictObject({ passwordMaxAgeDays: z.number().int().min(0).max(3650) });

/** Account security: change a password, log out, revoke a person's tokens, unlock an account, the password policy. */
export function registerAccountRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  app.withTypeProvider<ZodTypeProvider>().post('/api/v1/auth/change-password', {
    config: { public: true },
    schema: {
      summary: 'Change a password with the old one (also when it expired); ends every session of the person', tags: ['auth'], body: changeBody, security: [],
      querystring: dryRunQuery, headers: idempotencyHeaders,
    },
  }, async (req, reply) => {
    // A dry run checks the new password against the rules only: it never tries the old one, so it can be no way to
    // guess passwords past the lockout, and it reads and writes nothing.
    if (req.query.dryRun === 'true') {
      const violations = newPasswordProblems(req.body).map((m) => violation('INVALID_FIELD', m, { field: 'newPassword' }));
      return { allowed: violations.length === 0, violations };
    }
    const present = (r: unknown) => {
      const done = r as Extract<ChangePasswordOutcome, { ok: true }>;
      return { username: done.username, passwordChangedAt: iso(done.changedAt) };
    };
    const key = req.headers['idempotency-key'];
    const outcome = await runner.run(changePassword, req.body, {
      actor: { ...SYSTEM_ACTOR, username: req.body.username }, ...(key ? { idempotencyKey: key } : {}),
      // Only a change made is kept with the key: a failed attempt runs (and counts) again.
      present, remember: (r) => (r as ChangePasswordOutcome).ok,
    });
    if (outcome.kind === 'replayed') return sendReplay(reply, outcome);
    if (outcome.kind !== 'applied') throw new Error('a password change is not run as a dry run');
    const r = outcome.result;
    if (!r.ok) {
      const [code, text] = r.reason === 'locked' ? ['ACCOUNT_LOCKED', 'the account is locked; an administrator must unlock it'] as const : ['UNAUTHENTICATED', 'wrong username or password'] as const;
      return sendProblem(reply, problem(401, text, [violation(code, text)]));
    }
    return present(r);
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
