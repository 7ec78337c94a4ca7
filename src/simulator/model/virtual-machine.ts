import type { EquipmentState } from '../../modules/equipment/domain/index.js';
import type { MachineProfile, ProcessValueProfile } from './machine.profile.js';
import { nextPlannedStop, type PlantCalendar, type PlannedStop } from './planned-stops.js';
import { createPrng, deriveSeed, type Prng } from './prng.js';

/** The states a virtual machine goes through: the Takt states a producing machine can report by itself. */
export type SimulatedState = Extract<EquipmentState, 'running' | 'idle' | 'setup' | 'down' | 'planned_stop'>;

/** What a virtual machine did, in time order. Counts are counter readings (since the machine started), not increments. */
export type MachineEvent =
  | { readonly kind: 'state'; readonly at: number; readonly state: SimulatedState; readonly reason: string | null }
  | { readonly kind: 'counts'; readonly at: number; readonly total: number; readonly reject: number }
  | { readonly kind: 'process'; readonly at: number; readonly metric: string; readonly value: number };

export interface MachineSnapshot {
  readonly at: number;
  readonly state: SimulatedState;
  readonly reason: string | null;
  readonly total: number;
  readonly reject: number;
  /** The last sampled value of each process value metric (null before the first sample). */
  readonly process: Readonly<Record<string, number | null>>;
}

/** A virtual machine: deterministic for its seed, driven only by the simulated time its caller moves it to. */
export interface VirtualMachine {
  readonly profile: MachineProfile;
  snapshot(): MachineSnapshot;
  /** Moves simulated time forward to `to` (never back) and returns what happened, in order. */
  advanceTo(to: number): MachineEvent[];
}

export interface VirtualMachineOptions {
  /** The plant seed; each machine derives its own stream from it and its equipment id. */
  readonly seed: number;
  /** Simulated start time, epoch milliseconds. */
  readonly start: number;
}

const TICK_MS = 1000;
/** A process value this many sigmas off target makes the machine stop for an adjustment. */
const ADJUST_AT_SIGMA = 2.5;
const DRIFT_START_CHANCE = 0.03;
const OUTLIER_CHANCE = 0.005;
const MEAN_ADJUST_SEC = 90;
const INITIAL_STATES: readonly { state: 'running' | 'setup' | 'idle' | 'down'; weight: number }[] = [
  { state: 'running', weight: 0.7 }, { state: 'setup', weight: 0.12 }, { state: 'idle', weight: 0.1 }, { state: 'down', weight: 0.08 },
];

type Next = { readonly state: SimulatedState; readonly reason: string | null };
type Drift = { offset: number; step: number };

const round = (value: number): number => Math.round(value * 1000) / 1000;
const secs = (s: number): number => Math.round(s * 1000);

/**
 * Creates one virtual machine. It is a discrete-event model: state phases with drawn durations (failures with
 * reasons, setups, starvation, the calendar's planned stops), counts accrued at the ideal cycle time slowed by a
 * per-run speed loss with a reject rate, and process values sampled with noise, occasional outliers and drifts that
 * an adjustment stop corrects. Random draws happen only when an event is processed, so the trace is the same however
 * finely the caller advances time.
 */
