import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookedMs, labourReport, type Booking, type ShiftSpan } from './labour-time.js';

const H = 3_600_000;
const booking = (id: number, personId: string, onAt: number, offAt: number | null): Booking => ({ id, operationId: 'OP', workOrderId: 'WO', personId, onAt, offAt });

describe('labour time', () => {
  it('counts an open booking up to now and clips to the window', () => {
    expect(bookedMs([booking(1, 'ann', 0, null)], 3 * H)).toBe(3 * H);
    expect(bookedMs([booking(1, 'ann', 0, 4 * H)], 10 * H, { from: H, to: 2 * H })).toBe(H);
  });

  it('splits a person\'s time over the shifts it falls in and keeps the rest outside shifts', () => {
    const shifts: ShiftSpan[] = [{ code: 'EARLY', from: 6 * H, to: 14 * H }, { code: 'LATE', from: 14 * H, to: 22 * H }];
    const r = labourReport([booking(1, 'ann', 13 * H, 15 * H), booking(2, 'bob', 4 * H, 7 * H)], shifts, { from: 0, to: 24 * H }, 24 * H);
    expect(r.people).toEqual([
      { personId: 'ann', ms: 2 * H, bookings: 1, byShift: [{ code: 'EARLY', from: 6 * H, ms: H, breakMs: 0 }, { code: 'LATE', from: 14 * H, ms: H, breakMs: 0 }], outsideShiftsMs: 0, breakMs: 0 },
      { personId: 'bob', ms: 3 * H, bookings: 1, byShift: [{ code: 'EARLY', from: 6 * H, ms: H, breakMs: 0 }], outsideShiftsMs: 2 * H, breakMs: 0 },
    ]);
    expect(r.shifts.map((s) => [s.code, s.ms, s.people.map((p) => p.personId)])).toEqual([['EARLY', 2 * H, ['ann', 'bob']], ['LATE', H, ['ann']]]);
  });

  it('reports the booked time that fell into scheduled breaks, per person and per shift, clipped to the window', () => {
    const M = 60_000;
    const shifts: ShiftSpan[] = [
      { code: 'EARLY', from: 6 * H, to: 14 * H, breaks: [{ from: 9 * H, to: 9 * H + 15 * M }, { from: 12 * H, to: 12 * H + 30 * M }] },
      { code: 'LATE', from: 14 * H, to: 22 * H, breaks: [{ from: 18 * H, to: 18 * H + 30 * M }] },
    ];
    // ann works through both early breaks and half of the late one; bob clocks off before the first break.
    const r = labourReport([booking(1, 'ann', 8 * H, 18 * H + 15 * M), booking(2, 'bob', 6 * H, 9 * H)], shifts, { from: 0, to: 24 * H }, 24 * H);
    const ann = r.people.find((p) => p.personId === 'ann');
    expect(ann?.breakMs).toBe(45 * M + 15 * M);
    expect(ann?.byShift.map((s) => [s.code, s.ms, s.breakMs])).toEqual([['EARLY', 6 * H, 45 * M], ['LATE', 4 * H + 15 * M, 15 * M]]);
    expect(r.people.find((p) => p.personId === 'bob')?.breakMs).toBe(0);
    expect(r.shifts.map((s) => [s.code, s.breakMs, s.people.map((p) => [p.personId, p.breakMs])])).toEqual([
      ['EARLY', 45 * M, [['ann', 45 * M], ['bob', 0]]], ['LATE', 15 * M, [['ann', 15 * M]]],
    ]);
    // A window ending inside the 12:00 break counts only its first 10 minutes.
    const clipped = labourReport([booking(1, 'ann', 8 * H, 18 * H)], shifts, { from: 0, to: 12 * H + 10 * M }, 24 * H);
    expect(clipped.people[0]?.breakMs).toBe(15 * M + 10 * M);
  });

  it('per person, time in shifts plus time outside them is the total, for any bookings and non-overlapping shifts', () => {
    const spans = fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.constantFrom('a', 'b', 'c'), fc.boolean()), { maxLength: 12 });
    const cuts = fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 8 });
    fc.assert(fc.property(spans, cuts, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 60, max: 130 }), (raw, rawCuts, wFrom, wTo) => {
      const bookings = raw.map(([a, b, p, open], i) => booking(i, p, Math.min(a, b) * H, open ? null : Math.max(a, b) * H));
      const sorted = [...rawCuts].sort((x, y) => x - y);
      // Each shift gets a break in its second half hour when it is long enough.
      const shifts = sorted.slice(1).map((to, i) => ({ code: `S${i}`, from: sorted[i]! * H, to: to * H, breaks: to - sorted[i]! >= 1 ? [{ from: sorted[i]! * H + H / 2, to: sorted[i]! * H + H }] : [] }));
      const r = labourReport(bookings, shifts, { from: wFrom * H, to: wTo * H }, 110 * H);
      for (const p of r.people) {
        expect(p.byShift.reduce((s, x) => s + x.ms, 0) + p.outsideShiftsMs).toBe(p.ms);
        for (const x of p.byShift) expect(x.breakMs).toBeLessThanOrEqual(x.ms);
        expect(p.ms).toBe(bookedMs(bookings.filter((b) => b.personId === p.personId), 110 * H, { from: wFrom * H, to: wTo * H }));
      }
      const total = r.people.reduce((s, p) => s + p.ms - p.outsideShiftsMs, 0);
      expect(r.shifts.reduce((s, x) => s + x.ms, 0)).toBe(total);
    }), { numRuns: 300 });
  });
});
