import { describe, expect, it } from 'vitest';
import { isNumericDataType, readTyped } from './b2mml-data-type.rules.js';

describe('readTyped', () => {
  it('reads numbers for numeric data types', () => {
    expect(readTyped('41.9', 'double')).toEqual({ ok: true, numeric: true, number: 41.9 });
    expect(readTyped('1e3', 'float')).toMatchObject({ number: 1000 });
    expect(readTyped(' 50 ', 'integer')).toMatchObject({ number: 50 });
    expect(readTyped('.5', 'decimal')).toMatchObject({ number: 0.5 });
    expect(readTyped('12', 'Quantity')).toMatchObject({ number: 12 });
  });

  it('refuses strings that are not numbers for their DataType', () => {
    expect(readTyped('Foo', 'double')).toMatchObject({ ok: false });
    expect(readTyped('1.5', 'integer')).toMatchObject({ ok: false });
    expect(readTyped('1e3', 'decimal')).toMatchObject({ ok: false });
    expect(readTyped('', 'double')).toMatchObject({ ok: false });
  });

  it('enforces integer ranges and signs', () => {
    expect(readTyped('128', 'byte')).toMatchObject({ ok: false });
    expect(readTyped('127', 'byte')).toMatchObject({ ok: true });
    expect(readTyped('0', 'positiveInteger')).toMatchObject({ ok: false });
    expect(readTyped('-1', 'nonNegativeInteger')).toMatchObject({ ok: false });
    expect(readTyped('18446744073709551615', 'unsignedLong')).toMatchObject({ ok: true });
    expect(readTyped('18446744073709551616', 'unsignedLong')).toMatchObject({ ok: false });
  });

  it('accepts INF and NaN as doubles but gives them no number', () => {
    expect(readTyped('INF', 'double')).toEqual({ ok: true, numeric: true, number: null });
    expect(readTyped('NaN', 'float')).toEqual({ ok: true, numeric: true, number: null });
  });

  it('checks booleans, dates, times and durations', () => {
    expect(readTyped('false', 'boolean')).toEqual({ ok: true, numeric: false, number: null });
    expect(readTyped('maybe', 'boolean')).toMatchObject({ ok: false });
    expect(readTyped('2024-01-01', 'date')).toMatchObject({ ok: true });
    expect(readTyped('2024-1-01', 'date')).toMatchObject({ ok: false });
    expect(readTyped('23:59:59', 'time')).toMatchObject({ ok: true });
    expect(readTyped('PT1H', 'duration')).toMatchObject({ ok: true });
    expect(readTyped('2024-01-01T00:00:00Z', 'dateTime')).toMatchObject({ ok: true });
    expect(readTyped('yesterday', 'dateTime')).toMatchObject({ ok: false });
  });

  it('accepts anything for text types and reads a number when there is no DataType', () => {
    expect(readTyped('Foo', 'string')).toEqual({ ok: true, numeric: false, number: null });
    expect(readTyped('42.5', null)).toEqual({ ok: true, numeric: true, number: 42.5 });
    expect(readTyped('Foo', null)).toEqual({ ok: true, numeric: false, number: null });
  });

  it('knows which data types are numeric', () => {
    expect(['double', 'integer', 'Amount', 'unsignedShort'].every(isNumericDataType)).toBe(true);
    expect(['string', 'boolean', 'dateTime'].some(isNumericDataType)).toBe(false);
  });
});
