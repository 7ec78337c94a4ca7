import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday, isValidTimeZone, offsetAt, utcToWallClock, wallClockToUtc } from './time-zone.js';

const z = (iso: string) => Date.parse(iso);
const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

describe('wallClockToUtc in Europe/Berlin', () => {
  it('uses CET in winter and CEST in summer', () => {
    expect(wallClockToUtc(BERLIN, { year: 2024, month: 1, day: 15 }, 6 * 60)).toBe(z('2024-01-15T05:00:00Z'));
    expect(wallClockToUtc(BERLIN, { year: 2024, month: 7, day: 15 }, 6 * 60)).toBe(z('2024-07-15T04:00:00Z'));
  });

  it('moves a wall time inside the spring-forward gap past the gap (02:30 → 03:30 CEST)', () => {
    expect(wallClockToUtc(BERLIN, { year: 2024, month: 3, day: 31 }, 2 * 60 + 30)).toBe(z('2024-03-31T01:30:00Z'));
  });

  it('resolves the repeated fall-back hour to the earlier instant (CEST)', () => {
    expect(wallClockToUtc(BERLIN, { year: 2024, month: 10, day: 27 }, 2 * 60 + 30)).toBe(z('2024-10-27T00:30:00Z'));
  });

  it('rolls minutes past midnight into the next day', () => {
    expect(wallClockToUtc(BERLIN, { year: 2024, month: 10, day: 26 }, 1440 + 6 * 60)).toBe(z('2024-10-27T05:00:00Z'));
  });
});

describe('wallClockToUtc in America/New_York', () => {
  it('moves 02:30 on the spring-forward day to 03:30 EDT', () => {
    expect(wallClockToUtc(NEW_YORK, { year: 2024, month: 3, day: 10 }, 2 * 60 + 30)).toBe(z('2024-03-10T07:30:00Z'));
  });

  it('resolves 01:30 on the fall-back day to the earlier instant (EDT)', () => {
    expect(wallClockToUtc(NEW_YORK, { year: 2024, month: 11, day: 3 }, 60 + 30)).toBe(z('2024-11-03T05:30:00Z'));
  });
});

describe('offsets and calendar helpers', () => {
  it('reads the offset at an instant', () => {
    expect(offsetAt(NEW_YORK, z('2024-01-01T12:00:00Z'))).toBe(-5 * 3_600_000);
    expect(offsetAt(NEW_YORK, z('2024-07-01T12:00:00Z'))).toBe(-4 * 3_600_000);
    expect(offsetAt('UTC', z('2024-07-01T12:00:00Z'))).toBe(0);
  });

  it('shows the wall clock at an instant', () => {
    expect(utcToWallClock(BERLIN, z('2024-10-27T00:30:00Z'))).toEqual({ year: 2024, month: 10, day: 27, hour: 2, minute: 30, second: 0 });
    expect(utcToWallClock(BERLIN, z('2024-10-27T01:30:00Z'))).toEqual({ year: 2024, month: 10, day: 27, hour: 2, minute: 30, second: 0 });
  });

  it('knows ISO weekdays and day arithmetic across month ends', () => {
    expect(isoWeekday({ year: 2024, month: 6, day: 3 })).toBe(1);
    expect(isoWeekday({ year: 2024, month: 6, day: 9 })).toBe(7);
    expect(addDays({ year: 2024, month: 2, day: 28 }, 2)).toEqual({ year: 2024, month: 3, day: 1 });
  });

  it('tells valid IANA zones from invalid ones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('round-trips every minute instant through its wall clock (earlier instant when the wall time repeats)', () => {
    const zones = [BERLIN, NEW_YORK, 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 15_000_000, max: 35_000_000 }), (zone, minutes) => {
        const t = minutes * 60_000;
        const w = utcToWallClock(zone, t);
        const back = wallClockToUtc(zone, w, w.hour * 60 + w.minute);
        if (back !== t) {
          expect(back).toBeLessThan(t);
          expect(utcToWallClock(zone, back)).toEqual(w);
        }
      }),
    );
  });
});
