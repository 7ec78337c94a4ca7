import { describe, expect, it } from 'vitest';
import { cyclesBetween, runHoursBetween } from './equipment-usage.js';

const H = 3_600_000;

describe('equipment usage meters', () => {
  it('sums running hours inside the window, open intervals up to its end', () => {
    const history = [
      { state: 'running' as const, reason: null, from: 0, to: 2 * H },
      { state: 'down' as const, reason: 'X', from: 2 * H, to: 3 * H },
      { state: 'running' as const, reason: null, from: 3 * H, to: null },
    ];
    expect(runHoursBetween(history, H, 5 * H)).toBe(3);
  });

  it('sums produced units reported inside the window', () => {
    const counts = [{ at: 0, total: 5, reject: 0 }, { at: 10, total: 7, reject: 1 }, { at: 20, total: 100, reject: 0 }];
    expect(cyclesBetween(counts, 0, 20)).toBe(12);
  });
});
