import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plannedSchedule, scheduledMs } from './planned-schedule.js';
import { expandShifts, type ShiftOccurrence } from './shift-calendar.js';
import type { ShiftDefinition } from './shift.validation.js';
import { subtractSpans, totalLength, unionSpans, type TimeSpan } from './time-span.js';

const z = (iso: string) => Date.parse(iso);
const M = 60_000;
const H = 60 * M;
const covered = (spans: readonly TimeSpan[], t: number) => spans.some((s) => s.from <= t && t < s.to);
const onBreak = (o: ShiftOccurrence, t: number) => covered(o.breaks, t);

describe('plannedSchedule with overlapping shifts', () => {
  // The night shift hands over at 06:00 and takes its last half hour as a break; the early shift starts at 05:00.
  const night: ShiftDefinition = { code: 'NIGHT', start: '22:00', end: '06:00', breaks: [{ start: '05:30', end: '06:00' }] };
  const early: ShiftDefinition = { code: 'EARLY', start: '05:00', end: '13:00', breaks: [{ start: '09:00', end: '09:30' }] };
  const window = { from: z('2024-06-03T22:00:00Z'), to: z('2024-06-04T13:00:00Z') };

  it('keeps time planned where the night shift is on its break but the early shift it overlaps works', () => {
    const s = plannedSchedule(expandShifts([night, early], { timeZone: 'UTC', ...window }), window);
    expect(s.working).toEqual([
      { from: z('2024-06-03T22:00:00Z'), to: z('2024-06-04T09:00:00Z') },
      { from: z('2024-06-04T09:30:00Z'), to: z('2024-06-04T13:00:00Z') },
    ]);
    expect(s.breaks).toEqual([{ from: z('2024-06-04T09:00:00Z'), to: z('2024-06-04T09:30:00Z') }]);
    expect(scheduledMs(s)).toBe(15 * H);
  });

  it('keeps time planned where the early shift is on its break but the night shift it overlaps works', () => {
    const s = plannedSchedule([
      { code: 'NIGHT', from: 0, to: 8 * H, breaks: [] },
      { code: 'EARLY', from: 7 * H, to: 15 * H, breaks: [{ from: 7 * H, to: 7 * H + 30 * M }] },
    ]);
    expect(s.working).toEqual([{ from: 0, to: 15 * H }]);
    expect(s.breaks).toEqual([]);
  });

  it('counts a break where every shift covering the time is on its break', () => {
    const s = plannedSchedule([
      { code: 'A', from: 0, to: 8 * H, breaks: [{ from: 4 * H, to: 5 * H }] },
      { code: 'B', from: 3 * H, to: 11 * H, breaks: [{ from: 4 * H + 30 * M, to: 5 * H + 30 * M }] },
    ]);
    expect(s.breaks).toEqual([{ from: 4 * H + 30 * M, to: 5 * H }]);
    expect(s.working).toEqual([{ from: 0, to: 4 * H + 30 * M }, { from: 5 * H, to: 11 * H }]);
  });

  it('ignores the part of a break lying outside its own shift, even where another shift works', () => {
    const s = plannedSchedule([
      { code: 'A', from: 0, to: 4 * H, breaks: [{ from: 3 * H, to: 5 * H }] },
      { code: 'B', from: 4 * H, to: 8 * H, breaks: [] },
    ]);
    expect(s.breaks).toEqual([{ from: 3 * H, to: 4 * H }]);
    expect(s.working).toEqual([{ from: 0, to: 3 * H }, { from: 4 * H, to: 8 * H }]);
  });
});

/** Shift occurrences on a minute grid, each with breaks inside it (as `expandShifts` gives them). */
const occurrencesArb = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 1440 }),
      fc.integer({ min: 1, max: 720 }),
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 3 }),
    ),
    { maxLength: 5 },
  )
  .map((shifts) =>
    shifts.map(([start, length, breaks], i): ShiftOccurrence => ({
      code: `S${i}`,
      from: start * M,
      to: (start + length) * M,
      breaks: breaks
        .map(([a, b]) => [Math.floor(Math.min(a, b) * length), Math.floor(Math.max(a, b) * length)] as const)
        .filter(([a, b]) => b > a)
        .map(([a, b]) => ({ from: (start + a) * M, to: (start + b) * M })),
    })),
  );
const windowArb = fc.option(
  fc.tuple(fc.integer({ min: -60, max: 2200 }), fc.integer({ min: 0, max: 2200 })).map(([a, l]) => ({ from: a * M, to: (a + l) * M })),
  { nil: undefined },
);

describe('plannedSchedule (properties)', () => {
  it('plans a minute exactly when some shift covering it is not on its own break, inside the window', () => {
    fc.assert(
      fc.property(occurrencesArb, windowArb, fc.integer({ min: -60, max: 2200 }), (occ, window, minute) => {
        const s = plannedSchedule(occ, window);
        const t = minute * M;
        const inWindow = window === undefined || (window.from <= t && t < window.to);
        const inShift = occ.some((o) => o.from <= t && t < o.to);
        const working = occ.some((o) => o.from <= t && t < o.to && !onBreak(o, t));
        expect(covered(s.working, t)).toBe(inWindow && working);
        expect(covered(s.breaks, t)).toBe(inWindow && inShift && !working);
      }),
      { numRuns: 300 },
    );
  });

  it('never plans more than the union of shift times, and working time and breaks make up exactly that union', () => {
    fc.assert(
      fc.property(occurrencesArb, (occ) => {
        const s = plannedSchedule(occ);
        const shifts = unionSpans(occ);
        expect(subtractSpans(s.working, shifts)).toEqual([]);
        expect(subtractSpans(s.breaks, shifts)).toEqual([]);
        expect(subtractSpans(s.working, s.breaks)).toEqual(s.working);
        expect(totalLength(s.working)).toBeLessThanOrEqual(totalLength(shifts));
        expect(scheduledMs(s)).toBe(totalLength(shifts));
      }),
    );
  });

  it('never lets the break of one shift remove time another shift works', () => {
    fc.assert(
      fc.property(occurrencesArb, (occ) => {
        const s = plannedSchedule(occ);
        for (const o of occ) {
          const worksOn = subtractSpans([{ from: o.from, to: o.to }], unionSpans(o.breaks));
          expect(subtractSpans(worksOn, s.working)).toEqual([]);
        }
      }),
    );
  });

  it('gives sorted, disjoint spans whatever order the occurrences come in', () => {
    fc.assert(
      fc.property(occurrencesArb.chain((occ) => fc.tuple(fc.constant(occ), fc.shuffledSubarray(occ, { minLength: occ.length, maxLength: occ.length }))), ([occ, shuffled]) => {
        const s = plannedSchedule(occ);
        expect(plannedSchedule(shuffled)).toEqual(s);
        expect(unionSpans(s.working)).toEqual(s.working);
        expect(unionSpans(s.breaks)).toEqual(s.breaks);
      }),
    );
  });
});
