import { command } from '../../../platform/commands/command.js';
import type { ChartType, RuleSet } from '../domain/spc/index.js';
import type { ControlLimits } from './control-limits.repository.js';
import { freezeLimits } from './freeze-limits.js';

export interface SetControlLimits {
  readonly code: string;
  readonly chart: ChartType;
  readonly center: number;
  readonly sigma: number;
  readonly rules?: RuleSet | undefined;
}

/**
 * Freezes the limits of a characteristic's chart as given (centre and sigma of the plotted statistic, e.g. from a
 * capability study): from now on its points are judged against them (phase II), live and in its charts.
 */
export const setControlLimits = command('control-limits.set', async (ctx, cmd: SetControlLimits): Promise<ControlLimits> => {
  const limits: ControlLimits = {
    characteristicCode: cmd.code, chart: cmd.chart, center: cmd.center, sigma: cmd.sigma, rules: cmd.rules ?? 'western-electric', source: 'manual',
    baselineFrom: null, baselineTo: null, setAt: ctx.now, setBy: ctx.actor.username,
  };
  await freezeLimits(ctx, limits);
  return limits;
});
