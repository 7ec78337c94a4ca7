import { describe, expect, it } from 'vitest';
import { plannedSchedule, scheduledMs } from './planned-schedule.js';
import { expandShifts } from './shift-calendar.js';
import type { ShiftDefinition } from './shift.validation.js';

const z = (iso: string) => Date.parse(iso);
const H = 3_600_000;
const day: ShiftDefinition = { code: 'DAY', start: '06:00', end: '14:00', breaks: [{ start: '10:00', end: '10:30' }] };
const night: ShiftDefinition = { code: 'NIGHT', start: '22:00', end: '06:00', breaks: [{ start: '23:45', end: '00:15' }] };

describe('expandShifts in Europe/Berlin across DST', () => {
  const timeZone = 'Europe/Berlin';

  it('keeps the local start of a day shift when the offset changes (06:00 CET then 06:00 CEST)', () => {
    const occ = expandShifts([day], { timeZone, from: z('2024-03-29T23:00:00Z'), to: z('2024-03-31T22:00:00Z') });
    expect(occ.map((o) => [new Date(o.from).toISOString(), (o.to - o.from) / H])).toEqual([
      ['2024-03-30T05:00:00.000Z', 8],
      ['2024-03-31T04:00:00.000Z', 8],
    ]);
    expect(occ[1]?.breaks).toEqual([{ from: z('2024-03-31T08:00:00Z'), to: z('2024-03-31T08:30:00Z') }]);
  });

  it('gives the night shift 7 hours on the spring-forward night and 9 hours on the fall-back night', () => {
    const spring = expandShifts([night], { timeZone, from: z('2024-03-30T12:00:00Z'), to: z('2024-03-31T12:00:00Z') });
    expect(spring).toHaveLength(1);
    expect(spring[0]?.from).toBe(z('2024-03-30T21:00:00Z'));
    expect(spring[0]?.to).toBe(z('2024-03-31T04:00:00Z'));
    const fall = expandShifts([night], { timeZone, from: z('2024-10-26T12:00:00Z'), to: z('2024-10-27T12:00:00Z') });
    expect(fall).toHaveLength(1);
    expect(fall[0]?.from).toBe(z('2024-10-26T20:00:00Z'));
    expect(fall[0]?.to).toBe(z('2024-10-27T05:00:00Z'));
    expect(((fall[0]?.to ?? 0) - (fall[0]?.from ?? 0)) / H).toBe(9);
    // The break across midnight happens before the clocks go back: 23:45-00:15 CEST.
    expect(fall[0]?.breaks).toEqual([{ from: z('2024-10-26T21:45:00Z'), to: z('2024-10-26T22:15:00Z') }]);
  });
});

describe('expandShifts in America/New_York across DST', () => {
  const timeZone = 'America/New_York';
  const early: ShiftDefinition = { code: 'EARLY', start: '01:00', end: '03:00', breaks: [] };

  it('makes a 01:00-03:00 shift last 1 hour on the spring-forward day and 3 hours on the fall-back day', () => {
    const spring = expandShifts([early], { timeZone, from: z('2024-03-10T05:00:00Z'), to: z('2024-03-10T12:00:00Z') });
    expect(spring.map((o) => [o.from, o.to])).toEqual([[z('2024-03-10T06:00:00Z'), z('2024-03-10T07:00:00Z')]]);
    const fall = expandShifts([early], { timeZone, from: z('2024-11-03T04:00:00Z'), to: z('2024-11-03T12:00:00Z') });
    expect(fall.map((o) => [o.from, o.to])).toEqual([[z('2024-11-03T05:00:00Z'), z('2024-11-03T08:00:00Z')]]);
  });

  it('gives a 22:00-06:00 night 7 hours in March and 9 hours in November', () => {
    const spring = expandShifts([night], { timeZone, from: z('2024-03-09T12:00:00Z'), to: z('2024-03-10T12:00:00Z') });
    expect(spring.map((o) => (o.to - o.from) / H)).toEqual([7]);
    const fall = expandShifts([night], { timeZone, from: z('2024-11-02T12:00:00Z'), to: z('2024-11-03T12:00:00Z') });
    expect(fall.map((o) => (o.to - o.from) / H)).toEqual([9]);
  });

  it('moves the UTC start of the day shift by one hour after the spring change', () => {
    const occ = expandShifts([day], { timeZone, from: z('2024-03-09T00:00:00Z'), to: z('2024-03-11T00:00:00Z') });
    expect(occ.map((o) => new Date(o.from).toISOString())).toEqual(['2024-03-09T11:00:00.000Z', '2024-03-10T10:00:00.000Z']);
  });
});

