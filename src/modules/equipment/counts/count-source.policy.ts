import type { ProductionCount } from '../domain/index.js';
import type { CountSource } from '../settings/equipment-settings.repository.js';

/**
 * Picks one source of counts for a piece of equipment over a window (never both, so no unit is counted twice):
 * `machine` or `operator` as configured; `auto` takes the machine's counts when the machine reported any in the
 * window, else what people reported.
 */
export function chooseSource(source: CountSource, machineReports: number): 'machine' | 'operator' {
  return source === 'auto' ? (machineReports > 0 ? 'machine' : 'operator') : source;
}

/** An operator's good/scrap report as a count: everything reported was produced, scrap was not good. */
export function reportAsCount(r: { readonly at: number; readonly good: number; readonly scrap: number }): ProductionCount {
  return { at: r.at, total: r.good + r.scrap, reject: r.scrap };
}
