import { describe, expect, it } from 'vitest';
import { parseHhMm, validateShift, validateShiftSet, type ShiftDefinition } from './shift.validation.js';

const shift = (over: Partial<ShiftDefinition>): ShiftDefinition => ({ code: 'A', start: '06:00', end: '14:00', breaks: [], ...over });
const fields = (s: ShiftDefinition) => validateShift(s).map((p) => p.field);

describe('parseHhMm', () => {
  it('parses strict HH:MM and rejects the rest', () => {
    expect(parseHhMm('00:00')).toBe(0);
    expect(parseHhMm('23:59')).toBe(1439);
    for (const bad of ['6:00', '24:00', '12:60', 'ab:cd', '12:00:00', '']) expect(parseHhMm(bad)).toBeNull();
  });
});

describe('validateShift', () => {
  it('accepts a day shift with a break and a night shift with a break across midnight', () => {
    expect(validateShift(shift({ breaks: [{ start: '10:00', end: '10:30' }] }))).toEqual([]);
    expect(validateShift(shift({ start: '22:00', end: '06:00', days: [1, 2, 3, 4, 5], breaks: [{ start: '23:45', end: '00:15' }] }))).toEqual([]);
  });

  it('rejects end equal to start', () => {
    expect(fields(shift({ end: '06:00' }))).toEqual(['end']);
  });

  it('rejects malformed times', () => {
    expect(fields(shift({ start: '6:00', end: '25:00' }))).toEqual(['start', 'end']);
  });

  it('rejects weekdays outside 1..7 and repeated weekdays', () => {
    expect(fields(shift({ days: [0, 8, 1.5, 3, 3] }))).toEqual(['days[0]', 'days[1]', 'days[2]', 'days[4]']);
  });

  it('refuses a shift with no weekday, naming days and saying a shift needs one', () => {
    expect(validateShift(shift({ days: [] }))).toEqual([
      expect.objectContaining({ code: 'INVALID_FIELD', field: 'days', message: expect.stringContaining('at least one day') }),
    ]);
  });

  it('names each repeat of a weekday, not its first listing', () => {
    expect(fields(shift({ days: [1, 1] }))).toEqual(['days[1]']);
    expect(fields(shift({ days: [5, 2, 5, 5] }))).toEqual(['days[2]', 'days[3]']);
    expect(validateShift(shift({ days: [7, 1, 2, 3, 4, 5, 6] }))).toEqual([]);
  });

  it('rejects breaks outside the shift, empty breaks and overlapping breaks', () => {
    expect(fields(shift({ breaks: [{ start: '15:00', end: '15:30' }] }))).toEqual(['breaks[0]']);
    expect(fields(shift({ breaks: [{ start: '05:30', end: '06:30' }] }))).toEqual(['breaks[0]']);
    expect(fields(shift({ breaks: [{ start: '13:45', end: '14:15' }] }))).toEqual(['breaks[0]']);
    expect(fields(shift({ breaks: [{ start: '10:00', end: '10:00' }] }))).toEqual(['breaks[0].end']);
    expect(fields(shift({ breaks: [{ start: '10:00', end: '10:30' }, { start: '10:15', end: '10:45' }] }))).toEqual(['breaks[1]']);
    expect(fields(shift({ breaks: [{ start: '1000', end: '10:30' }] }))).toEqual(['breaks[0].start']);
  });

  it('accepts a break touching both shift ends', () => {
    expect(validateShift(shift({ breaks: [{ start: '06:00', end: '06:15' }, { start: '13:45', end: '14:00' }] }))).toEqual([]);
  });

  it('requires a code', () => {
    expect(fields(shift({ code: ' ' }))).toEqual(['code']);
  });
});

describe('validateShiftSet', () => {
  it('prefixes fields with the shift index and rejects repeated codes', () => {
    const problems = validateShiftSet([shift({}), shift({ end: '06:00' }), shift({ start: '14:00', end: '22:00' })]);
    expect(problems.map((p) => p.field)).toEqual(['shifts[1].end', 'shifts[1].code', 'shifts[2].code']);
  });
});
