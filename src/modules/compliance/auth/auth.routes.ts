import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SYSTEM_ACTOR, isRole, type Actor } from '../../../platform/auth/roles.js';
import type { TokenService } from '../../../platform/auth/token.service.js';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { violation } from '../../../platform/errors/violation.js';
import { problem, sendProblem } from '../../../platform/http/problem.js';
import { actorOf, ANY_ROLE } from '../../../platform/http/route-kit.js';
import { iso } from '../../../platform/http/time.js';
import { batchedReads } from '../../../platform/store/batched-reads.js';
import type { Store } from '../../../platform/store/database.js';
import { findPrincipals } from '../../resources/index.js';
import { sessionEndedKey } from '../account/ended-sessions.repository.js';
import { login } from './login.command.js';

const loginBody = z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

const LOGIN_REFUSALS = {
  bad_credentials: ['UNAUTHENTICATED', 'wrong username or password'],
  locked: ['ACCOUNT_LOCKED', 'the account is locked; an administrator must unlock it'],
  password_expired: ['PASSWORD_EXPIRED', 'the password expired; change it (POST /api/v1/auth/change-password) and sign in again'],
} as const;

/**
 * The actor behind a token: the person exists, is active, not locked, the token was not revoked and its session not
 * ended by a logout (one statement reads all of it). The requests a turn of the event loop brings in are looked up
 * together (one round trip on PostgreSQL), each against the store as it is then.
 */
export function actorResolver(store: Store): (username: string, epoch: number, session?: string) => Promise<Actor | null> {
  const principal = batchedReads((asks: readonly { id: string; setting: string }[]) => findPrincipals(store.db, asks));
  return async (username, epoch, session) => {
    const p = await principal({ id: username, setting: session === undefined ? '' : sessionEndedKey(session) });
    if (!p || !p.active || p.locked || p.tokenEpoch !== epoch || p.settingExists) return null;
    return { username: p.id, name: p.name, roles: p.roles.filter(isRole) };
  };
}

/** POST /auth/login (public) and GET /auth/me. */
export function registerAuthRoutes(app: FastifyInstance, runner: CommandRunner, tokens: TokenService): void {
  app.withTypeProvider<ZodTypeProvider>().post('/api/v1/auth/login', {
    config: { public: true },
    schema: { summary: 'Sign in: a bearer token for the other calls', tags: ['auth'], body: loginBody, security: [] },
  }, async (req, reply) => {
    const outcome = await runner.run(login, req.body, { actor: { ...SYSTEM_ACTOR, username: req.body.username } });
    if (outcome.kind !== 'applied') throw new Error('login cannot be a dry run or replay');
    const r = outcome.result;
    if (!r.ok) {
      const [code, text] = LOGIN_REFUSALS[r.reason === 'inactive' ? 'bad_credentials' : r.reason];
      return sendProblem(reply, problem(401, text, [violation(code, text)]));
    }
    const { token, expiresAt } = await tokens.issue(r.username, r.epoch);
    return { token, expiresAt: iso(expiresAt) };
  });
  app.get('/api/v1/auth/me', { config: { roles: ANY_ROLE }, schema: { summary: 'Who am I', tags: ['auth'] } }, async (req) => actorOf(req));
}
