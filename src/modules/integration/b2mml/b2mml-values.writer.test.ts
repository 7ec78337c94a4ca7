import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal, formatInstant } from './b2mml-values.writer.js';

describe('formatDecimal', () => {
  it('writes plain decimals, never exponents', () => {
    expect(formatDecimal(50)).toBe('50');
    expect(formatDecimal(24.75)).toBe('24.75');
    expect(formatDecimal(1e-7)).toBe('0.0000001');
    expect(formatDecimal(-2.5e-8)).toBe('-0.000000025');
    expect(formatDecimal(1.5e21)).toBe('1500000000000000000000');
  });

  it('keeps the value for every finite number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const text = formatDecimal(v);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(v === 0 ? 0 : v);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses NaN and infinities', () => {
    expect(() => formatDecimal(Number.NaN)).toThrow(RangeError);
    expect(() => formatDecimal(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('formatInstant', () => {
  it('writes ISO strings with offset, epoch milliseconds and dates as UTC xs:dateTime', () => {
    expect(formatInstant('2024-03-04T07:00:00+01:00')).toBe('2024-03-04T06:00:00.000Z');
    expect(formatInstant(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(formatInstant(new Date(Date.UTC(2024, 0, 1)))).toBe('2024-01-01T00:00:00.000Z');
  });

  it('refuses what is not an instant', () => {
    expect(() => formatInstant('soon')).toThrow(RangeError);
  });
});
