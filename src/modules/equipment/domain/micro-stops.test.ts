import { describe, expect, it } from 'vitest';
import type { StateInterval } from './equipment-state.js';
import { isMicroStop, summarizeStops } from './micro-stops.js';

const down = (from: number, to: number | null, reason = 'J'): StateInterval => ({ state: 'down', reason, from, to });
const run = (from: number, to: number | null): StateInterval => ({ state: 'running', reason: null, from, to });

describe('micro-stops', () => {
  it('is a down interval shorter than the threshold', () => {
    expect(isMicroStop(down(0, 29_999), 30_000, 0)).toBe(true);
    expect(isMicroStop(down(0, 30_000), 30_000, 0)).toBe(false);
    expect(isMicroStop(run(0, 1), 30_000, 0)).toBe(false);
    expect(isMicroStop(down(0, 10), 0, 0)).toBe(false);
  });

  it('counts micro-stops and breakdowns starting in the window separately', () => {
    const history = [run(0, 10_000), down(10_000, 20_000), run(20_000, 100_000), down(100_000, 400_000), run(400_000, 500_000), down(500_000, null)];
    expect(summarizeStops(history, { from: 0, to: 600_000, thresholdMs: 60_000 })).toEqual({
      microStopCount: 1,
      microStopSeconds: 10,
      breakdownCount: 2,
      breakdownSeconds: 300 + 100,
    });
  });

  it('merges repeated reports of one stop before judging it', () => {
    const history = [down(0, 20_000), down(20_000, 40_000), run(40_000, null)];
    expect(summarizeStops(history, { from: 0, to: 100_000, thresholdMs: 30_000 }).breakdownCount).toBe(1);
  });
});
