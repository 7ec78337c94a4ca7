import fastifySwagger, { type SwaggerTransform } from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type FastifySchema } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { mayActAs, type Actor, type Role } from '../auth/roles.js';
import type { TokenService } from '../auth/token.service.js';
import { statusOf } from '../errors/violation-codes.js';
import { Refusal, violation, type Violation } from '../errors/violation.js';
import { REQUEST_ID_HEADER, requestIdOf } from '../observability/request-id.js';
import { registerLoginRateLimit, type LoginRateLimit } from './login-rate-limit.js';
import { withDocumentedResponses } from './openapi-responses.js';
import { problem, sendProblem } from './problem.js';
import { registerCors, registerSecurityHeaders } from './security-headers.js';

export interface AppOptions {
  readonly tokens: TokenService;
  /** The actor behind a valid token, or null when the person is unknown, inactive, locked or the token revoked. */
  readonly resolveActor: (username: string, epoch: number, session?: string) => Promise<Actor | null>;
  readonly logger?: boolean | { level: string };
  readonly bodyLimit?: number;
  readonly ready: () => boolean;
  /** Called once per answered request with the matched route pattern ('unmatched' when none) and its duration. */
  readonly observeRequest?: (method: string, route: string, status: number, ms: number) => void;
  /** Failed-login limits (429 with Retry-After); none when absent. */
  readonly loginRateLimit?: LoginRateLimit | undefined;
  /** Origins allowed to call the API from a browser (CORS); none (CORS off) when absent or empty. */
  readonly corsOrigins?: readonly string[] | undefined;
  /**
   * Resolves once everything committed so far is on disk (Store.durable): no answer leaves before it, so a read never
   * shows a state a power cut could still take back.
   */
  readonly durable?: () => Promise<void>;
}

/** The largest request body taken by default (TAKT_BODY_LIMIT changes it): 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** The base path of the public API: every route below it needs a token unless it is marked public. */
export const API_PREFIX = '/api/v1';

/** A route as registered: its method, URL pattern and who may call it. The role matrix and the fuzzers walk these. */
export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  /** Roles allowed besides admin; undefined only on public routes and on routes outside the API. */
  readonly roles: readonly Role[] | undefined;
  readonly public: boolean;
  /** The route also takes the token as ?access_token= (for clients that cannot set headers, like EventSource). */
  readonly tokenInQuery: boolean;
  readonly tags: readonly string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered on the app, in registration order (the implicit HEAD of each GET included). */
    readonly routeRegistry: readonly RouteEntry[];
  }
}

/** True for a URL pattern inside the API (decided on the matched route, never on the raw request path). */
export function isApiUrl(url: string | undefined): boolean {
  return url !== undefined && (url === API_PREFIX || url.startsWith(`${API_PREFIX}/`));
}

function fieldOf(instancePath: string, params: Record<string, unknown>): string {
  const path = instancePath.replace(/^\//, '').split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
  const keys = params.keys;
  if (Array.isArray(keys) && keys.length > 0) return [path, String(keys[0])].filter(Boolean).join('.');
  return path;
}

/**
 * The path of the first string (or key) holding a NUL character, e.g. `name` or `bom[2].materialId`; null when none.
 * Walks with its own stack, so a deeply nested body cannot overflow the call stack.
 */
export function nulField(value: unknown): string | null {
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path || 'body';
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i -= 1) stack.push({ v: v[i], path: `${path}[${i}]` });
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v).reverse()) {
        const here = path === '' && ['body', 'query', 'params'].includes(k) && v === value ? '' : path ? `${path}.${k}` : k;
        if (k.includes('\u0000')) return here || k;
        stack.push({ v: child, path: here });
      }
    }
  }
  return null;
}

