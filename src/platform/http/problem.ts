import type { FastifyReply } from 'fastify';
import type { Violation } from '../errors/violation.js';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Refused by a business rule',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable entity',
  429: 'Too many requests',
  500: 'Internal error',
};

/** The application/problem+json body of an error, listing every violation. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  violations?: { code: string; message: string; field?: string; details?: Readonly<Record<string, unknown>> }[];
  /** On a 5xx: the id of the request, to find its log lines. */
  requestId?: string;
}

export function problem(status: number, detail: string, violations?: readonly Violation[]): Problem {
  return {
    type: violations?.[0] ? `https://takt.dev/problems/${violations[0].code.toLowerCase().replaceAll('_', '-')}` : 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(violations ? { violations: violations.map((v) => ({ ...v })) } : {}),
  };
}

/** Sends the problem; a 5xx carries the request id, so an operator can find the lines logged for it. */
export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  const body = p.status >= 500 ? { ...p, requestId: reply.request.id } : p;
  return reply.code(p.status).type('application/problem+json').send(body);
}
