import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EQUIPMENT_STATES } from '../../modules/equipment/domain/index.js';
import { DOWNTIME_REASONS } from '../../demo/demo-plant.data.js';
import { DEMO_CALENDAR, DEMO_MACHINES } from '../demo-machines.js';
import type { MachineProfile } from './machine.profile.js';
import { createVirtualMachine, type MachineEvent } from './virtual-machine.js';

const START = Date.UTC(2026, 10, 26, 7, 0); // 08:00 in Berlin, inside the early shift
const HOUR = 3_600_000;
const press = DEMO_MACHINES.find((m) => m.equipmentId === 'PRESS-1') as MachineProfile;

const run = (profile: MachineProfile, seed: number, steps: readonly number[], start = START): MachineEvent[] => {
  const machine = createVirtualMachine(profile, DEMO_CALENDAR, { seed, start });
  let t = start;
  return steps.flatMap((dt) => machine.advanceTo((t += dt)));
};

const machineArb = fc.constantFrom(...DEMO_MACHINES);
const stepsArb = fc.array(fc.integer({ min: 1, max: 20 * 60_000 }), { minLength: 1, maxLength: 40 });

describe('virtual machine', () => {
  it('plays the same trace for the same seed, however finely time is advanced', () => {
    fc.assert(fc.property(machineArb, fc.integer(), stepsArb, (profile, seed, steps) => {
      const whole = steps.reduce((a, b) => a + b, 0);
      expect(run(profile, seed, steps)).toEqual(run(profile, seed, [whole]));
    }), { numRuns: 40 });
  });

  it('plays a different plant for a different seed', () => {
    expect(run(press, 1, [4 * HOUR])).not.toEqual(run(press, 2, [4 * HOUR]));
  });

  it('keeps counters monotonic, rejects within the total, and events in time order', () => {
    fc.assert(fc.property(machineArb, fc.integer(), stepsArb, (profile, seed, steps) => {
      const problems: string[] = [];
      let last = { at: START, total: 0, reject: 0 };
      for (const e of run(profile, seed, steps)) {
        if (e.at < last.at) problems.push(`${e.kind} at ${e.at} before ${last.at}`);
        last = { ...last, at: e.at };
        if (e.kind !== 'counts') continue;
        if (e.total <= last.total || e.reject < last.reject) problems.push(`counters went back: ${JSON.stringify([last, e])}`);
        if (e.reject > e.total || !Number.isInteger(e.total) || !Number.isInteger(e.reject)) problems.push(`bad counters ${JSON.stringify(e)}`);
        last = { at: e.at, total: e.total, reject: e.reject };
      }
      expect(problems).toEqual([]);
    }), { numRuns: 40 });
  });

  it('reports only valid states, with a reason of the plant wherever Takt asks for one, and counts only while running', () => {
    const reasons = new Set<string>(DOWNTIME_REASONS.map((r) => r.code));
    fc.assert(fc.property(machineArb, fc.integer(), stepsArb, (profile, seed, steps) => {
      let state = '';
      for (const e of run(profile, seed, steps)) {
        if (e.kind === 'state') {
          expect(EQUIPMENT_STATES).toContain(e.state);
          if (e.state === 'running') expect(e.reason).toBeNull();
          else expect(reasons.has(e.reason ?? '')).toBe(true);
          state = e.state;
        }
        if (e.kind === 'process') expect(state).toBe('running');
      }
    }), { numRuns: 40 });
  });

  it('produces near its ideal cycle time while running, loses a few units to rejects, fails, sets up and starves', () => {
    const events = run(press, 7, [24 * HOUR]);
    const states = events.filter((e) => e.kind === 'state');
    const runningMs = states.reduce((sum, e, i) => sum + (e.state === 'running' ? (states[i + 1]?.at ?? START + 24 * HOUR) - e.at : 0), 0);
    const last = events.filter((e) => e.kind === 'counts').at(-1);
    const ideal = runningMs / 1000 / press.idealCycleTimeSec;
    expect(last && last.total / ideal).toBeGreaterThan(0.85);
    expect(last && last.total / ideal).toBeLessThanOrEqual(1);
    expect(last && last.reject / last.total).toBeGreaterThan(0.002);
    expect(last && last.reject / last.total).toBeLessThan(0.01);
    const seen = new Set(states.map((e) => `${e.state}:${e.reason ?? ''}`));
    for (const s of ['running:', 'setup:CHANGEOVER', 'idle:STARVED', 'planned_stop:BREAK']) expect(seen).toContain(s);
    expect([...seen].some((s) => s.startsWith('down:'))).toBe(true);
  });

  it('stops for each break of the shift calendar, from its start to its end', () => {
    const breaks = run(press, 3, [24 * HOUR]).filter((e) => e.kind === 'state' && e.state === 'planned_stop');
    // Berlin is UTC+1 in November: breaks at 10:00, 18:00 and 02:00 local.
    expect(breaks.map((e) => new Date(e.at).toISOString().slice(11, 16))).toEqual(['09:00', '17:00', '01:00']);
  });

  it('drifts process values far enough to break run rules, then corrects them with an adjustment stop', () => {
    const events = run(press, 11, [48 * HOUR]);
    const weights = events.filter((e) => e.kind === 'process' && e.metric === 'Process/TabletWeight').map((e) => (e.kind === 'process' ? e.value : 0));
    const beyondTwoSigma = weights.filter((w) => Math.abs(w - 590) > 6).length;
    expect(beyondTwoSigma / weights.length).toBeGreaterThan(0.05);
    expect(events.some((e) => e.kind === 'state' && e.reason === 'ADJUST')).toBe(true);
  });

  it('draws failures only from the plant downtime reasons', () => {
    const reasons = new Set<string>(DOWNTIME_REASONS.filter((r) => !r.planned).map((r) => r.code));
    for (const m of DEMO_MACHINES) for (const f of m.failures) expect(reasons.has(f.reason), `${m.equipmentId} ${f.reason}`).toBe(true);
  });
});
