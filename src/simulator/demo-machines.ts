import { DOWNTIME_REASONS, SHIFTS, SITE, WORK_CENTERS } from '../demo/demo-plant.data.js';
import type { FailureMode, MachineProfile, ProcessValueProfile } from './model/machine.profile.js';
import type { PlantCalendar } from './model/planned-stops.js';

type ReasonCode = (typeof DOWNTIME_REASONS)[number]['code'];
const reason = (code: ReasonCode): ReasonCode => code;

/** The Sparkplug group of the demo plant's machines: its site. */
export const DEMO_GROUP_ID = SITE.id;

/** The demo machine that speaks OPC UA instead of Sparkplug B, as a mixed plant has some. */
export const DEMO_OPCUA_MACHINE = 'CART-1';

/** The demo plant's calendar: its site's zone and three shifts with their breaks. */
export const DEMO_CALENDAR: PlantCalendar = {
  timeZone: SITE.timeZone,
  shifts: SHIFTS.map((s) => ({ ...s, breaks: [...s.breaks] })),
  breakReason: reason('BREAK'),
  notScheduledReason: reason('NOT-SCHEDULED'),
};

const pv = (metric: string, characteristic: string, unit: string, target: number, sigma: number, tolerance: number): ProcessValueProfile =>
  ({ metric: `Process/${metric}`, characteristic, unit, target, sigma, lsl: target - tolerance, usl: target + tolerance });

/**
 * What each demo machine measures, its reject rate and its typical failures. The process values follow the demo
 * plant's work instructions (590 mg tablets, 45 °C product temperature in the coater, 12 rpm blending, ...).
 */
const TRAITS: Readonly<Record<string, { rejectRate: number; failures: readonly FailureMode[]; processValues: readonly ProcessValueProfile[] }>> = {
  'GRAN-1': {
    rejectRate: 0.002,
    failures: [{ reason: 'MECH', weight: 2, meanRepairSec: 300 }, { reason: 'ELEC', weight: 1, meanRepairSec: 150 }],
    processValues: [pv('ImpellerPower', 'GRAN-POWER', 'kW', 7.5, 0.2, 1), pv('LossOnDrying', 'GRAN-LOD', '%', 1.5, 0.08, 0.45)],
  },
  'BLEND-1': {
    rejectRate: 0.001,
    failures: [{ reason: 'MECH', weight: 1, meanRepairSec: 240 }, { reason: 'ELEC', weight: 1, meanRepairSec: 120 }],
    processValues: [pv('BlenderSpeed', 'BLEND-RPM', 'rpm', 12, 0.15, 0.8)],
  },
  'PRESS-1': {
    rejectRate: 0.005,
    failures: [{ reason: 'JAM', weight: 3, meanRepairSec: 90 }, { reason: 'MECH', weight: 1, meanRepairSec: 360 }, { reason: 'ELEC', weight: 1, meanRepairSec: 150 }],
    processValues: [pv('TabletWeight', 'TAB-WEIGHT', 'mg', 590, 3, 15), pv('Hardness', 'TAB-HARDNESS', 'N', 110, 4, 20)],
  },
  'PRESS-2': {
    rejectRate: 0.006,
    failures: [{ reason: 'JAM', weight: 3, meanRepairSec: 90 }, { reason: 'MECH', weight: 1, meanRepairSec: 360 }],
    processValues: [pv('TabletWeight', 'TAB-WEIGHT', 'mg', 590, 3.5, 15)],
  },
  'COAT-1': {
    rejectRate: 0.003,
    failures: [{ reason: 'ELEC', weight: 2, meanRepairSec: 150 }, { reason: 'MECH', weight: 1, meanRepairSec: 300 }],
    processValues: [pv('ProductTemperature', 'COAT-TEMP', '°C', 45, 0.4, 3)],
  },
  'BLIS-1': {
    rejectRate: 0.01,
    failures: [{ reason: 'JAM', weight: 3, meanRepairSec: 60 }, { reason: 'MECH', weight: 1, meanRepairSec: 240 }],
    processValues: [pv('SealingTemperature', 'BLIS-SEAL-TEMP', '°C', 180, 1, 6)],
  },
  'CART-1': {
    rejectRate: 0.008,
    failures: [{ reason: 'JAM', weight: 3, meanRepairSec: 60 }, { reason: 'ELEC', weight: 1, meanRepairSec: 120 }],
    processValues: [pv('GlueTemperature', 'CART-GLUE-TEMP', '°C', 160, 1.2, 8)],
  },
};

/**
 * One profile per demo equipment, at its ideal cycle time. The stop rates are set for a demonstration: at real
 * speed the plant changes state about once a minute, so a newcomer sees it live within moments.
 */
export const DEMO_MACHINES: readonly MachineProfile[] = WORK_CENTERS.flatMap((wc) => wc.equipment).map((eq) => {
  const traits = TRAITS[eq.id];
  if (!traits) throw new Error(`no simulator traits for demo equipment ${eq.id}`);
  return {
    equipmentId: eq.id,
    name: eq.name,
    idealCycleTimeSec: eq.cycle,
    speedLoss: [1.03, 1.15],
    rejectRate: traits.rejectRate,
    meanTimeBetweenFailuresSec: 1200,
    failures: traits.failures,
    meanTimeBetweenSetupsSec: 2700,
    meanSetupSec: 300,
    setupReason: reason('CHANGEOVER'),
    meanTimeBetweenStarvationSec: 1500,
    meanStarvationSec: 90,
    starvedReason: reason('STARVED'),
    adjustReason: reason('ADJUST'),
    processValues: traits.processValues,
    sampleEverySec: 30,
  } satisfies MachineProfile;
});
