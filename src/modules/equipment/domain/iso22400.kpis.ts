import { ratio } from './oee.calculator.js';
import type { TimeAccount } from './time-account.js';

/**
 * ISO 22400-2 KPIs derivable from state intervals, counts and the shift calendar. Ratios are fractions (0.85, not
 * 85 %); zero denominators give 0; MTBF and MTTR are null when no failure happened (undefined, not zero).
 *
 * Time elements (seconds), all inside planned busy time:
 * PBT planned busy time = planned production time; APT actual production time = `running`;
 * AUST (ASUT) actual unit setup time = `setup`; ADET actual unit delay time = `down` (breakdowns and micro-stops);
 * ADOT actual unit down time = `idle` + `offline` + no data; AUPT = APT + AUST; AUBT = APT + AUST + ADET.
 * Quantities: PQ produced = total, SQ scrap = reject − rework, RQ rework, GQ good = PQ − SQ,
 * GP good parts first pass = total − reject, IP inspected parts = total; FE failure events = breakdowns.
 */
export type Iso22400Kpis = {
  readonly plannedBusyTime: number;
  readonly actualProductionTime: number;
  readonly actualUnitSetupTime: number;
  readonly actualUnitDelayTime: number;
  readonly actualUnitDownTime: number;
  readonly actualUnitProcessingTime: number;
  readonly actualUnitBusyTime: number;
  /** Availability = APT / PBT. */
  readonly availability: number;
  /** Effectiveness = Σ(PRI × PQ) / APT (PRI: planned run time per item, the ideal cycle time). */
  readonly effectiveness: number;
  /** Quality ratio = GQ / PQ. */
  readonly qualityRatio: number;
  /** OEE index = availability × effectiveness × quality ratio. */
  readonly oeeIndex: number;
  /** Net equipment effectiveness (NEE) = utilisation efficiency × effectiveness × quality ratio. */
  readonly netEquipmentEffectiveness: number;
  /** Technical efficiency = APT / (APT + ADET). */
  readonly technicalEfficiency: number;
  /** Setup rate = AUST / AUPT. */
  readonly setupRate: number;
  /** Utilisation efficiency = APT / AUBT. */
  readonly utilisationEfficiency: number;
  /** Allocation efficiency = AUBT / PBT. */
  readonly allocationEfficiency: number;
  /** Scrap ratio = SQ / PQ. */
  readonly scrapRatio: number;
  /** Rework ratio = RQ / PQ. */
  readonly reworkRatio: number;
  /** First pass yield = GP / IP. */
  readonly firstPassYield: number;
  /** Throughput rate = PQ / AOET, units per hour; AOET defaults to PBT (see `orderExecutionTimeSec`). */
  readonly throughputRate: number;
  /** Mean operating time between failures = APT / FE, seconds. */
  readonly mtbf: number | null;
  /** Mean time to restoration = Σ breakdown time / FE, seconds. */
  readonly mttr: number | null;
  readonly failureEvents: number;
};

/** Options of {@link iso22400Kpis}. */
export type Iso22400Options = {
  /**
   * Actual order execution time (AOET) for the throughput rate, seconds. An equipment window has no orders of its
   * own, so by default AOET is the planned busy time of the window.
   */
  readonly orderExecutionTimeSec?: number;
};

/**
 * ISO 22400-2 KPIs of a (summed) account; see {@link Iso22400Kpis} for each formula and docs/kpis.md.
 * With no micro-stop threshold and no rework, `availability`, `effectiveness`, `qualityRatio` and `oeeIndex`
 * equal the OEE availability, performance, quality and OEE.
 */
export const iso22400Kpis = (a: TimeAccount, options: Iso22400Options = {}): Iso22400Kpis => {
  const s = (ms: number) => ms / 1000;
  const pbt = s(a.shiftMs - a.breakMs - a.plannedStateMs);
  const apt = s(a.runningMs);
  const aust = s(a.setupMs);
  const adet = s(a.breakdownMs + a.microStopMs);
  const adot = s(a.idleMs + a.offlineMs + a.noDataMs);
  const aupt = apt + aust;
  const aubt = aupt + adet;
  const pq = a.totalCount;
  const rq = a.reworkCount;
  const sq = a.rejectCount - rq;
  const gq = pq - sq;
  const gp = pq - a.rejectCount;
  const availability = ratio(apt, pbt);
  const effectiveness = ratio(a.idealSec, apt);
  const qualityRatio = ratio(gq, pq);
  const utilisationEfficiency = ratio(apt, aubt);
  const fe = a.breakdownCount;
  const aoet = options.orderExecutionTimeSec ?? pbt;
  return {
    plannedBusyTime: pbt,
    actualProductionTime: apt,
    actualUnitSetupTime: aust,
    actualUnitDelayTime: adet,
    actualUnitDownTime: adot,
    actualUnitProcessingTime: aupt,
    actualUnitBusyTime: aubt,
    availability,
    effectiveness,
    qualityRatio,
    oeeIndex: availability * effectiveness * qualityRatio,
    netEquipmentEffectiveness: utilisationEfficiency * effectiveness * qualityRatio,
    technicalEfficiency: ratio(apt, apt + adet),
    setupRate: ratio(aust, aupt),
    utilisationEfficiency,
    allocationEfficiency: ratio(aubt, pbt),
    scrapRatio: ratio(sq, pq),
    reworkRatio: ratio(rq, pq),
    firstPassYield: ratio(gp, pq),
    throughputRate: ratio(pq, aoet) * 3600,
    mtbf: fe > 0 ? apt / fe : null,
    mttr: fe > 0 ? s(a.breakdownMs) / fe : null,
    failureEvents: fe,
  };
};
