import type { Kysely } from 'kysely';
import { notFound, Refusal, violation } from '../../../platform/errors/violation.js';
import type { Database } from '../../../platform/store/schema.js';
import type { Characteristic } from '../../product/index.js';
import { findOperation } from '../../production/index.js';
import { validateSpcInput, withinBound, type ChartType, type FrozenLimits, type RuleSet, type SpcInput } from '../domain/spc/index.js';
import { countBefore, latestOperationOf, resultsBetween } from '../inspections/inspection.repository.js';
import { defaultChart, seriesOf, VARIABLE_CHARTS, type Series } from './spc-series.js';

/** The most results one chart reads; a wider window is charted over its first this many. */
export const MAX_CHART_RESULTS = 100_000;

export interface ChartRequest {
  readonly code: string;
  readonly from: number;
  readonly to: number;
  readonly chart?: ChartType | undefined;
  readonly rules?: RuleSet | undefined;
  readonly limits?: FrozenLimits | undefined;
}

/** The chart data of a characteristic's results in a window, ready for `analyze`. */
export interface RecordedChart {
  readonly chart: ChartType;
  readonly input: SpcInput;
  readonly series: Series;
  readonly results: number;
  readonly truncated: boolean;
}

/** The characteristic as the operation of its latest result defines it (the definition in force); undefined before any result. */
export async function characteristicDefinition(db: Kysely<Database>, code: string): Promise<Characteristic | undefined> {
  const operationId = await latestOperationOf(db, code);
  const op = operationId === undefined ? undefined : await findOperation(db, operationId);
  return op?.inspections.find((c) => c.code === code);
}

/**
 * Builds the chart of a characteristic's results recorded in [from, to] (see `seriesOf` for the subgroups), with
 * the specification limits of its definition for capability. 404 when the window holds no result; 400 INVALID_FIELD
 * naming `chart` when the results do not fit the chart (unequal subgroups, no measured values), or `from` when the
 * window holds too few points.
 */
export async function recordedChart(db: Kysely<Database>, req: ChartRequest): Promise<RecordedChart> {
  const results = await resultsBetween(db, req.code, req.from, req.to, MAX_CHART_RESULTS);
  if (results.length === 0) throw notFound('inspection results of characteristic', req.code);
  const ch = await characteristicDefinition(db, req.code);
  const chart = req.chart ?? defaultChart(ch);
  const variable = VARIABLE_CHARTS.includes(chart);
  if (variable && results.every((r) => r.value === null)) {
    throw new Refusal([violation('INVALID_FIELD', `'${req.code}' has pass/fail results only: chart it as p, np, c or u`, { field: 'chart', details: { chart } })]);
  }
  const chunked = variable ? (ch?.subgroupSize ?? 1) >= 2 : ch?.subgroupSize !== undefined;
  const before = chunked ? await countBefore(db, req.code, req.from, variable) : 0;
  const series = seriesOf(chart, results, ch?.subgroupSize, before);
  // A specification number beyond the bound of a measured value bounds no result that can be recorded: left out, so
  // capability is judged on the sides that can bind (and stays finite), rather than the chart refused.
  const spec = (v: number | undefined): v is number => variable && v !== undefined && withinBound(v);
  const input: SpcInput = {
    ...series.input,
    ...(spec(ch?.lsl) ? { lsl: ch.lsl } : {}),
    ...(spec(ch?.usl) ? { usl: ch.usl } : {}),
    ...(spec(ch?.target) ? { target: ch.target } : {}),
    ...(req.rules ? { rules: req.rules } : {}),
    ...(req.limits ? { limits: req.limits } : {}),
  };
  const problems = validateSpcInput(input);
  if (problems.length > 0) {
    throw new Refusal(
      problems.map((p) =>
        violation('INVALID_FIELD', `the results of '${req.code}' in this window cannot be charted as ${chart}: ${p.field} ${p.message}`, {
          field: /at least|non-empty|required/.test(p.message) ? 'from' : 'chart',
          details: { chart, data: p.field },
        }),
      ),
    );
  }
  return { chart, input, series, results: results.length, truncated: results.length === MAX_CHART_RESULTS };
}
