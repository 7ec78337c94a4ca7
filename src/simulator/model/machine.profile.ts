/** A process value a virtual machine measures while it runs: a quality characteristic with its process behaviour. */
export interface ProcessValueProfile {
  /** The metric name the machine publishes, e.g. `Process/TabletWeight`. */
  readonly metric: string;
  /** The quality characteristic code the value stands for. */
  readonly characteristic: string;
  readonly unit: string;
  /** Where the process is centred and how much it scatters when in control. */
  readonly target: number;
  readonly sigma: number;
  readonly lsl: number;
  readonly usl: number;
}

/** A downtime reason an unplanned stop is drawn from, and how often it happens relative to the others. */
export interface FailureMode {
  readonly reason: string;
  readonly weight: number;
  /** Mean repair time in seconds. */
  readonly meanRepairSec: number;
}

/** How one virtual machine behaves. Times are seconds of simulated time. */
export interface MachineProfile {
  readonly equipmentId: string;
  readonly name: string;
  /** The equipment's ideal cycle time: at best one unit per cycle. */
  readonly idealCycleTimeSec: number;
  /** How much slower than ideal a run goes, drawn per run between these factors (>= 1). */
  readonly speedLoss: readonly [number, number];
  /** Share of units rejected, 0..1. */
  readonly rejectRate: number;
  readonly meanTimeBetweenFailuresSec: number;
  readonly failures: readonly FailureMode[];
  readonly meanTimeBetweenSetupsSec: number;
  readonly meanSetupSec: number;
  readonly setupReason: string;
  /** Starvation: the machine idles waiting for material. */
  readonly meanTimeBetweenStarvationSec: number;
  readonly meanStarvationSec: number;
  readonly starvedReason: string;
  /** The reason of the stop that corrects a process value that drifted too far. */
  readonly adjustReason: string;
  readonly processValues: readonly ProcessValueProfile[];
  /** How often process values are sampled while running. */
  readonly sampleEverySec: number;
}
