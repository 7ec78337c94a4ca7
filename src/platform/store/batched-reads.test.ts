import { describe, expect, it } from 'vitest';
import { batchedReads } from './batched-reads.js';

describe('batched reads', () => {
  it('answers the reads asked in one turn of the event loop with one load, each its own value, and loads again for the next turn', async () => {
    const loads: (readonly number[])[] = [];
    const read = batchedReads(async (keys: readonly number[]) => (loads.push(keys), keys.map((k) => k * 10)));
    expect(await Promise.all([read(1), read(2), read(3)])).toEqual([10, 20, 30]);
    expect(await read(4)).toBe(40);
    expect(loads).toEqual([[1, 2, 3], [4]]);
  });

  it('takes reads asked from different I/O callbacks of one turn into the same load', async () => {
    const loads: (readonly string[])[] = [];
    const read = batchedReads(async (keys: readonly string[]) => (loads.push(keys), keys.map((k) => k.toUpperCase())));
    // Two timers due together run in one turn, as two requests' I/O would.
    const answers = await Promise.all(['a', 'b'].map((k) => new Promise<string>((resolve) => setTimeout(() => resolve(read(k)), 0))));
    expect(answers).toEqual(['A', 'B']);
    expect(loads).toEqual([['a', 'b']]);
  });

  it('fails every read of a turn whose load failed, and reads again at the next turn', async () => {
    let fail = true;
    const read = batchedReads(async (keys: readonly number[]) => {
      if (fail) throw new Error('store gone');
      return keys;
    });
    const outcomes = await Promise.allSettled([read(1), read(2)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await read(3)).toBe(3);
  });
});
