import { violation, type Violation } from '../../../platform/errors/violation.js';
import type { Characteristic } from '../../product/index.js';
import { AQL_VALUES, samplingPlan } from '../domain/sampling/index.js';

/** What an operation has reported so far: how many quantity reports, and how many units (good + scrap) in all. */
export interface ReportedOutput {
  readonly reports: number;
  readonly units: number;
}

/** How many results (measured or judged units) a characteristic needs before its operation may complete, and why. */
export interface Requirement {
  readonly required: number;
  readonly basis: 'every' | 'first' | 'per-units' | 'sampling';
}

/** The standard AQL a characteristic's AQL stands for: the largest standard value not above it (never looser). */
export function standardAql(aql: number): number {
  return [...AQL_VALUES].reverse().find((v) => v <= aql + 1e-12) ?? (AQL_VALUES[0] as number);
}

/**
 * The number of results a characteristic requires, given what its operation reported. One inspection point is one
 * subgroup: `subgroupSize` results (1 when unset). Every characteristic needs at least one inspection point before
 * its operation completes, whatever was reported: an operation is never completed without its inspections.
 * - `sampling` set: the Z1.4 single sampling sample size (normal inspection) for a lot of the units reported;
 *   `frequency` is then not used. Nothing reported: one inspection point.
 * - `every`: one inspection point per quantity report (each report is a checkpoint of the output).
 * - `first`: one inspection point before completion (first article), whatever was reported.
 * - a number n: one inspection point per n units reported, rounded up.
 */
export function requiredResults(ch: Characteristic, output: ReportedOutput): Requirement {
  const point = ch.subgroupSize ?? 1;
  if (ch.sampling) {
    const lotSize = Math.ceil(output.units - 1e-9);
    if (lotSize < 1) return { required: point, basis: 'sampling' };
    const plan = samplingPlan({ lotSize, level: ch.sampling.level, aql: standardAql(ch.sampling.aql), severity: 'normal' });
    return { required: plan.sampleSize, basis: 'sampling' };
  }
  if (ch.frequency === 'every') return { required: Math.max(1, output.reports) * point, basis: 'every' };
  if (ch.frequency === 'first') return { required: point, basis: 'first' };
  return { required: Math.max(1, Math.ceil(output.units / ch.frequency - 1e-9)) * point, basis: 'per-units' };
}

/**
 * INSPECTION_MISSING for each characteristic of the operation with fewer counted results than it requires;
 * `recorded` maps a characteristic code to its counted results.
 */
export function inspectionsComplete(
  operationId: string,
  characteristics: readonly Characteristic[],
  output: ReportedOutput,
  recorded: ReadonlyMap<string, number>,
): Violation[] {
  return characteristics.flatMap((ch) => {
    const { required, basis } = requiredResults(ch, output);
    const done = recorded.get(ch.code) ?? 0;
    if (done >= required) return [];
    return [
      violation('INSPECTION_MISSING', `characteristic '${ch.code}' needs ${required} result(s) (${basis}), ${done} recorded`, {
        details: { operationId, characteristic: ch.code, required, recorded: done, basis },
      }),
    ];
  });
}