/** Builds the HTTP edge: shape validation, problem+json errors, authentication and roles, OpenAPI. */
/** The longest path segment the router takes (Fastify's maxParamLength); ids are at most 100 characters. */
const MAX_PATH_SEGMENT = 100;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    // Our own id logic: the caller's X-Request-Id only when well formed, echoed in the answer (onSend below).
    requestIdHeader: false,
    genReqId: requestIdOf,
    // Errors the router raises before any route runs (a malformed or over-long path segment) answered like every
    // other refusal: problem+json naming the path, instead of Fastify's own JSON shape.
    frameworkErrors: (error, _req, reply) => {
      if (error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
        const text = error.code === 'FST_ERR_BAD_URL' ? 'the path is not a valid URL' : 'a path segment is longer than 100 characters';
        return sendProblem(reply, problem(400, text, [violation('INVALID_FIELD', text, { field: 'path' })]));
      }
      return sendProblem(reply, problem(500, 'internal error; look up its requestId in the logs', undefined));
    },
  });
  const routes: RouteEntry[] = [];
  app.decorate('routeRegistry', routes);
  // Registered before any route, so every later route (plugins' included) passes through it.
  app.addHook('onRoute', (opts) => {
    const config = (opts.config ?? {}) as { roles?: readonly Role[]; public?: boolean; tokenInQuery?: boolean };
    const isPublic = config.public === true;
    if (isApiUrl(opts.url) && !isPublic && !Array.isArray(config.roles)) {
      throw new Error(`route ${String(opts.method)} ${opts.url} is protected but names no roles: set config.roles (or config.public)`);
    }
    const tags = (opts.schema as { tags?: unknown } | undefined)?.tags;
    for (const method of [opts.method].flat()) {
      routes.push({ method, url: opts.url, roles: config.roles, public: isPublic, tokenInQuery: config.tokenInQuery === true, tags: Array.isArray(tags) ? tags.map(String) : [] });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Takt API', version: '1', description: 'Takt Manufacturing Execution System: the public API.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: withDocumentedResponses(jsonSchemaTransform as SwaggerTransform<FastifySchema>),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { summary: 'This OpenAPI 3 document (no sign-in)', tags: ['system'], security: [] } }, async () => app.swagger());
  app.get('/health', { config: { public: true }, schema: { summary: 'Ready: 200 {"status":"ok"} once the store is open and migrated, else 503 (no sign-in)', tags: ['system'], security: [] } }, async (_req, reply) =>
    options.ready() ? { status: 'ok' } : reply.code(503).send({ status: 'starting' }),
  );

  // PostgreSQL text cannot hold NUL, and no field of Takt's means anything with it: refuse it at the edge, by field.
  app.addHook('preValidation', async (req, reply) => {
    const field = nulField({ body: req.body, query: req.query, params: req.params });
    if (field !== null) {
      const v = violation('INVALID_FIELD', 'must not contain the NUL character', { field });
      return sendProblem(reply, problem(400, `${field}: must not contain the NUL character`, [v]));
    }
  });

  const durable = options.durable;
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header(REQUEST_ID_HEADER, req.id);
    if (durable) await durable();
    return payload;
  });
  registerSecurityHeaders(app);
  registerCors(app, options.corsOrigins ?? []);
  if (options.loginRateLimit) registerLoginRateLimit(app, options.loginRateLimit, `${API_PREFIX}/auth/login`);

  const observeRequest = options.observeRequest;
  if (observeRequest) {
    app.addHook('onResponse', async (req, reply) => {
      observeRequest(req.method, req.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime);
    });
  }

  app.addHook('onRequest', async (req, reply) => {
    // The matched route decides, not req.url: a percent-encoded path (/api/%761/...) reaches the same route. A route
    // outside the API is protected too when it names roles (/metrics).
    const config = req.routeOptions.config;
    if (config.public || !(isApiUrl(req.routeOptions.url) || Array.isArray(config.roles))) return;
    const header = req.headers.authorization;
    const fromQuery = config.tokenInQuery ? (req.query as { access_token?: string } | undefined)?.access_token : undefined;
    // The scheme is case-insensitive (RFC 9110 11.1): "bearer", "BEARER" and "Bearer" alike.
    const scheme = /^bearer +(\S+)\s*$/i.exec(header ?? '');
    const token = scheme ? scheme[1] : fromQuery;
    // A static token the route accepts besides sign-in tokens (a metrics scraper's): no actor, nothing else allowed.
    if (token && config.acceptsToken?.(token)) return;
    const claims = token ? await options.tokens.check(token) : null;
    const actor = claims ? await options.resolveActor(claims.username, claims.epoch, claims.session) : null;
    if (!actor) {
      return sendProblem(reply, problem(401, 'a valid bearer token is required', [violation('UNAUTHENTICATED', 'sign in: POST /api/v1/auth/login')]));
    }
    req.actor = claims ? { ...actor, session: claims.session } : actor;
    const roles = config.roles;
    if (roles && !mayActAs(actor, roles)) {
      // Roles [] means administrators only (admin may act as every role).
      const needed = roles.length > 0 ? `one of the roles ${[...new Set([...roles, 'admin'])].join(', ')}` : 'the role admin';
      return sendProblem(reply, problem(403, `this needs ${needed}`, [violation('FORBIDDEN', `role ${actor.roles.join(', ')} may not do this`)]));
    }
  });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    // The router matches no route when a segment is longer than its limit: that is a malformed path, not a missing one.
    if (path.split('/').some((segment) => segment.length > MAX_PATH_SEGMENT)) {
      const text = `a path segment is longer than ${MAX_PATH_SEGMENT} characters`;
      return sendProblem(reply, problem(400, text, [violation('INVALID_FIELD', text, { field: 'path' })]));
    }
    return sendProblem(reply, problem(404, `no route ${req.method} ${path}`, [violation('NOT_FOUND', 'no such route')]));
  });
  // JSON bodies: an empty body sent as application/json is no body (many clients send the header on a POST without
  // one, e.g. /complete); text/plain is not taken for JSON (415, docs/errors.md). Prototype poisoning is refused.
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    return json(req, text, done);
  });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof Refusal) {
      // A malformed or missing-resource answer lists only its own kind: a 400 carries only INVALID_FIELD, as the
      // contract says; business-rule violations come once the request itself is right.
      const own = error.violations.filter((v) => statusOf(v.code) === error.status);
      const shown = own.length > 0 ? own : error.violations;
      return sendProblem(reply, problem(error.status, shown.map((v) => v.message).join('; '), shown));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const violations: Violation[] = error.validation.map((v) =>
        violation('INVALID_FIELD', v.message ?? 'is invalid', { field: fieldOf(v.instancePath ?? '', v.params) || where, details: { in: where } }),
      );
      return sendProblem(reply, problem(400, `invalid ${where}: ${violations.map((v) => `${v.field}: ${v.message}`).join('; ')}`, violations));
    }
    const status = error.statusCode ?? 500;
    if (status === 413) {
      const text = 'the body is larger than this server takes (TAKT_BODY_LIMIT)';
      return sendProblem(reply, problem(413, text, [violation('PAYLOAD_TOO_LARGE', text, { field: 'body', details: { defaultLimit: bodyLimit } })]));
    }
    if (status >= 400 && status < 500) {
      const field = error.code?.startsWith('FST_ERR_CTP') ? 'body' : undefined;
      return sendProblem(reply, problem(status, error.message, status === 400 ? [violation('INVALID_FIELD', error.message, field ? { field } : {})] : undefined));
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problem(500, 'internal error; look up its requestId in the logs', undefined));
  });
  return app;
}
