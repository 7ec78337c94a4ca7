import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../auth/roles.js';
import type { TaktMetrics } from './metrics.js';

/** Who may read /metrics with a Takt sign-in token besides admin: the machine accounts of integrations. */
export const METRICS_ROLES: readonly Role[] = ['integration'];

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** True when `given` equals `expected`, compared in constant time (digests, so lengths do not leak either). */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * `GET /metrics`: the Prometheus text exposition. Protected like the API: a bearer token of a signed-in admin or
 * integration user, or (for a scraper, which cannot sign in) the static token configured in TAKT_METRICS_TOKEN.
 */
export function registerMetricsRoute(app: FastifyInstance, metrics: TaktMetrics, options: { readonly token?: string | undefined } = {}): void {
  const token = options.token;
  app.get(
    '/metrics',
    {
      config: { roles: METRICS_ROLES, ...(token ? { acceptsToken: (given: string) => sameSecret(given, token) } : {}) },
      schema: { hide: true },
    },
    async (_req, reply) => reply.type(metrics.contentType).send(await metrics.text()),
  );
}
