import { describe, expect, it } from 'vitest';
import { daySlices, localDays } from './local-days.js';

const H = 3_600_000;

describe('site-local days of a report window', () => {
  it('cuts at local midnight, with 23 and 25 hour days across daylight saving', () => {
    const days = localDays('Europe/Berlin', Date.parse('2025-03-29T12:00:00Z'), Date.parse('2025-03-31T00:00:00Z'));
    expect(days.map((d) => [new Date(d.from).toISOString(), (d.to - d.from) / H])).toEqual([
      ['2025-03-28T23:00:00.000Z', 24],
      ['2025-03-29T23:00:00.000Z', 23], // clocks go forward on Sunday 30 March
      ['2025-03-30T22:00:00.000Z', 24],
    ]);
    const fallBack = localDays('Europe/Berlin', Date.parse('2025-10-26T12:00:00Z'), Date.parse('2025-10-26T13:00:00Z'));
    expect((fallBack[0]!.to - fallBack[0]!.from) / H).toBe(25);
  });

  it('marks the days the window covers whole and clips the schedule to each part', () => {
    const from = Date.parse('2025-01-01T12:00:00Z');
    const to = Date.parse('2025-01-03T00:00:00Z');
    const slices = daySlices('UTC', { from, to }, { working: [{ from, to }], breaks: [] });
    expect(slices.map((s) => [s.whole, (s.part.to - s.part.from) / H, s.schedule.working.length])).toEqual([[false, 12, 1], [true, 24, 1]]);
  });
});
