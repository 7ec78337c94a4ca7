import { command } from '../../../platform/commands/command.js';
import { Refusal, violation } from '../../../platform/errors/violation.js';
import { analyze, withinBound, type ChartType, type RuleSet, type RuleViolation } from '../domain/spc/index.js';
import type { ControlLimits } from './control-limits.repository.js';
import { freezeLimits } from './freeze-limits.js';
import { recordedChart } from './recorded-chart.js';

export interface BaselineControlLimits {
  readonly code: string;
  readonly from: number;
  readonly to: number;
  readonly chart?: ChartType | undefined;
  readonly rules?: RuleSet | undefined;
}

/**
 * Freezes the limits computed (phase I) from the results recorded in a baseline window: centre and sigma of the
 * plotted statistic. The answer lists the rule violations inside the baseline, so points that were out of control
 * can be looked at (and the window chosen again) before the limits are trusted. Refused (400 naming `from`) when
 * the baseline shows no variation at all, or a centre or sigma beyond MAX_MAGNITUDE (the bound of limits set by hand).
 */
export const baselineControlLimits = command('control-limits.baseline', async (ctx, cmd: BaselineControlLimits): Promise<ControlLimits & { lcl: number; ucl: number; points: number; baselineViolations: readonly RuleViolation[] }> => {
  const recorded = await recordedChart(ctx.tx, { code: cmd.code, from: cmd.from, to: cmd.to, chart: cmd.chart, rules: cmd.rules });
  const result = analyze(recorded.input);
  if (!(result.sigma > 0) || !Number.isFinite(result.sigma)) {
    throw new Refusal([violation('INVALID_FIELD', `the results of '${cmd.code}' in this window show no variation: no limits can be set from them`, { field: 'from' })]);
  }
  if (!withinBound(result.center) || !withinBound(result.sigma)) {
    // Limits set by hand are bounded the same way (PUT .../limits), so every frozen chart stays finite.
    throw new Refusal([violation('INVALID_FIELD', `the results of '${cmd.code}' in this window give a centre or sigma beyond 1e12: no limits can be set from them`, {
      field: 'from', details: { center: result.center, sigma: result.sigma },
    })]);
  }
  const limits: ControlLimits = {
    characteristicCode: cmd.code, chart: recorded.chart, center: result.center, sigma: result.sigma, rules: cmd.rules ?? 'western-electric', source: 'baseline',
    baselineFrom: cmd.from, baselineTo: cmd.to, setAt: ctx.now, setBy: ctx.actor.username,
  };
  await freezeLimits(ctx, limits);
  return { ...limits, lcl: result.lcl, ucl: result.ucl, points: result.points.length, baselineViolations: result.violations };
});
