import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchStamp } from './stamp-watch.js';

describe('watching the mappings stamp', () => {
  afterEach(() => vi.useRealTimers());

  it('reports each change of the stamp once, not the first reading, and survives a failed reading', async () => {
    vi.useFakeTimers();
    const stamps = ['1:100', '1:100', '2:200', 'fail', '2:200', '1:300'];
    let i = 0;
    const changes: number[] = [];
    const stop = watchStamp({
      intervalMs: 1000,
      stamp: async () => {
        const s = stamps[Math.min(i++, stamps.length - 1)] as string;
        if (s === 'fail') throw new Error('store unreachable');
        return s;
      },
      onChange: () => changes.push(i),
    });
    for (let k = 0; k < 6; k++) await vi.advanceTimersByTimeAsync(1000);
    stop();
    // Changes seen at the 3rd reading (1:100 -> 2:200) and the 6th (2:200 -> 1:300).
    expect(changes).toEqual([3, 6]);
  });
});
