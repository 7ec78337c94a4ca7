import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteInterner } from './byte-interner.js';
import { compare } from './trace-graph.js';

describe('ids interned as bytes', () => {
  it('gives each distinct string one number, finds it again, gives it back, through many table growths', () => {
    const ids = new ByteInterner();
    const values = Array.from({ length: 20_000 }, (_, i) => `L${(i * 7919) % 20_011}-${i % 7}`);
    const numbers = values.map((v) => ids.id(v));
    expect(ids.size).toBe(new Set(values).size);
    values.forEach((v, i) => {
      expect(ids.id(v)).toBe(numbers[i]);
      expect(ids.find(v)).toBe(numbers[i]);
      expect(ids.value(numbers[i] as number)).toBe(v);
    });
    expect(ids.find('L-never')).toBeUndefined();
    expect(ids.plain).toBe(true);
  });

  it('keeps any string exactly, orders plain ones as strings, and says when one needs escapes in JSON', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 40 }), fc.array(fc.string({ unit: fc.constantFrom('a', 'B', '0', '.', '-', ':', '_') }), { maxLength: 40 }), (any, plain) => {
        const ids = new ByteInterner();
        const numbers = [...any, ...plain].map((v) => ids.id(v));
        [...any, ...plain].forEach((v, i) => expect(ids.value(numbers[i] as number)).toBe(v));
        expect(ids.size).toBe(new Set([...any, ...plain]).size);
        const needsEscape = [...any, ...plain].some((v) => JSON.stringify(v) !== `"${v}"` || /[^\x20-\x7e]/.test(v));
        expect(ids.plain).toBe(!needsEscape);
        if (ids.plain) {
          for (let a = 0; a < ids.size; a += 1) for (let b = 0; b < ids.size; b += 1) expect(Math.sign(ids.compare(a, b))).toBe(Math.sign(compare(ids.value(a), ids.value(b))));
        }
      }),
    );
  });
});