describe('expandShifts', () => {
  it('honours ISO weekdays of the shift start: a Friday night shift runs into Saturday, none starts at the weekend', () => {
    const weekdaysNight = { ...night, days: [1, 2, 3, 4, 5] };
    // Friday 2024-06-07 to Monday 2024-06-10 (zone UTC for clarity). Thursday's night runs into the window.
    const occ = expandShifts([weekdaysNight], { timeZone: 'UTC', from: z('2024-06-07T00:00:00Z'), to: z('2024-06-10T23:59:00Z') });
    expect(occ.map((o) => new Date(o.from).toISOString())).toEqual([
      '2024-06-06T22:00:00.000Z',
      '2024-06-07T22:00:00.000Z',
      '2024-06-10T22:00:00.000Z',
    ]);
    expect(occ[1]?.to).toBe(z('2024-06-08T06:00:00Z'));
  });

  it('includes a night shift started the day before the window and sorts by start then code', () => {
    const occ = expandShifts([night, day], { timeZone: 'UTC', from: z('2024-06-03T00:00:00Z'), to: z('2024-06-04T00:00:00Z') });
    expect(occ.map((o) => o.code)).toEqual(['NIGHT', 'DAY', 'NIGHT']);
    expect(occ[0]?.from).toBe(z('2024-06-02T22:00:00Z'));
  });

  it('skips definitions whose times are invalid and returns nothing for an empty window', () => {
    const bad: ShiftDefinition = { code: 'BAD', start: '06:00', end: '06:00', breaks: [] };
    expect(expandShifts([bad], { timeZone: 'UTC', from: 0, to: 10 * 86_400_000 })).toEqual([]);
    expect(expandShifts([day], { timeZone: 'UTC', from: 100, to: 100 })).toEqual([]);
  });
});

describe('plannedSchedule', () => {
  it('splits shift time into working time and breaks, clipped to the window', () => {
    const occ = expandShifts([day], { timeZone: 'UTC', from: z('2024-06-03T00:00:00Z'), to: z('2024-06-04T00:00:00Z') });
    const s = plannedSchedule(occ, { from: z('2024-06-03T08:00:00Z'), to: z('2024-06-04T00:00:00Z') });
    expect(s.working).toEqual([
      { from: z('2024-06-03T08:00:00Z'), to: z('2024-06-03T10:00:00Z') },
      { from: z('2024-06-03T10:30:00Z'), to: z('2024-06-03T14:00:00Z') },
    ]);
    expect(s.breaks).toEqual([{ from: z('2024-06-03T10:00:00Z'), to: z('2024-06-03T10:30:00Z') }]);
    expect(scheduledMs(s)).toBe(6 * H);
  });

  it('counts overlapping shifts once', () => {
    const s = plannedSchedule([
      { code: 'A', from: 0, to: 10 * H, breaks: [] },
      { code: 'B', from: 8 * H, to: 16 * H, breaks: [{ from: 12 * H, to: 13 * H }] },
    ]);
    expect(scheduledMs(s)).toBe(16 * H);
    expect(s.breaks).toEqual([{ from: 12 * H, to: 13 * H }]);
  });
});
