import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicesInOrder } from './id-order.js';
import { compare } from './trace-graph.js';

const byId = (ids: readonly string[]) => (a: number, b: number) => compare(ids[a] as string, ids[b] as string);

describe('ordering ids a slice at a time', () => {
  it('orders the indices as an ordinal sort of the ids, across several runs and merges', async () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `L${(i * 7919) % 10_007}-${i % 13}`);
    let pauses = 0;
    const pause = async () => {
      pauses += 1;
      return false;
    };
    const order = await indicesInOrder(ids.length, byId(ids), pause, { run: 1000, steps: 5000 });
    expect(Array.from(order ?? [], (i) => ids[i])).toEqual([...ids].sort(compare));
    // 10 runs sorted, then 4 passes of merges (about 40,000 comparisons) in turns of 5,000.
    expect(pauses).toBeGreaterThanOrEqual(10 + 7);
  });

  it('orders any strings as the ordinal comparison does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.string({ unit: 'binary' }), { maxLength: 200 }), async (ids) => {
        const order = await indicesInOrder(ids.length, byId(ids), async () => false);
        expect(Array.from(order ?? [], (i) => ids[i])).toEqual([...ids].sort(compare));
      }),
    );
  });

  it('stops when asked and answers null', async () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `L${i}`);
    expect(await indicesInOrder(ids.length, byId(ids), async () => true, { run: 1000, steps: 5000 })).toBeNull();
  });
});
