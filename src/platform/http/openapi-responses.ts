import type { FastifySchema, RouteOptions } from 'fastify';
import type { SwaggerTransform } from '@fastify/swagger';

/** The problem+json of every refusal (docs/errors.md), as the OpenAPI document shows it. */
const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
    violations: {
      type: 'array',
      items: {
        type: 'object', required: ['code', 'message'],
        properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' }, details: { type: 'object' } },
      },
    },
  },
} as const;

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: PROBLEM_SCHEMA } } });

/**
 * The answers a route gives, for the OpenAPI document only (nothing is validated or serialized by them): its success
 * status (201 where it creates), and the refusals every route of its kind can answer. A route's own `response`, where
 * it has one, wins.
 */
export function documentedResponses(route: Pick<RouteOptions, 'method' | 'config'>, url: string): Record<string, unknown> {
  const config = (route.config ?? {}) as { public?: boolean; successStatus?: number };
  const method = [route.method].flat()[0] ?? 'GET';
  const command = method !== 'GET' && method !== 'HEAD';
  const out: Record<string, unknown> = {
    [String(config.successStatus ?? 200)]: { description: config.successStatus === 201 ? 'Created' : 'OK' },
    400: problem('Malformed request: each bad field named (INVALID_FIELD)'),
  };
  if (!config.public && url.startsWith('/api/')) {
    out[401] = problem('No valid bearer token (UNAUTHENTICATED)');
    out[403] = problem('A role that may not do this (FORBIDDEN)');
  }
  if (url.includes(':')) out[404] = problem('Unknown id (NOT_FOUND)');
  if (command) {
    out[409] = problem('Refused by business rules: every violation listed');
    out[422] = problem('Idempotency-Key used with another request, or an import refused');
  }
  return out;
}

/** Wraps a schema transform so that every documented route lists its answers (documentedResponses). */
export function withDocumentedResponses(transform: SwaggerTransform<FastifySchema>): SwaggerTransform<FastifySchema> {
  return (input) => {
    const out = transform(input);
    const schema = out.schema as FastifySchema & { hide?: boolean; response?: Record<string, unknown> };
    if (schema.hide) return out;
    return { ...out, schema: { ...schema, response: { ...documentedResponses(input.route, input.url), ...(schema.response ?? {}) } } };
  };
}
