import type { StateInterval } from './equipment-state.js';
import type { ProductionCount } from './production-count.js';

/**
 * Hours spent `running` inside `[from, to)` (open intervals end at `to`). This is the run-hour meter a maintenance
 * plan on run hours needs, when the equipment has no meter of its own.
 */
export const runHoursBetween = (intervals: readonly StateInterval[], from: number, to: number): number => {
  let ms = 0;
  for (const iv of intervals) {
    if (iv.state !== 'running') continue;
    const len = Math.min(iv.to ?? to, to) - Math.max(iv.from, from);
    if (len > 0) ms += len;
  }
  return ms / 3_600_000;
};

/** Units produced (total counts, good or not) reported inside `[from, to)`: the cycle meter. */
export const cyclesBetween = (counts: readonly ProductionCount[], from: number, to: number): number => {
  let cycles = 0;
  for (const c of counts) if (c.at >= from && c.at < to) cycles += c.total;
  return cycles;
};
