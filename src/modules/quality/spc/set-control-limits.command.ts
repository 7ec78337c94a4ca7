import { command } from '../../../platform/commands/command.js';
import { refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { BOUND_MESSAGE, withinBound, type ChartType, type RuleSet } from '../domain/spc/index.js';
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
 * capability study): from now on its points are judged against them (phase II), live and in its charts. Centre and
 * sigma are bounded like measured values (MAX_MAGNITUDE, 1e12; sigma above 0), else INVALID_FIELD naming the field.
 * A code no product revision inspects is taken on purpose: frozen limits are what defines a process characteristic
 * measured by a machine (the demo plant's `GRAN-POWER`), which a machine mapping may then name (`characteristicExists`).
 */
export const setControlLimits = command('control-limits.set', async (ctx, cmd: SetControlLimits): Promise<ControlLimits> => {
  // The route's schema says the same; checked here too for callers in the process (the demo plant, adapters).
  refuseIfAny([
    ...(withinBound(cmd.center) ? [] : [violation('INVALID_FIELD', BOUND_MESSAGE, { field: 'center' })]),
    ...(withinBound(cmd.sigma) && cmd.sigma > 0 ? [] : [violation('INVALID_FIELD', 'must be above 0 and at most 1e12', { field: 'sigma' })]),
  ]);
  const limits: ControlLimits = {
    characteristicCode: cmd.code, chart: cmd.chart, center: cmd.center, sigma: cmd.sigma, rules: cmd.rules ?? 'western-electric', source: 'manual',
    baselineFrom: null, baselineTo: null, setAt: ctx.now, setBy: ctx.actor.username,
  };
  await freezeLimits(ctx, limits);
  return limits;
});
