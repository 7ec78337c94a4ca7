/** A labour booking as the time arithmetic sees it: [onAt, offAt), an open one runs until "now". */
export interface Booking {
  readonly id: number;
  readonly operationId: string;
  readonly workOrderId: string;
  readonly personId: string;
  readonly onAt: number;
  readonly offAt: number | null;
}

export interface Span {
  readonly from: number;
  readonly to: number;
}

export interface ShiftSpan extends Span {
  readonly code: string;
  /** The shift's scheduled breaks (within the shift). */
  readonly breaks?: readonly Span[];
}

/** Milliseconds of [a) ∩ [b), zero when they do not meet. */
export function overlapMs(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.to, b.to) - Math.max(a.from, b.from));
}

/** The booking's span; an open booking ends at `now`. */
export function spanOf(b: Booking, now: number): Span {
  return { from: b.onAt, to: Math.max(b.onAt, b.offAt ?? now) };
}

/** Total booked milliseconds, each booking clipped to the window when one is given. */
export function bookedMs(bookings: readonly Booking[], now: number, window?: Span): number {
  return bookings.reduce((sum, b) => {
    const s = spanOf(b, now);
    return sum + (window ? overlapMs(s, window) : s.to - s.from);
  }, 0);
}

export interface PersonLabour {
  readonly personId: string;
  readonly ms: number;
  readonly bookings: number;
  readonly byShift: readonly { code: string; from: number; ms: number; breakMs: number }[];
  readonly outsideShiftsMs: number;
  /** Of `ms`, the time booked during the scheduled breaks of the shifts (`ms - breakMs` is the time net of breaks). */
  readonly breakMs: number;
}

export interface ShiftLabour {
  readonly code: string;
  readonly from: number;
  readonly to: number;
  readonly ms: number;
  readonly breakMs: number;
  readonly people: readonly { personId: string; ms: number; breakMs: number }[];
}

export interface LabourReport {
  readonly people: readonly PersonLabour[];
  readonly shifts: readonly ShiftLabour[];
}

/** Milliseconds of the span that fall into the shift's breaks (clipped to the shift). */
function inBreaksMs(span: Span, shift: ShiftSpan): number {
  const inShift = overlapSpan(span, shift);
  return (shift.breaks ?? []).reduce((sum, b) => sum + overlapMs(inShift, b), 0);
}

/**
 * Labour per person and per shift occurrence within a window. Each booking is clipped to the window; the part that
 * falls into no shift is counted as outside shifts, so per person: sum(byShift) + outsideShifts = total. Shifts of a
 * calendar never overlap in a valid calendar; if they do, a minute counts for each shift it is in. Time booked
 * during a shift's scheduled breaks is counted (people do clock through breaks) and also reported as `breakMs`, so
 * a report can show labour net of breaks without guessing.
 */
export function labourReport(bookings: readonly Booking[], shifts: readonly ShiftSpan[], window: Span, now: number): LabourReport {
  const byPerson = new Map<string, Booking[]>();
  for (const b of bookings) byPerson.set(b.personId, [...(byPerson.get(b.personId) ?? []), b]);
  const people = [...byPerson.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([personId, own]): PersonLabour => {
      const ms = bookedMs(own, now, window);
      const spans = own.map((b) => overlapSpan(spanOf(b, now), window));
      const byShift = shifts
        .map((s) => ({ code: s.code, from: s.from, ms: spans.reduce((sum, x) => sum + overlapMs(x, s), 0), breakMs: spans.reduce((sum, x) => sum + inBreaksMs(x, s), 0) }))
        .filter((s) => s.ms > 0);
      const inShifts = byShift.reduce((sum, s) => sum + s.ms, 0);
      return {
        personId, ms, bookings: own.filter((b) => overlapMs(spanOf(b, now), window) > 0).length, byShift,
        outsideShiftsMs: Math.max(0, ms - inShifts), breakMs: byShift.reduce((sum, s) => sum + s.breakMs, 0),
      };
    })
    .filter((p) => p.bookings > 0);
  const shiftRows = shifts.map((s): ShiftLabour => {
    const clipped = overlapSpan(s, window);
    const rows = people
      .map((p) => {
        const own = p.byShift.filter((x) => x.code === s.code && x.from === s.from);
        return { personId: p.personId, ms: own.reduce((sum, x) => sum + x.ms, 0), breakMs: own.reduce((sum, x) => sum + x.breakMs, 0) };
      })
      .filter((r) => r.ms > 0);
    return { code: s.code, from: clipped.from, to: clipped.to, ms: rows.reduce((sum, r) => sum + r.ms, 0), breakMs: rows.reduce((sum, r) => sum + r.breakMs, 0), people: rows };
  });
  return { people, shifts: shiftRows };
}

function overlapSpan(a: Span, b: Span): Span {
  const from = Math.max(a.from, b.from);
  return { from, to: Math.max(from, Math.min(a.to, b.to)) };
}
