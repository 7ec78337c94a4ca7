import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPARKPLUG_SCALAR_TYPES } from './sparkplug-datatype.codes.js';
import { fromWireValue, toWireValue } from './sparkplug-metric-value.mapper.js';
import { scalarValue } from './sparkplug-payload.arbitraries.test-support.js';

describe('metric value mapping', () => {
  it.each(SPARKPLUG_SCALAR_TYPES)('gives back every %s value through its wire form (property)', (datatype) => {
    fc.assert(fc.property(scalarValue(datatype), (value) => {
      const wire = toWireValue(datatype, value);
      expect(wire.ok).toBe(true);
      if (wire.ok) expect(fromWireValue(datatype, wire.value)).toEqual({ ok: true, value });
    }), { numRuns: 200 });
  });

  it('reads signed 8/16-bit values sign-extended or zero-extended, and nothing in between', () => {
    expect(fromWireValue('Int8', { kind: 'int', value: 0xffff_ff80 })).toEqual({ ok: true, value: -128 });
    expect(fromWireValue('Int8', { kind: 'int', value: 0x80 })).toEqual({ ok: true, value: -128 });
    expect(fromWireValue('Int16', { kind: 'int', value: 0xffff_8000 })).toEqual({ ok: true, value: -32768 });
    expect(fromWireValue('Int16', { kind: 'int', value: 0xffff })).toEqual({ ok: true, value: -1 });
    expect(fromWireValue('Int8', { kind: 'int', value: 0x1ff })).toMatchObject({ ok: false, reason: 'value-out-of-range' });
    expect(fromWireValue('UInt8', { kind: 'int', value: 256 })).toMatchObject({ ok: false, reason: 'value-out-of-range' });
  });

  it('refuses a DateTime beyond 2^53-1 instead of rounding it', () => {
    expect(fromWireValue('DateTime', { kind: 'long', value: 1n << 60n })).toMatchObject({ ok: false, reason: 'value-out-of-range' });
  });

  it('reports a value carried in the wrong member for its datatype', () => {
    expect(fromWireValue('Int32', { kind: 'string', value: '1' })).toMatchObject({ ok: false, reason: 'wire-kind-mismatch' });
    expect(fromWireValue('Boolean', { kind: 'int', value: 1 })).toMatchObject({ ok: false, reason: 'wire-kind-mismatch' });
    expect(toWireValue('Double', 'x')).toMatchObject({ ok: false, reason: 'wire-kind-mismatch' });
  });

  it('keeps packed array types as their bytes and refuses types a metric cannot carry', () => {
    const packed = Uint8Array.from([0xef, 0x7b]);
    expect(fromWireValue('Int8Array', { kind: 'bytes', value: packed })).toEqual({ ok: true, value: packed });
    expect(toWireValue('PropertySet', 1)).toMatchObject({ ok: false, reason: 'unsupported-datatype' });
    expect(fromWireValue('Unknown', { kind: 'int', value: 1 })).toMatchObject({ ok: false, reason: 'unsupported-datatype' });
  });

  it('accepts safe integers for 64-bit types and refuses values outside their range', () => {
    expect(toWireValue('Int64', -1)).toEqual({ ok: true, value: { kind: 'long', value: (1n << 64n) - 1n } });
    expect(toWireValue('UInt64', -1n)).toMatchObject({ ok: false, reason: 'value-out-of-range' });
    expect(toWireValue('Int64', 1n << 63n)).toMatchObject({ ok: false, reason: 'value-out-of-range' });
    expect(toWireValue('Int32', 2 ** 31)).toMatchObject({ ok: false, reason: 'value-out-of-range' });
  });
});
