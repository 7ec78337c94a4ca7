import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildPlant, receive, releasedOrder } from '../../../../test/support/plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, type TestTakt } from '../../../../test/support/takt.js';

describeStores('labour: clock on and off', (dialect) => {
  let t: TestTakt;
  let ops: Record<number, string>;
  let other: Record<number, string>;

  beforeEach(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
    await receive(t, 'SUB-1', 'SUB', 100);
    ops = await releasedOrder(t, 'WO-L1', 'FIN', 10);
    other = await releasedOrder(t, 'WO-L2', 'FIN', 10);
  });
  afterEach(() => t.close());

  const clock = (verb: 'clock-on' | 'clock-off', op: string, as: 'operator' | 'supervisor' | 'quality', personId?: string) =>
    t.call('POST', `/api/v1/operations/${op}/${verb}`, { as, body: personId ? { personId } : {} });

  it('books several people on one operation, the acting person by default, and counts their time', async () => {
    const me = await clock('clock-on', ops[10]!, 'operator');
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    expect(me.body).toMatchObject({ personId: 't-operator', operationId: ops[10], workOrderId: 'WO-L1', onBy: 't-operator' });
    // Someone else, clocked by a supervisor, on the same operation (the packing step needs no qualification).
    expect((await clock('clock-on', ops[20]!, 'supervisor', 't-quality')).status).toBe(200);
    expect((await clock('clock-on', ops[20]!, 'supervisor')).status).toBe(200);
    const now = await t.call('GET', '/api/v1/labour/clocked-on', { as: 'operator' });
    expect(now.body.items.map((i: { personId: string }) => i.personId).sort()).toEqual(['t-operator', 't-quality', 't-supervisor']);
    expect(now.body.items.find((i: { personId: string }) => i.personId === 't-quality')).toMatchObject({ personName: 'Test quality', workCenterId: 'WC-PACK', operationSeq: 20 });

    const off = await clock('clock-off', ops[10]!, 'operator');
    expect(off.status).toBe(200);
    expect(off.body.minutes).toBeGreaterThanOrEqual(0);
    const order = await t.call('GET', '/api/v1/work-orders/WO-L1/labour', { as: 'operator' });
    expect(order.status).toBe(200);
    expect(order.body.byPerson.map((p: { personId: string }) => p.personId)).toEqual(['t-operator', 't-quality', 't-supervisor']);
    expect(order.body.byOperation.map((o: { operationId: string }) => o.operationId).sort()).toEqual([ops[10], ops[20]].sort());
    const op = await t.call('GET', `/api/v1/operations/${ops[20]}/labour`, { as: 'operator' });
    expect(op.body.bookings).toHaveLength(2);
    expect(op.body.bookings.every((b: { open: boolean }) => b.open)).toBe(true);
    const journal = await t.call('GET', `/api/v1/journal?entity=operation&entityId=${ops[20]}`, { as: 'supervisor' });
    expect(journal.body.events.map((e: { action: string; actor: string; data: { personId: string } }) => [e.action, e.actor, e.data.personId])).toEqual([
      ['labour.clocked-on', 't-supervisor', 't-quality'], ['labour.clocked-on', 't-supervisor', 't-supervisor'],
    ]);
  });

  it('clocks everyone on an operation off when it completes, journaled with the cause, and not on a dry run', async () => {
    expect((await clock('clock-on', ops[10]!, 'operator')).status).toBe(200);
    expect((await t.call('POST', `/api/v1/operations/${ops[10]}/start`, { as: 'operator', body: { equipmentId: 'MIX-1' } })).status).toBe(200);
    expect((await t.call('POST', `/api/v1/operations/${ops[10]}/complete?dryRun=true`, { as: 'operator', body: {} })).body).toMatchObject({ allowed: true });
    expect((await t.call('GET', '/api/v1/labour/clocked-on', { as: 'operator' })).body.items).toHaveLength(1);
    const done = await t.call('POST', `/api/v1/operations/${ops[10]}/complete`, { as: 'operator', body: {} });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect((await t.call('GET', '/api/v1/labour/clocked-on', { as: 'operator' })).body.items).toEqual([]);
    const [booking] = (await t.call('GET', `/api/v1/operations/${ops[10]}/labour`, { as: 'operator' })).body.bookings;
    expect(booking).toMatchObject({ personId: 't-operator', open: false, offBy: 't-operator' });
    const events = (await t.call('GET', `/api/v1/journal?entity=operation&entityId=${ops[10]}`, { as: 'supervisor' })).body.events;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['labour.clocked-on', 'operation.started', 'labour.clocked-off', 'operation.completed']);
    expect(events[2].data).toMatchObject({ personId: 't-operator', bookingId: booking.id, cause: 'operation.completed' });
    // Free again: the person may clock on the next order's operation without the concurrency policy.
    expect((await clock('clock-on', other[10]!, 'operator')).status).toBe(200);
  });

  it('clocks everyone on any operation of an order off when the order is cancelled', async () => {
    expect((await clock('clock-on', ops[10]!, 'operator')).status).toBe(200);
    expect((await clock('clock-on', ops[20]!, 'supervisor', 't-quality')).status).toBe(200);
    expect((await clock('clock-on', other[20]!, 'supervisor')).status).toBe(200);
    expect((await t.call('POST', '/api/v1/work-orders/WO-L1/cancel', { as: 'supervisor', body: { reason: 'customer order withdrawn' } })).status).toBe(200);
    // Only the other order's booking stays open.
    expect((await t.call('GET', '/api/v1/labour/clocked-on', { as: 'operator' })).body.items.map((i: { personId: string; workOrderId: string }) => [i.personId, i.workOrderId]))
      .toEqual([['t-supervisor', 'WO-L2']]);
    const offs = (await t.call('GET', '/api/v1/journal?limit=5000', { as: 'supervisor' })).body.events
      .filter((e: { action: string }) => e.action === 'labour.clocked-off').map((e: { actor: string; data: { personId: string; cause: string } }) => [e.data.personId, e.actor, e.data.cause]);
    expect(offs.sort()).toEqual([['t-operator', 't-supervisor', 'work-order.cancelled'], ['t-quality', 't-supervisor', 'work-order.cancelled']]);
  });

  it('refuses a second operation at a time unless the policy allows it, and refuses the same operation twice', async () => {
    expect((await clock('clock-on', ops[10]!, 'operator')).status).toBe(200);
    const twice = await clock('clock-on', ops[10]!, 'operator');
    expect(twice.status).toBe(409);
    expect(twice.body.violations.map((v: { code: string }) => v.code)).toEqual(['PERSON_CLOCKED_ON']);
    const elsewhere = await clock('clock-on', other[10]!, 'operator');
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.violations[0]).toMatchObject({ code: 'PERSON_CLOCKED_ON', details: { clockedOn: [ops[10]] } });
    expect((await t.call('PUT', '/api/v1/labour/policy', { as: 'supervisor', body: { allowConcurrentOperations: true, reason: 'two presses side by side' } })).status).toBe(200);
    expect((await clock('clock-on', other[10]!, 'operator')).status).toBe(200);
    const policy = await t.call('GET', '/api/v1/journal?entity=settings&entityId=labour', { as: 'supervisor' });
    expect(policy.body.events[0]).toMatchObject({ action: 'labour-policy.changed', reason: 'two presses side by side', data: { changes: { allowConcurrentOperations: { before: false, after: true } } } });
  });

  it('lets only a supervisor clock someone else, and refuses an unqualified person, an unknown person, a finished operation', async () => {
    const byOperator = await clock('clock-on', ops[20]!, 'operator', 't-quality');
    expect(byOperator.status).toBe(403);
    expect(byOperator.body.violations.map((v: { code: string }) => v.code)).toEqual(['FORBIDDEN']);
    // Step 10 needs MIXING: t-supervisor's expired.
    const unqualified = await clock('clock-on', ops[10]!, 'supervisor');
    expect(unqualified.body.violations.map((v: { code: string }) => v.code)).toEqual(['QUALIFICATION_EXPIRED']);
    const unknown = await clock('clock-on', ops[20]!, 'supervisor', 'nobody');
    expect(unknown.status).toBe(404);
    const notOn = await clock('clock-off', ops[20]!, 'operator');
    expect(notOn.body.violations.map((v: { code: string }) => v.code)).toEqual(['NOT_CLOCKED_ON']);
    expect((await t.call('POST', '/api/v1/work-orders/WO-L2/cancel', { as: 'supervisor', body: {} })).status).toBe(200);
    const cancelled = await clock('clock-on', other[20]!, 'operator');
    expect(cancelled.body.violations.map((v: { code: string }) => v.code)).toEqual(['ORDER_CLOSED']);
    const bad = await t.call('POST', `/api/v1/operations/${ops[20]}/clock-on`, { as: 'operator', body: { personId: '../x' } });
    expect(bad.status).toBe(400);
    const rows = await t.takt.store.db.selectFrom('labour_bookings').selectAll().execute();
    expect(rows).toHaveLength(0);
  });

  it('reports labour per person and per shift of the site calendar', async () => {
    expect((await t.call('PUT', '/api/v1/sites/S/shifts/DAY', { as: 'supervisor', body: { start: '00:00', end: '12:00', breaks: [{ start: '10:00', end: '10:30' }] } })).status).toBe(200);
    expect((await t.call('PUT', '/api/v1/sites/S/shifts/NIGHT', { as: 'supervisor', body: { start: '12:00', end: '00:00', breaks: [] } })).status).toBe(200);
    expect((await clock('clock-on', ops[10]!, 'operator')).status).toBe(200);
    expect((await clock('clock-off', ops[10]!, 'operator')).status).toBe(200);
    // The operator's booking moved to yesterday 09:00-11:00 UTC: across the 10:00-10:30 break (site time, UTC or Berlin).
    const yesterday = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 86_400_000;
    await t.takt.store.db.updateTable('labour_bookings').set({ on_at: yesterday + 9 * 3_600_000, off_at: yesterday + 11 * 3_600_000 }).where('person_id', '=', 't-operator').execute();
    expect((await clock('clock-on', ops[20]!, 'supervisor', 't-quality')).status).toBe(200);
    const from = new Date(yesterday - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const r = await t.call('GET', `/api/v1/labour/report?siteId=S&from=${from}&to=${to}`, { as: 'supervisor' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.people.map((p: { personId: string; bookings: number }) => [p.personId, p.bookings])).toEqual([['t-operator', 1], ['t-quality', 1]]);
    // Day and night cover the whole day: nothing is outside a shift, and each person's time sits in the shifts.
    for (const p of r.body.people as { minutes: number; outsideShiftsMinutes: number; byShift: { minutes: number }[] }[]) {
      expect(p.outsideShiftsMinutes).toBe(0);
      expect(p.byShift.reduce((s, x) => s + x.minutes, 0)).toBeCloseTo(p.minutes, 1);
    }
    const operator = r.body.people.find((p: { personId: string }) => p.personId === 't-operator');
    expect(operator).toMatchObject({ minutes: 120, breakMinutes: 30, netMinutes: 90 });
    expect(operator.byShift).toEqual([expect.objectContaining({ shift: 'DAY', minutes: 120, breakMinutes: 30, netMinutes: 90 })]);
    expect(r.body.shifts.length).toBeGreaterThanOrEqual(4);
    const bad = await t.call('GET', `/api/v1/labour/report?siteId=S&from=${to}&to=${from}`, { as: 'supervisor' });
    expect(bad.status).toBe(400);
    expect((await t.call('GET', `/api/v1/labour/report?siteId=NOPE&from=${from}&to=${to}`, { as: 'supervisor' })).status).toBe(404);
  });
});
