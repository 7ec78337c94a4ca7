import { describe, expect, it } from 'vitest';
import { idealCycleSegments } from './ideal-cycle-segments.js';

describe('ideal cycle time segments from the operations run on a piece of equipment', () => {
  it('covers each operation from start to completion, a running one until the open end', () => {
    expect(idealCycleSegments([{ startedAt: 100, completedAt: 200, idealCycleTimeSec: 6 }, { startedAt: 300, completedAt: null, idealCycleTimeSec: 4 }], 1000)).toEqual([
      { from: 100, to: 200, idealCycleTimeSec: 6 },
      { from: 300, to: 1000, idealCycleTimeSec: 4 },
    ]);
  });

  it('lets a later-started operation take over from its start when operations overlap (one paused while another ran)', () => {
    expect(idealCycleSegments([{ startedAt: 300, completedAt: 400, idealCycleTimeSec: 4 }, { startedAt: 100, completedAt: 500, idealCycleTimeSec: 6 }], 1000)).toEqual([
      { from: 100, to: 300, idealCycleTimeSec: 6 },
      { from: 300, to: 400, idealCycleTimeSec: 4 },
    ]);
  });

  it('skips operations without an ideal cycle time, so the equipment default applies there', () => {
    expect(idealCycleSegments([{ startedAt: 100, completedAt: 200, idealCycleTimeSec: null }, { startedAt: 200, completedAt: 250, idealCycleTimeSec: 0 }], 1000)).toEqual([]);
  });
});
