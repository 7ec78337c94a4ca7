import {
  expandShifts, plannedSchedule, subtractSpans, unionSpans, type ShiftDefinition, type TimeSpan,
} from '../../modules/equipment/domain/index.js';

/** The plant calendar a virtual machine follows: the site's zone and shifts, and the reasons of its planned stops. */
export interface PlantCalendar {
  readonly timeZone: string;
  /** No shifts: the machine never stops for the calendar. */
  readonly shifts: readonly ShiftDefinition[];
  readonly breakReason: string;
  readonly notScheduledReason: string;
}

/** A planned stop: `[from, to)`, epoch milliseconds, with its reason. */
export interface PlannedStop extends TimeSpan {
  readonly reason: string;
}

const LOOKAHEAD_MS = 3 * 86_400_000;

/**
 * The first planned stop that has not ended at `at` (it may have begun already): a break inside a shift, or time
 * no shift covers. Looks three days ahead; null when nothing in that horizon is planned to stop (or no shifts).
 */
export function nextPlannedStop(calendar: PlantCalendar, at: number): PlannedStop | null {
  if (calendar.shifts.length === 0) return null;
  const window = { from: at, to: at + LOOKAHEAD_MS };
  const schedule = plannedSchedule(expandShifts(calendar.shifts, { timeZone: calendar.timeZone, ...window }), window);
  const unscheduled = subtractSpans([window], unionSpans([...schedule.working, ...schedule.breaks]));
  const stops: PlannedStop[] = [
    ...schedule.breaks.map((b) => ({ ...b, reason: calendar.breakReason })),
    // A gap that reaches the end of the horizon may go on: it is still the next stop, but only up to the horizon.
    ...unscheduled.map((g) => ({ ...g, reason: calendar.notScheduledReason })),
  ].filter((s) => s.to > at);
  stops.sort((a, b) => a.from - b.from);
  return stops[0] ?? null;
}
