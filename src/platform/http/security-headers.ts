import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every answer: the UI loads its own scripts, styles and images only (the built UI
 * has no inline script; inline styles are allowed for the charts' computed sizes), talks to its own origin (the API,
 * the event stream) and may not be framed by anyone.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The API docs page (Swagger UI) runs an inline start-up script of its own. */
const DOCS_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

/** Browser hardening headers on every answer, API and UI alike (a route's own value wins). */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', req.url.startsWith('/api/docs') ? DOCS_POLICY : CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    return payload;
  });
}

/**
 * CORS: off unless origins are configured (TAKT_CORS_ORIGINS). An allowed origin gets Access-Control-Allow-Origin
 * (never `*`: the API takes bearer tokens) and its preflight is answered; any other origin gets no CORS header, so the
 * browser keeps its same-origin rule.
 */
export function registerCors(app: FastifyInstance, origins: readonly string[]): void {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin;
    if (typeof origin !== 'string' || !allowed.has(origin)) return;
    reply.header('access-control-allow-origin', origin);
    reply.header('vary', 'Origin');
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      reply.header('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS');
      reply.header('access-control-allow-headers', 'authorization, content-type, idempotency-key, x-request-id');
      reply.header('access-control-expose-headers', 'x-request-id, retry-after');
      reply.header('access-control-max-age', '600');
      return reply.code(204).send();
    }
  });
}
