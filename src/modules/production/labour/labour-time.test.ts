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
      { personId: 'ann', ms: 2 * H, bookings: 1, byShift: [{ code: 'EARLY', from: 6 * H, ms: H }, { code: 'LATE', from: 14 * H, ms: H }], outsideShiftsMs: 0 },
      { personId: 'bob', ms: 3 * H, bookings: 1, byShift: [{ code: 'EARLY', from: 6 * H, ms: H }], outsideShiftsMs: 2 * H },
    ]);
    expect(r.shifts.map((s) => [s.code, s.ms, s.people.map((p) => p.personId)])).toEqual([['EARLY', 2 * H, ['ann', 'bob']], ['LATE', H, ['ann']]]);
  });

  it('per person, time in shifts plus time outside them is the total, for any bookings and non-overlapping shifts', () => {
    const spans = fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.constantFrom('a', 'b', 'c'), fc.boolean()), { maxLength: 12 });
    const cuts = fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 8 });
    fc.assert(fc.property(spans, cuts, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 60, max: 130 }), (raw, rawCuts, wFrom, wTo) => {
      const bookings = raw.map(([a, b, p, open], i) => booking(i, p, Math.min(a, b) * H, open ? null : Math.max(a, b) * H));
      const sorted = [...rawCuts].sort((x, y) => x - y);
      const shifts = sorted.slice(1).map((to, i) => ({ code: `S${i}`, from: sorted[i]! * H, to: to * H }));
      const r = labourReport(bookings, shifts, { from: wFrom * H, to: wTo * H }, 110 * H);
      for (const p of r.people) {
        expect(p.byShift.reduce((s, x) => s + x.ms, 0) + p.outsideShiftsMs).toBe(p.ms);
        expect(p.ms).toBe(bookedMs(bookings.filter((b) => b.personId === p.personId), 110 * H, { from: wFrom * H, to: wTo * H }));
      }
      const total = r.people.reduce((s, p) => s + p.ms - p.outsideShiftsMs, 0);
      expect(r.shifts.reduce((s, x) => s + x.ms, 0)).toBe(total);
    }), { numRuns: 300 });
  });
});
