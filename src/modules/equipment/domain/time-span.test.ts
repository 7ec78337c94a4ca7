import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipSpans, subtractSpans, totalLength, unionSpans } from './time-span.js';

const spansArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 50 })).map(([a, l]) => ({ from: a, to: a + l })), { maxLength: 12 });
const covered = (spans: readonly { from: number; to: number }[], t: number) => spans.some((s) => s.from <= t && t < s.to);

describe('time spans', () => {
  it('unites overlapping and adjacent spans and drops empty ones', () => {
    expect(unionSpans([{ from: 5, to: 8 }, { from: 0, to: 3 }, { from: 3, to: 4 }, { from: 7, to: 10 }, { from: 12, to: 12 }])).toEqual([
      { from: 0, to: 4 },
      { from: 5, to: 10 },
    ]);
  });

  it('subtracts and clips', () => {
    expect(subtractSpans([{ from: 0, to: 10 }], [{ from: 2, to: 3 }, { from: 8, to: 12 }])).toEqual([
      { from: 0, to: 2 },
      { from: 3, to: 8 },
    ]);
    expect(clipSpans([{ from: 0, to: 10 }, { from: 20, to: 30 }], 5, 25)).toEqual([
      { from: 5, to: 10 },
      { from: 20, to: 25 },
    ]);
  });

  it('union and difference cover exactly the instants they should', () => {
    fc.assert(
      fc.property(spansArb, spansArb, fc.integer({ min: 0, max: 260 }), (a, b, t) => {
        const ua = unionSpans(a);
        const ub = unionSpans(b);
        const diff = subtractSpans(ua, ub);
        expect(covered(ua, t)).toBe(covered(a, t));
        expect(covered(diff, t)).toBe(covered(a, t) && !covered(b, t));
        expect(totalLength(unionSpans([...diff, ...ub]))).toBe(totalLength(unionSpans([...a, ...b])));
      }),
    );
  });
});