export function createVirtualMachine(profile: MachineProfile, calendar: PlantCalendar, options: VirtualMachineOptions): VirtualMachine {
  const rng: Prng = createPrng(deriveSeed(options.seed, profile.equipmentId));
  const cycleMs = profile.idealCycleTimeSec * 1000;
  const sampleMs = secs(profile.sampleEverySec);
  let now = options.start;
  let state: SimulatedState = 'running';
  let reason: string | null = null;
  let phaseEnd = Infinity;
  let next: Next = { state: 'running', reason: null };
  let stop: PlannedStop | null = nextPlannedStop(calendar, options.start);
  let total = 0;
  let reject = 0;
  let emitted = { total: 0, reject: 0 };
  let progress = 0;
  let slowdown = 1;
  let accruedTo = options.start;
  let nextTick = options.start + TICK_MS;
  let nextSample = options.start + sampleMs;
  const drifts: Drift[] = profile.processValues.map(() => ({ offset: 0, step: 0 }));
  const lastValues: Record<string, number | null> = Object.fromEntries(profile.processValues.map((p) => [p.metric, null]));
  let events: MachineEvent[] = [];

  const accrue = (at: number): void => {
    if (state === 'running' && at > accruedTo) {
      progress += (at - accruedTo) / (cycleMs * slowdown);
      const units = Math.floor(progress);
      progress -= units;
      let rejected = 0;
      for (let i = 0; i < units; i += 1) if (rng.chance(profile.rejectRate)) rejected += 1;
      total += units;
      reject += rejected;
    }
    accruedTo = Math.max(accruedTo, at);
  };
  const flushCounts = (at: number): void => {
    if (total === emitted.total && reject === emitted.reject) return;
    emitted = { total, reject };
    events.push({ kind: 'counts', at, total, reject });
  };
  const resetDrifts = (): void => drifts.forEach((d) => { d.offset = 0; d.step = 0; });

  /** How long a non-running phase lasts, drawn when it begins. */
  const durationOf = (s: SimulatedState, why: string | null): number => {
    if (s === 'setup') return secs(Math.max(60, rng.normal(profile.meanSetupSec, profile.meanSetupSec / 4)));
    if (s === 'idle') return secs(20 + rng.exponential(profile.meanStarvationSec));
    if (why === profile.adjustReason) return secs(30 + rng.exponential(MEAN_ADJUST_SEC));
    const mode = profile.failures.find((f) => f.reason === why);
    return secs(30 + rng.exponential(mode?.meanRepairSec ?? 120));
  };
  /** The disruption that ends a run, drawn when the run begins: the earliest of a failure, a setup, a starvation. */
  const drawRunEnd = (at: number): void => {
    const failureAt = at + secs(rng.exponential(profile.meanTimeBetweenFailuresSec));
    const failure = rng.weighted(profile.failures, (f) => f.weight).reason;
    const setupAt = at + secs(rng.exponential(profile.meanTimeBetweenSetupsSec));
    const starvedAt = at + secs(rng.exponential(profile.meanTimeBetweenStarvationSec));
    slowdown = rng.uniform(profile.speedLoss[0], profile.speedLoss[1]);
    const first = Math.min(failureAt, setupAt, starvedAt);
    phaseEnd = first;
    next = first === failureAt ? { state: 'down', reason: failure }
      : first === setupAt ? { state: 'setup', reason: profile.setupReason }
        : { state: 'idle', reason: profile.starvedReason };
  };

  const enter = (s: SimulatedState, why: string | null, at: number): void => {
    accrue(at);
    if (state === 'running') flushCounts(at);
    state = s;
    reason = why;
    events.push({ kind: 'state', at, state: s, reason: why });
    if (s === 'planned_stop') {
      phaseEnd = stop?.to ?? Infinity;
      next = { state: 'running', reason: null };
      return;
    }
    if (s === 'running') drawRunEnd(at);
    else {
      if (s === 'setup' || why === profile.adjustReason) resetDrifts();
      phaseEnd = at + durationOf(s, why);
      next = { state: 'running', reason: null };
    }
    // The calendar comes first: a planned stop cuts whatever phase would overrun it.
    if (stop !== null && stop.from < phaseEnd) {
      phaseEnd = Math.max(at, stop.from);
      next = { state: 'planned_stop', reason: stop.reason };
    }
  };
  const endPhase = (at: number): void => {
    if (state === 'planned_stop') stop = nextPlannedStop(calendar, at);
    if (next.state !== 'planned_stop' && stop !== null && stop.from <= at) next = { state: 'planned_stop', reason: stop.reason };
    enter(next.state, next.reason, at);
  };
  const sample = (at: number): void => {
    if (state !== 'running') return;
    let adjust = false;
    profile.processValues.forEach((pv: ProcessValueProfile, i) => {
      const d = drifts[i] as Drift;
      if (d.step === 0 && rng.chance(DRIFT_START_CHANCE)) d.step = (rng.chance(0.5) ? 1 : -1) * rng.uniform(0.1, 0.25) * pv.sigma;
      d.offset += d.step;
      const noise = rng.chance(OUTLIER_CHANCE) ? (rng.chance(0.5) ? 1 : -1) * rng.uniform(3.2, 4) * pv.sigma : rng.normal(0, pv.sigma);
      const value = round(pv.target + d.offset + noise);
      lastValues[pv.metric] = value;
      events.push({ kind: 'process', at, metric: pv.metric, value });
      if (Math.abs(d.offset) >= ADJUST_AT_SIGMA * pv.sigma) adjust = true;
    });
    if (adjust) enter('down', profile.adjustReason, at);
  };

  // The first state: the calendar's stop when one is on, otherwise a varied plant (most machines running).
  if (stop !== null && stop.from <= options.start) enter('planned_stop', stop.reason, options.start);
  else {
    const first = rng.weighted(INITIAL_STATES, (s) => s.weight).state;
    const why = first === 'down' ? rng.weighted(profile.failures, (f) => f.weight).reason
      : first === 'setup' ? profile.setupReason : first === 'idle' ? profile.starvedReason : null;
    enter(first, why, options.start);
  }

  return {
    profile,
    snapshot: () => ({ at: now, state, reason, total, reject, process: { ...lastValues } }),
    advanceTo(to) {
      if (to < now) throw new RangeError(`simulated time only moves forward (at ${now}, asked for ${to})`);
      for (;;) {
        const at = Math.min(phaseEnd, nextTick, nextSample);
        if (at > to) break;
        if (at === phaseEnd) endPhase(at);
        else if (at === nextTick) {
          accrue(at);
          flushCounts(at);
          nextTick += TICK_MS;
        } else {
          sample(at);
          nextSample += sampleMs;
        }
      }
      now = to;
      const out = events;
      events = [];
      return out;
    },
  };
}
