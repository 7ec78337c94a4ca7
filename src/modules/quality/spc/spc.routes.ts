import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { Refusal, violation } from '../../../platform/errors/violation.js';
import { idField, measuredValue } from '../../../platform/http/fields.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import { iso, isoTime } from '../../../platform/http/time.js';
import type { Store } from '../../../platform/store/database.js';
import { analyze, validateSpcInput, type SpcInput, type SpcInputCandidate } from '../domain/spc/index.js';
import { baselineControlLimits } from './baseline-control-limits.command.js';
import { findLimits, limitsOf, type ControlLimits } from './control-limits.repository.js';
import { characteristicDefinition, recordedChart } from './recorded-chart.js';
import { setControlLimits } from './set-control-limits.command.js';
import { defaultChart } from './spc-series.js';

const CHARTS = ['xbar-r', 'xbar-s', 'i-mr', 'p', 'np', 'c', 'u'] as const;
const RULE_SETS = ['western-electric', 'nelson'] as const;
const codeParams = z.strictObject({ code: idField });
/** Who sets control limits: quality engineers, and process engineers who own the process definition. */
const LIMIT_SETTERS = ['quality', 'engineer'] as const;

// Every member is checked by validateSpcInput, which names each bad field (subgroups[3], values[7], limits.sigma, ...).
const anything = z.unknown().optional();
const analyzeBody = z.strictObject({
  chart: anything, subgroups: anything, values: anything, defects: anything, sizes: anything,
  lsl: anything, usl: anything, target: anything, rules: anything, limits: anything,
});

function presentLimits({ characteristicCode, ...l }: ControlLimits) {
  return { characteristic: characteristicCode, ...l, baselineFrom: iso(l.baselineFrom), baselineTo: iso(l.baselineTo), setAt: iso(l.setAt) };
}

/** SPC: analysis of data sent in, charts of recorded results, and the limits frozen per characteristic. */
export function registerSpcRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  app.withTypeProvider<ZodTypeProvider>().route({
    method: 'POST', url: '/api/v1/quality/spc/analyze', config: { roles: ANY_ROLE },
    schema: { summary: 'Analyse a control chart: limits, run-rule violations, capability (phase II with frozen limits)', tags: ['quality'], body: analyzeBody },
    handler: async (req) => {
      const body = req.body as SpcInputCandidate;
      const problems = validateSpcInput(body);
      if (problems.length > 0) throw new Refusal(problems.map((p) => violation('INVALID_FIELD', `${p.field} ${p.message}`, { field: p.field })));
      return analyze(body as SpcInput);
    },
  });

  queryRoute(app, {
    url: '/api/v1/quality/characteristics/:code/spc', roles: ANY_ROLE, tags: ['quality'], params: codeParams,
    summary: 'The control chart of a characteristic over its recorded results (phase II when limits are frozen)',
    querystring: z.strictObject({ from: isoTime.optional(), to: isoTime.optional(), chart: z.enum(CHARTS).optional(), rules: z.enum(RULE_SETS).optional() }),
    handler: async (p, q) => {
      const from = q.from ?? 0;
      const to = q.to ?? Date.now();
      if (from > to) {
        // Name what the client sent: without `to` the window ends now, so it is `from` that lies in the future.
        throw new Refusal([q.to === undefined
          ? violation('INVALID_FIELD', `must not be in the future: without to the window ends now (${iso(to)})`, { field: 'from', details: { to: iso(to) } })
          : violation('INVALID_FIELD', 'must not be before from', { field: 'to' })]);
      }
      const chart = q.chart ?? defaultChart(await characteristicDefinition(store.db, p.code));
      const frozen = await findLimits(store.db, p.code, chart);
      const rules = q.rules ?? frozen?.rules;
      const recorded = await recordedChart(store.db, { code: p.code, from, to, chart, rules, limits: frozen ? { center: frozen.center, sigma: frozen.sigma } : undefined });
      return {
        characteristic: p.code, chart, phase: frozen ? 'II' : 'I', frozenLimits: frozen ? presentLimits(frozen) : null, from: iso(from), to: iso(to),
        results: recorded.results, truncated: recorded.truncated, ...analyze(recorded.input), times: recorded.series.last.map((r) => iso(r.at)),
        ...(recorded.input.lsl !== undefined ? { lsl: recorded.input.lsl } : {}),
        ...(recorded.input.usl !== undefined ? { usl: recorded.input.usl } : {}),
        ...(recorded.input.target !== undefined ? { target: recorded.input.target } : {}),
      };
    },
  });

  queryRoute(app, {
    url: '/api/v1/quality/characteristics/:code/limits', roles: ANY_ROLE, summary: 'Control limits frozen for a characteristic, per chart', tags: ['quality'],
    params: codeParams,
    handler: async (p) => ({ characteristic: p.code, limits: (await limitsOf(store.db, p.code)).map(presentLimits) }),
  });
  commandRoute(app, runner, {
    method: 'PUT', url: '/api/v1/quality/characteristics/:code/limits', roles: LIMIT_SETTERS, tags: ['quality'],
    summary: 'Freeze the control limits of a characteristic chart: centre and sigma of the plotted statistic', params: codeParams,
    body: z.strictObject({ center: measuredValue, sigma: measuredValue.refine((s) => s > 0, 'must be above 0'), chart: z.enum(CHARTS), rules: z.enum(RULE_SETS).optional() }),
    command: setControlLimits, input: (p, b) => ({ code: p.code, chart: b.chart, center: b.center, sigma: b.sigma, rules: b.rules }), present: presentLimits,
  });
  commandRoute(app, runner, {
    method: 'POST', url: '/api/v1/quality/characteristics/:code/limits/baseline', roles: LIMIT_SETTERS, tags: ['quality'],
    summary: 'Freeze control limits computed from the results recorded in a baseline window', params: codeParams,
    body: z
      .strictObject({ from: isoTime, to: isoTime, chart: z.enum(CHARTS).optional(), rules: z.enum(RULE_SETS).optional() })
      .refine((b) => b.from <= b.to, { message: 'must not be before from', path: ['to'] }),
    command: baselineControlLimits, input: (p, b) => ({ code: p.code, from: b.from, to: b.to, chart: b.chart, rules: b.rules }),
    present: (r) => ({ ...presentLimits(r), lcl: r.lcl, ucl: r.ucl, points: r.points, baselineViolations: r.baselineViolations }),
  });
}
