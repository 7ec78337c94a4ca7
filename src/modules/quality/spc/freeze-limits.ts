import type { CommandContext } from '../../../platform/commands/command.js';
import { findLimits, saveLimits, type ControlLimits } from './control-limits.repository.js';

/** Freezes limits and journals the change (`control-limits.set`), with the limits they replace. */
export async function freezeLimits(ctx: CommandContext, limits: ControlLimits): Promise<void> {
  const before = await findLimits(ctx.tx, limits.characteristicCode, limits.chart);
  await saveLimits(ctx.tx, limits);
  ctx.record({
    action: 'control-limits.set', entity: 'characteristic', entityId: limits.characteristicCode,
    data: {
      chart: limits.chart, center: limits.center, sigma: limits.sigma, rules: limits.rules, source: limits.source, baselineFrom: limits.baselineFrom, baselineTo: limits.baselineTo,
      changes: { center: { before: before?.center ?? null, after: limits.center }, sigma: { before: before?.sigma ?? null, after: limits.sigma } },
    },
  });
}
