import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';
import type { Actor, Role } from '../auth/roles.js';
import type { Command } from '../commands/command.js';
import type { CommandRunner } from '../commands/command-runner.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
  interface FastifyContextConfig {
    /** Roles allowed on the route; admin always is. Absent on public routes. */
    roles?: readonly Role[];
    public?: boolean;
    /** The bearer token may come as ?access_token= (Server-Sent Events from a browser). */
    tokenInQuery?: boolean;
    /** A static bearer token the route takes besides sign-in tokens (the metrics scraper's); no actor is set then. */
    acceptsToken?: (token: string) => boolean;
    /** The status a command answers on success (201 where it creates), for the OpenAPI document. */
    successStatus?: number;
  }
}

export const dryRunQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });

/** The header of every state-changing command: the same key and body again answer the first result. */
export const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });

/** The authenticated actor of a request (the auth hook guarantees it on every protected route). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new Error('no actor on a protected route');
  return req.actor;
}

interface CommandRouteSpec<P extends ZodType, B extends ZodType, I, O> {
  readonly method: 'POST' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly roles: readonly Role[];
  readonly summary: string;
  readonly tags: readonly string[];
  readonly params?: P;
  readonly body?: B;
  readonly command: Command<I, O>;
  readonly input: (params: z.output<P>, body: z.output<B>, req: FastifyRequest) => I;
  readonly status?: 200 | 201;
  /** Shapes the command's result into the response body (default: the result itself). */
  readonly present?: (result: O) => unknown;
}

/** The first answer again, for a request repeated with its Idempotency-Key, marked as a replay. */
export function sendReplay(reply: FastifyReply, replayed: { readonly status: number; readonly response: unknown }): FastifyReply {
  return reply.code(replayed.status).header('idempotent-replay', 'true').send(replayed.response);
}

/**
 * Registers a state-changing route: shape validated by zod (400 naming each field), the actor from the token,
 * `?dryRun=true` and `Idempotency-Key` handled once here for every command.
 */
export function commandRoute<P extends ZodType, B extends ZodType, I, O>(
  app: FastifyInstance,
  runner: CommandRunner,
  spec: CommandRouteSpec<P, B, I, O>,
): void {
  const status = spec.status ?? 200;
  app.withTypeProvider<ZodTypeProvider>().route({
    method: spec.method,
    url: spec.url,
    config: { roles: spec.roles, successStatus: status },
    // A command without a body is a command with an empty one ({reason?} bodies are optional).
    preValidation: async (req: FastifyRequest) => {
      if (spec.body && (req.body === undefined || req.body === null)) (req as { body: unknown }).body = {};
    },
    schema: {
      summary: spec.summary,
      tags: [...spec.tags],
      querystring: dryRunQuery,
      headers: idempotencyHeaders,
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.body ? { body: spec.body } : {}),
    },
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      const query = req.query as z.output<typeof dryRunQuery>;
      const key = (req.headers['idempotency-key'] as string | undefined) ?? undefined;
      const input = spec.input(req.params as z.output<P>, req.body as z.output<B>, req);
      // The body answered for a result; kept with an Idempotency-Key, so a replay answers the same bytes' worth.
      const answer = (result: unknown): unknown => (spec.present ? spec.present(result as O) : result) ?? {};
      const outcome = await runner.run(spec.command, input, {
        actor: actorOf(req),
        dryRun: query.dryRun === 'true',
        ...(key ? { idempotencyKey: key } : {}),
        successStatus: status,
        present: answer,
      });
      if (outcome.kind === 'dry-run') return reply.code(200).send({ allowed: outcome.allowed, violations: outcome.violations });
      if (outcome.kind === 'replayed') return sendReplay(reply, outcome);
      return reply.code(status).send(answer(outcome.result));
    },
  });
}

interface QueryRouteSpec<P extends ZodType, Q extends ZodType> {
  readonly url: string;
  readonly roles: readonly Role[];
  readonly summary: string;
  readonly tags: readonly string[];
  readonly params?: P;
  readonly querystring?: Q;
  readonly handler: (params: z.output<P>, query: z.output<Q>, req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

/** Registers a read-only GET route; queries never pass through the command path. */
export function queryRoute<P extends ZodType, Q extends ZodType>(app: FastifyInstance, spec: QueryRouteSpec<P, Q>): void {
  app.withTypeProvider<ZodTypeProvider>().route({
    method: 'GET',
    url: spec.url,
    config: { roles: spec.roles },
    schema: {
      summary: spec.summary,
      tags: [...spec.tags],
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.querystring ? { querystring: spec.querystring } : {}),
    },
    handler: async (req, reply) => {
      const result = await spec.handler(req.params as z.output<P>, req.query as z.output<Q>, req, reply);
      if (reply.sent) return reply;
      return reply.send(result);
    },
  });
}

/** Every role: for reads that any signed-in user may make. */
export const ANY_ROLE: readonly Role[] = ['admin', 'engineer', 'supervisor', 'operator', 'quality', 'integration'];
