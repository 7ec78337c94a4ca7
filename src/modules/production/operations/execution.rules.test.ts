import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bomBand } from './execution.rules.js';

describe('the band a BOM line allows for an output', () => {
  it('is the BOM quantity for the output, with its tolerance above and below', () => {
    expect(bomBand({ quantity: 0.85, tolerance: 0.01 }, 300)).toEqual({ quantity: 255, low: 252.45, high: 257.55 });
    expect(bomBand({ quantity: 0.1, tolerance: 0 }, 97)).toEqual({ quantity: 9.7, low: 9.7, high: 9.7 });
  });

  it('always holds its quantity between low and high, without float noise at two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 1_000_000 }), (q, tol, out) => {
        const band = bomBand({ quantity: q / 100, tolerance: tol / 100 }, out);
        expect(band.low).toBeLessThanOrEqual(band.quantity);
        expect(band.quantity).toBeLessThanOrEqual(band.high);
        expect(band.quantity).toBe(Math.round(q * out) / 100);
      }),
    );
  });
});
