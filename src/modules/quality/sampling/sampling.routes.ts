import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Refusal, violation } from '../../../platform/errors/violation.js';
import { ANY_ROLE, queryRoute } from '../../../platform/http/route-kit.js';
import { samplingPlan, validateSamplingPlanRequest, type SamplingPlanRequest } from '../domain/sampling/index.js';

/** A query parameter as a number: absent stays absent, anything else that is not a decimal number is NaN (refused by the checks). */
const numeric = (s: string | undefined): number | undefined => (s === undefined ? undefined : /^\s*[0-9]+(\.[0-9]+)?\s*$/.test(s) ? Number(s) : Number.NaN);

/** Z1.4 / ISO 2859-1 single sampling plans. */
export function registerSamplingRoutes(app: FastifyInstance): void {
  queryRoute(app, {
    url: '/api/v1/quality/sampling-plan', roles: ANY_ROLE, tags: ['quality'],
    summary: 'The ANSI/ASQ Z1.4 (ISO 2859-1) single sampling plan for a lot: code letter, sample size, accept and reject numbers',
    querystring: z.strictObject({
      lotSize: z.string().max(20).optional(), level: z.string().max(10).optional(), aql: z.string().max(20).optional(), severity: z.string().max(20).optional(),
    }),
    handler: async (_p, q) => {
      // General level II and normal inspection are the standard's defaults.
      const request = { lotSize: numeric(q.lotSize), level: q.level ?? 'II', aql: numeric(q.aql), severity: q.severity ?? 'normal' };
      const problems = validateSamplingPlanRequest(request);
      if (problems.length > 0) throw new Refusal(problems.map((p) => violation('INVALID_FIELD', `${p.field} ${p.message}`, { field: p.field, details: { in: 'querystring' } })));
      const plan = samplingPlan(request as SamplingPlanRequest);
      return { ...request, ...plan };
    },
  });
}
