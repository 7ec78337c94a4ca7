import { describe, expect, it } from 'vitest';
import { EQUIPMENT_STATES } from './equipment-state.js';
import { PACKML_STATES, PACKML_TO_TAKT, packMlStateName, taktStateFromPackMl } from './packml.map.js';

describe('PackML map', () => {
  it('numbers the 17 PackML states as ISA-TR88.00.02 does', () => {
    expect(Object.keys(PACKML_STATES).map(Number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect([packMlStateName(1), packMlStateName(6), packMlStateName(11), packMlStateName(17)]).toEqual(['Clearing', 'Execute', 'Held', 'Complete']);
  });

  it('maps the documented states', () => {
    expect(taktStateFromPackMl(6)).toEqual({ state: 'running', reason: null });
    expect(taktStateFromPackMl(11)?.state).toBe('down');
    expect(taktStateFromPackMl(10)?.state).toBe('down');
    expect(taktStateFromPackMl(5)).toEqual({ state: 'idle', reason: 'packml.suspended' });
    expect(taktStateFromPackMl(4)?.state).toBe('idle');
    expect(taktStateFromPackMl(9)).toEqual({ state: 'down', reason: 'packml.aborted' });
    expect(taktStateFromPackMl(2)).toEqual({ state: 'offline', reason: 'packml.stopped' });
    expect([3, 15, 1].map((n) => taktStateFromPackMl(n)?.state)).toEqual(['setup', 'setup', 'setup']);
  });

  it('maps every PackML state to a Takt state, and every down to a reason', () => {
    for (const m of Object.values(PACKML_TO_TAKT)) {
      expect(EQUIPMENT_STATES).toContain(m.state);
      if (m.state === 'down') expect(m.reason).not.toBeNull();
    }
  });

  it('returns null for numbers outside 1..17', () => {
    expect(taktStateFromPackMl(0)).toBeNull();
    expect(taktStateFromPackMl(18)).toBeNull();
    expect(taktStateFromPackMl(2.5)).toBeNull();
  });
});
