import { mean, sampleStandardDeviation } from './sample-statistics.js';
import type { Capability } from './spc.types.js';

/** The data and specification that capability is judged on. At least one of `lsl`, `usl` is given. */
export interface CapabilityInput {
  /** Every individual measurement (all subgroups flattened). */
  readonly individuals: readonly number[];
  /** Within-subgroup sigma from the chart (R̄/d2, S̄/c4 or MR̄/d2(2)). */
  readonly sigmaWithin: number;
  readonly lsl?: number;
  readonly usl?: number;
  readonly target?: number;
}

/** The index, or null where it is not a finite number (a sigma so small that the ratio overflows is no sigma). */
const finiteOrNull = (index: number): number | null => (Number.isFinite(index) ? index : null);

/** min over the given sides of distance-to-limit / (3·sigma); null when sigma is zero. */
function centring(mu: number, sigma: number, lsl: number | undefined, usl: number | undefined): number | null {
  if (!(sigma > 0)) return null;
  const sides = [...(usl !== undefined ? [usl - mu] : []), ...(lsl !== undefined ? [mu - lsl] : [])];
  return finiteOrNull(Math.min(...sides) / (3 * sigma));
}

/** (USL − LSL) / (6·sigma); null for a one-sided specification or zero sigma. */
function spread(sigma: number, lsl: number | undefined, usl: number | undefined): number | null {
  return lsl !== undefined && usl !== undefined && sigma > 0 ? finiteOrNull((usl - lsl) / (6 * sigma)) : null;
}

/**
 * Process capability of a variables chart's data.
 * Cp = (USL−LSL)/(6σw), Cpk = min(USL−μ, μ−LSL)/(3σw) with the within sigma of the chart;
 * Pp, Ppk the same with the overall sample standard deviation (n − 1) of all individuals;
 * Cpm = (USL−LSL)/(6·√(σ² + (μ−T)²)) with the overall σ, present when a target is given.
 * μ is the mean of all individuals. One-sided specifications give Cpk/Ppk from that side and null Cp, Pp, Cpm.
 * Never returns NaN or ±Infinity: an index whose sigma is zero, or so close to zero that the index overflows, is null.
 */
export function processCapability(input: CapabilityInput): Capability {
  const { individuals, sigmaWithin, lsl, usl, target } = input;
  const mu = mean(individuals);
  const sigmaOverall = sampleStandardDeviation(individuals);
  const capability: Capability = {
    cp: spread(sigmaWithin, lsl, usl),
    cpk: centring(mu, sigmaWithin, lsl, usl),
    pp: spread(sigmaOverall, lsl, usl),
    ppk: centring(mu, sigmaOverall, lsl, usl),
  };
  if (target === undefined) return capability;
  const tau = Math.sqrt(sigmaOverall * sigmaOverall + (mu - target) * (mu - target));
  return { ...capability, cpm: spread(tau, lsl, usl) };
}
