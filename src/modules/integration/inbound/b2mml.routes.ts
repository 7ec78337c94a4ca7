import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { problem, sendProblem } from '../../../platform/http/problem.js';
import { actorOf, dryRunQuery, idempotencyHeaders } from '../../../platform/http/route-kit.js';
import { DEFAULT_MAX_BYTES, type B2mmlSchemas } from '../b2mml/index.js';
import { receiveB2mml } from './b2mml-inbound.service.js';

export const XML_TYPES = ['application/xml', 'text/xml'] as const;

export interface B2mmlRouteOptions {
  readonly schemas: B2mmlSchemas | null;
  /** The largest message taken, in bytes (default 10 MiB); a larger body is answered 413 before it is read whole. */
  readonly maxBytes?: number;
}

/**
 * POST /api/v1/integration/b2mml: an ERP message in, 200 with the B2MML Acknowledge or 422 listing every problem
 * with its XML path. Adds the XML body parser (the text as is, up to the limit) to the app.
 */
export function registerB2mmlRoutes(app: FastifyInstance, runner: CommandRunner, options: B2mmlRouteOptions): void {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  app.addContentTypeParser([...XML_TYPES], { parseAs: 'string', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
  app.withTypeProvider<ZodTypeProvider>().route({
    method: 'POST',
    url: '/api/v1/integration/b2mml',
    config: { roles: ['integration'] },
    schema: {
      summary: 'Import a B2MML message (V0600/V0701 schedule, material definitions or lots): all or nothing, idempotent by its BODID',
      description:
        'Body: the XML, as application/xml or text/xml. 200: the Acknowledge (actionCode Modified, with one ResponseCriteria coded ' +
        'AWAITING_SIGNATURE per item, when a signature policy left a revision approval or lot release to a person: the import never signs); ' +
        '422: every problem, field = its XML path.',
      tags: ['integration'],
      querystring: dryRunQuery,
      headers: idempotencyHeaders,
    },
    handler: async (req, reply) => {
      if (typeof req.body !== 'string') {
        return sendProblem(reply, problem(415, `send the B2MML message as ${XML_TYPES.join(' or ')}`));
      }
      const query = req.query as z.output<typeof dryRunQuery>;
      const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
      const answer = await receiveB2mml(runner, req.body, { actor: actorOf(req), schemas: options.schemas, maxBytes, dryRun: query.dryRun === 'true', idempotencyKey });
      if (answer.kind === 'dry-run') return reply.code(200).send({ allowed: answer.allowed, violations: answer.violations, ...(answer.awaitingSignature ? { awaitingSignature: answer.awaitingSignature } : {}) });
      if (answer.replayed) reply.header('idempotent-replay', 'true');
      // An ERP's BODID may hold anything; a header carries it only when it is printable ASCII (the body always has it).
      if (/^[\x20-\x7e]{1,200}$/.test(answer.messageId)) reply.header('x-takt-message-id', answer.messageId);
      return reply.code(200).type('application/xml; charset=utf-8').send(answer.xml);
    },
  });
}
