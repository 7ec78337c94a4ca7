import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CommandRunner } from '../../../platform/commands/command-runner.js';
import { notFound, refuseIfAny, violation } from '../../../platform/errors/violation.js';
import { idField, reasonField } from '../../../platform/http/fields.js';
import { ANY_ROLE, commandRoute, queryRoute } from '../../../platform/http/route-kit.js';
import { iso, isoTime } from '../../../platform/http/time.js';
import type { Store } from '../../../platform/store/database.js';
import { expandShifts, shiftsOf } from '../../equipment/index.js';
import { findNode } from '../../resources/index.js';
import { findOperation, findOrder } from '../work-orders/work-order.repository.js';
import { clockOff, clockOn, setLabourPolicy } from './clock-on-off.js';
import { bookedMs, labourReport } from './labour-time.js';
import { bookingsOfOperation, bookingsOfOrder, bookingsOverlapping, clockedOnNow, concurrentAllowed, type StoredBooking } from './labour.repository.js';

const opParams = z.strictObject({ id: z.string().min(1).max(120) });
const clockBody = z.strictObject({ personId: idField.optional() });
const MAX_REPORT_MS = 366 * 86_400_000;
const minutes = (ms: number): number => Math.round((ms / 60_000) * 100) / 100;
/** Booked minutes, the part of them in scheduled breaks, and the minutes net of breaks. */
const withBreaks = (x: { ms: number; breakMs: number }) => ({ minutes: minutes(x.ms), breakMinutes: minutes(x.breakMs), netMinutes: minutes(x.ms - x.breakMs) });

function presentBooking(b: StoredBooking, now: number) {
  return { ...b, onAt: iso(b.onAt), offAt: iso(b.offAt), open: b.offAt === null, minutes: minutes(bookedMs([b], now)) };
}

/** Labour time of a set of bookings: total and per person, open bookings counted up to now. */
function labourSummary(bookings: readonly StoredBooking[], now: number) {
  const people = [...new Set(bookings.map((b) => b.personId))].sort();
  return {
    minutes: minutes(bookedMs(bookings, now)),
    byPerson: people.map((personId) => ({ personId, minutes: minutes(bookedMs(bookings.filter((b) => b.personId === personId), now)) })),
    bookings: bookings.map((b) => presentBooking(b, now)),
  };
}

/** Clock on/off, labour time per operation and order, who is clocked on now, the report per person and shift. */
export function registerLabourRoutes(app: FastifyInstance, runner: CommandRunner, store: Store): void {
  for (const [verb, cmd] of [['clock-on', clockOn], ['clock-off', clockOff]] as const) {
    commandRoute(app, runner, {
      method: 'POST', url: `/api/v1/operations/:id/${verb}`, roles: ['operator', 'supervisor'], tags: ['labour'],
      summary: `${verb === 'clock-on' ? 'Clock a person on' : 'Clock a person off'} an operation (the acting person by default; a supervisor may give personId)`,
      params: opParams, body: clockBody, command: cmd as typeof clockOn, input: (p, b) => ({ operationId: p.id, personId: b.personId }),
      present: (r) => ({ ...r, onAt: iso(r.onAt), ...('offAt' in r ? { offAt: iso(r.offAt as number) } : {}) }),
    });
  }
  commandRoute(app, runner, {
    method: 'PUT', url: '/api/v1/labour/policy', roles: ['supervisor'], tags: ['labour'], summary: 'Whether a person may be clocked on several operations at once',
    body: z.strictObject({ allowConcurrentOperations: z.boolean(), reason: reasonField.optional() }), command: setLabourPolicy, input: (_p, b) => b,
  });
  queryRoute(app, {
    url: '/api/v1/labour/policy', roles: ANY_ROLE, summary: 'The labour policy', tags: ['labour'],
    handler: async () => ({ allowConcurrentOperations: await concurrentAllowed(store.db) }),
  });
  queryRoute(app, {
    url: '/api/v1/operations/:id/labour', roles: ANY_ROLE, summary: 'Labour booked on an operation', tags: ['labour'], params: opParams,
    handler: async (p) => {
      if (!(await findOperation(store.db, p.id))) throw notFound('operation', p.id);
      return { operationId: p.id, ...labourSummary(await bookingsOfOperation(store.db, p.id), Date.now()) };
    },
  });
  queryRoute(app, {
    url: '/api/v1/work-orders/:id/labour', roles: ANY_ROLE, summary: 'Labour booked on an order, per operation and person', tags: ['labour'], params: z.strictObject({ id: idField }),
    handler: async (p) => {
      if (!(await findOrder(store.db, p.id))) throw notFound('work order', p.id);
      const now = Date.now();
      const all = await bookingsOfOrder(store.db, p.id);
      const ops = [...new Set(all.map((b) => b.operationId))];
      return { workOrderId: p.id, ...labourSummary(all, now), byOperation: ops.map((operationId) => ({ operationId, minutes: minutes(bookedMs(all.filter((b) => b.operationId === operationId), now)) })) };
    },
  });
  queryRoute(app, {
    url: '/api/v1/labour/clocked-on', roles: ANY_ROLE, summary: 'Everyone clocked on an operation right now', tags: ['labour'],
    handler: async () => {
      const now = Date.now();
      return { items: (await clockedOnNow(store.db)).map((b) => ({ ...presentBooking(b, now), personName: b.personName, workCenterId: b.workCenterId, operationSeq: b.operationSeq, operationName: b.operationName })) };
    },
  });
  queryRoute(app, {
    url: '/api/v1/labour/report', roles: ['supervisor', 'quality', 'engineer'], tags: ['labour'],
    summary: "Labour per person and per shift of a site's calendar in [from, to) (at most a year)",
    querystring: z.strictObject({ from: isoTime, to: isoTime, siteId: idField, personId: idField.optional() }),
    handler: async (_p, q) => {
      refuseIfAny([
        ...(q.to <= q.from ? [violation('INVALID_FIELD', 'to must be after from', { field: 'to' })] : []),
        ...(q.to - q.from > MAX_REPORT_MS ? [violation('INVALID_FIELD', 'the window is at most 366 days', { field: 'to' })] : []),
      ]);
      const site = await findNode(store.db, q.siteId);
      if (!site || site.level !== 'site') throw notFound('site', q.siteId, 'siteId');
      const timeZone = site.timeZone ?? 'UTC';
      const occurrences = expandShifts(await shiftsOf(store.db, q.siteId), { timeZone, from: q.from, to: q.to });
      const now = Date.now();
      const report = labourReport(await bookingsOverlapping(store.db, q.from, q.to, q.personId), occurrences, { from: q.from, to: q.to }, now);
      return {
        siteId: q.siteId, timeZone, from: iso(q.from), to: iso(q.to),
        people: report.people.map((r) => ({
          personId: r.personId, ...withBreaks(r), bookings: r.bookings, outsideShiftsMinutes: minutes(r.outsideShiftsMs),
          byShift: r.byShift.map((s) => ({ shift: s.code, start: iso(s.from), ...withBreaks(s) })),
        })),
        shifts: report.shifts.map((s) => ({ shift: s.code, start: iso(s.from), end: iso(s.to), ...withBreaks(s), people: s.people.map((x) => ({ personId: x.personId, ...withBreaks(x) })) })),
      };
    },
  });
}
