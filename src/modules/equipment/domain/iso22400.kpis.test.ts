import { describe, expect, it } from 'vitest';
import { iso22400Kpis } from './iso22400.kpis.js';
import { EMPTY_ACCOUNT } from './time-account.js';

const S = 1000;

describe('iso22400Kpis', () => {
  // Planned busy time 8 h: running 6 h, setup 30 min, down 1 h in 4 failures, micro-stops 10 min, idle 20 min.
  const account = {
    ...EMPTY_ACCOUNT,
    shiftMs: 9 * 3600 * S,
    breakMs: 1800 * S,
    plannedStateMs: 1800 * S,
    runningMs: 6 * 3600 * S,
    setupMs: 1800 * S,
    breakdownMs: 3600 * S,
    microStopMs: 600 * S,
    idleMs: 1200 * S,
    breakdownCount: 4,
    totalCount: 2000,
    rejectCount: 100,
    reworkCount: 40,
    idealSec: 2000 * 9,
  };
  const k = iso22400Kpis(account);

  it('derives the time elements', () => {
    expect(k.plannedBusyTime).toBe(28_800);
    expect(k.actualProductionTime).toBe(21_600);
    expect(k.actualUnitSetupTime).toBe(1_800);
    expect(k.actualUnitDelayTime).toBe(4_200);
    expect(k.actualUnitDownTime).toBe(1_200);
    expect(k.actualUnitProcessingTime).toBe(23_400);
    expect(k.actualUnitBusyTime).toBe(27_600);
  });

  it('computes each KPI by its formula', () => {
    expect(k.technicalEfficiency).toBeCloseTo(21_600 / 25_800, 12);
    expect(k.setupRate).toBeCloseTo(1_800 / 23_400, 12);
    expect(k.utilisationEfficiency).toBeCloseTo(21_600 / 27_600, 12);
    expect(k.allocationEfficiency).toBeCloseTo(27_600 / 28_800, 12);
    expect(k.availability).toBeCloseTo(21_600 / 28_800, 12);
    expect(k.effectiveness).toBeCloseTo(18_000 / 21_600, 12);
    expect(k.scrapRatio).toBeCloseTo(60 / 2000, 12); // scrap = reject − rework
    expect(k.reworkRatio).toBeCloseTo(40 / 2000, 12);
    expect(k.qualityRatio).toBeCloseTo(1940 / 2000, 12); // good after rework
    expect(k.firstPassYield).toBeCloseTo(1900 / 2000, 12); // good first time
    expect(k.oeeIndex).toBeCloseTo(k.availability * k.effectiveness * k.qualityRatio, 12);
    expect(k.netEquipmentEffectiveness).toBeCloseTo(k.utilisationEfficiency * k.effectiveness * k.qualityRatio, 12);
    expect(k.throughputRate).toBeCloseTo(2000 / 8, 12); // units per hour of planned busy time
    expect(k.mtbf).toBe(5_400);
    expect(k.mttr).toBe(900);
  });

  it('takes an order execution time for the throughput rate', () => {
    expect(iso22400Kpis(account, { orderExecutionTimeSec: 36_000 }).throughputRate).toBeCloseTo(200, 12);
  });

  it('gives 0 ratios and null MTBF/MTTR when there is nothing to divide by', () => {
    const empty = iso22400Kpis(EMPTY_ACCOUNT);
    expect(empty.technicalEfficiency).toBe(0);
    expect(empty.throughputRate).toBe(0);
    expect(empty.mtbf).toBeNull();
    expect(empty.mttr).toBeNull();
  });
});
