import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JournalEvent } from '../../platform/journal/journal.repository.js';
import { buildPlant, releasedOrder } from '../../../test/support/plant.js';
import { describeStores } from '../../../test/support/stores.js';
import { startTestTakt, type Reply, type TestTakt } from '../../../test/support/takt.js';

type As = 'operator' | 'supervisor' | 'quality' | 'engineer' | 'admin' | 'integration';

describeStores('andon calls', (dialect) => {
  let t: TestTakt;
  let ops: Record<number, string>;
  const published: JournalEvent[] = [];
  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
    ops = await releasedOrder(t, 'WO-A1', 'FIN', 10);
    t.takt.bus.subscribe((e) => published.push(e));
  });
  afterAll(() => t.close());

  const raise = (body: unknown, as: As = 'operator', query = '') => t.call('POST', `/api/v1/andon-calls${query}`, { body, as });
  const act = (id: string, verb: 'acknowledge' | 'resolve' | 'cancel', body: unknown = {}, as: As = 'supervisor') => t.call('POST', `/api/v1/andon-calls/${id}/${verb}`, { body, as });
  const codes = (r: Reply) => (r.body.violations as { code: string; field?: string }[]).map((v) => `${v.code}:${v.field ?? ''}`);
  const ok = (r: Reply, status = 200) => {
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body;
  };

  it('raises a call at a work center with its equipment and operation, journaled and streamed after commit', async () => {
    const call = ok(await raise({ workCenterId: 'WC-MIX', kind: 'material', equipmentId: 'MIX-1', operationId: ops[10], note: 'RAW running low' }), 201);
    expect(call).toMatchObject({
      workCenterId: 'WC-MIX', kind: 'material', status: 'open', equipmentId: 'MIX-1', operationId: ops[10], workOrderId: 'WO-A1', note: 'RAW running low',
      raisedBy: 't-operator', acknowledgedAt: null, resolvedAt: null, timeToAcknowledgeSec: null, timeToResolveSec: null,
    });
    expect(call.id).toMatch(/^ANDON-\d+$/);
    expect(call.ageSec).toBeGreaterThanOrEqual(0);
    expect(ok(await t.call('GET', `/api/v1/andon-calls/${call.id}`, { as: 'quality' }))).toMatchObject({ id: call.id, status: 'open' });
    const event = published.find((e) => e.entityId === call.id);
    expect(event).toMatchObject({ action: 'andon-call.raised', entity: 'andon-call', actor: 't-operator', data: { workCenterId: 'WC-MIX', kind: 'material', status: 'open' } });
    expect((event?.data.changes as Record<string, unknown>).status).toEqual({ before: null, after: 'open' });
    ok(await act(call.id, 'cancel', {}, 'operator'));
  });

  it('goes open → acknowledged → resolved, keeping who, when and the response times, each change journaled before/after', async () => {
    const call = ok(await raise({ workCenterId: 'WC-PACK', kind: 'maintenance', note: 'sealer jams' }), 201);
    const acked = ok(await act(call.id, 'acknowledge', undefined, 'engineer'));
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledgedBy: 't-engineer' });
    expect(acked.timeToAcknowledgeSec).toBeGreaterThanOrEqual(0);
    const done = ok(await act(call.id, 'resolve', { resolution: 'cleaned the sealing jaws' }, 'engineer'));
    expect(done).toMatchObject({ status: 'resolved', resolvedBy: 't-engineer', resolution: 'cleaned the sealing jaws', ageSec: null });
    expect(done.timeToResolveSec).toBeGreaterThanOrEqual(done.timeToAcknowledgeSec);
    const journal = ok(await t.call('GET', `/api/v1/journal?entity=andon-call&entityId=${call.id}`, { as: 'supervisor' }));
    expect(journal.events.map((e: { action: string; actor: string; reason: string | null }) => [e.action, e.actor, e.reason])).toEqual([
      ['andon-call.raised', 't-operator', null], ['andon-call.acknowledged', 't-engineer', null], ['andon-call.resolved', 't-engineer', 'cleaned the sealing jaws'],
    ]);
    expect(journal.events[2].data.changes.status).toEqual({ before: 'acknowledged', after: 'resolved' });
    expect(journal.events[1].data.changes.acknowledgedBy).toEqual({ before: null, after: 't-engineer' });
    expect(ok(await t.call('GET', '/api/v1/journal/verify'))).toMatchObject({ ok: true });
  });

  it('keeps one active call per work center and kind: a second is refused naming the first until it is resolved', async () => {
    const first = ok(await raise({ workCenterId: 'WC-MIX', kind: 'quality' }), 201);
    const again = await raise({ workCenterId: 'WC-MIX', kind: 'quality', note: 'still waiting' }, 'supervisor');
    expect(again.status).toBe(409);
    expect(again.body.violations).toEqual([expect.objectContaining({ code: 'ANDON_CALL_ACTIVE', field: 'kind', details: expect.objectContaining({ callId: first.id, status: 'open' }) })]);
    ok(await raise({ workCenterId: 'WC-MIX', kind: 'safety' }), 201);
    ok(await raise({ workCenterId: 'WC-PACK', kind: 'quality' }), 201);
    ok(await act(first.id, 'acknowledge', {}, 'quality'));
    expect(codes(await raise({ workCenterId: 'WC-MIX', kind: 'quality' }))).toEqual(['ANDON_CALL_ACTIVE:kind']);
    ok(await act(first.id, 'resolve', { resolution: 'checked, parts fine' }, 'quality'));
    ok(await raise({ workCenterId: 'WC-MIX', kind: 'quality' }), 201);
  });

  it('lets two raises of the same kind race: exactly one wins', async () => {
    const rs = await Promise.all([raise({ workCenterId: 'WC-PACK', kind: 'supervisor' }), raise({ workCenterId: 'WC-PACK', kind: 'supervisor' }, 'quality')]);
    expect(rs.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(codes(rs.find((r) => r.status === 409)!)).toEqual(['ANDON_CALL_ACTIVE:kind']);
  });

  it('changes status only through its transitions: INVALID_TRANSITION names from and to; only the raiser cancels', async () => {
    const call = ok(await raise({ workCenterId: 'WC-PACK', kind: 'material' }), 201);
    const early = await act(call.id, 'resolve', { resolution: 'x' });
    expect(early.status).toBe(409);
    expect(early.body.violations[0]).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'open', to: 'resolved' } });
    expect(codes(await act(call.id, 'cancel', {}, 'supervisor'))).toEqual(['ANDON_NOT_RAISER:']);
    ok(await act(call.id, 'acknowledge'));
    expect((await act(call.id, 'acknowledge')).body.violations[0]).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'acknowledged', to: 'acknowledged' } });
    // Every reason at once: taken already, and not theirs to cancel.
    expect(codes(await act(call.id, 'cancel', {}, 'quality')).sort()).toEqual(['ANDON_NOT_RAISER:', 'INVALID_TRANSITION:']);
    expect((await act(call.id, 'cancel', {}, 'operator')).body.violations[0]).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'acknowledged', to: 'cancelled' } });
    ok(await act(call.id, 'resolve', { resolution: 'brought film' }));
    expect(codes(await act(call.id, 'resolve', { resolution: 'again' }))).toEqual(['INVALID_TRANSITION:']);
    const mine = ok(await raise({ workCenterId: 'WC-PACK', kind: 'material' }), 201);
    expect(ok(await act(mine.id, 'cancel', { reason: 'found it myself' }, 'operator'))).toMatchObject({ status: 'cancelled', cancelledBy: 't-operator', cancelReason: 'found it myself' });
    expect(codes(await act(mine.id, 'acknowledge'))).toEqual(['INVALID_TRANSITION:']);
  });

  it('answers 404 for unknown ids (all at once), 409 for equipment or an operation of another work center', async () => {
    for (const id of ['ANDON-999999', 'ANDON-0', '17', 'placeholder-1']) {
      expect((await t.call('GET', `/api/v1/andon-calls/${id}`)).status).toBe(404);
      expect((await act(id, 'acknowledge')).status).toBe(404);
    }
    const unknown = await raise({ workCenterId: 'WC-NONE', kind: 'material', equipmentId: 'EQ-NONE', operationId: 'OP-NONE' });
    expect(unknown.status).toBe(404);
    expect(codes(unknown)).toEqual(['NOT_FOUND:workCenterId', 'NOT_FOUND:equipmentId', 'NOT_FOUND:operationId']);
    expect(codes(await raise({ workCenterId: 'A', kind: 'material' }))).toEqual(['NOT_FOUND:workCenterId']);
    expect(codes(await raise({ workCenterId: 'WC-PACK', kind: 'maintenance', equipmentId: 'MIX-1', operationId: ops[10] }))).toEqual([
      'EQUIPMENT_NOT_IN_WORK_CENTER:equipmentId', 'OPERATION_NOT_IN_WORK_CENTER:operationId',
    ]);
  });

  it('answers 400 naming the field, 403 for roles that may not answer calls, and writes nothing on a dry run', async () => {
    expect(codes(await raise({ workCenterId: 'WC-MIX', kind: 'coffee' }))).toEqual(['INVALID_FIELD:kind']);
    expect(codes(await raise({ kind: 'material' }))).toEqual(['INVALID_FIELD:workCenterId']);
    expect(codes(await raise({ workCenterId: 'WC-MIX', kind: 'material', note: '   ' }))).toEqual(['INVALID_FIELD:note']);
    expect(codes(await raise({ workCenterId: 'WC-MIX', kind: 'material', priority: 1 }))).toEqual(['INVALID_FIELD:priority']);
    const call = ok(await raise({ workCenterId: 'WC-MIX', kind: 'maintenance' }), 201);
    expect((await act(call.id, 'acknowledge', {}, 'operator')).status).toBe(403);
    expect((await act(call.id, 'acknowledge', {}, 'integration')).status).toBe(403);
    ok(await act(call.id, 'acknowledge'));
    expect(codes(await act(call.id, 'resolve', {}))).toEqual(['INVALID_FIELD:resolution']);
    expect(ok(await raise({ workCenterId: 'WC-MIX', kind: 'maintenance' }, 'operator', '?dryRun=true'))).toMatchObject({ allowed: false, violations: [{ code: 'ANDON_CALL_ACTIVE' }] });
    expect(ok(await raise({ workCenterId: 'WC-MIX', kind: 'supervisor' }, 'integration', '?dryRun=true'))).toEqual({ allowed: true, violations: [] });
    expect(ok(await t.call('GET', '/api/v1/andon-calls?workCenterId=WC-MIX&kind=supervisor')).items).toEqual([]);
  });

  it('lists calls newest first, filtered by status, work center, kind and raise time', async () => {
    const all = ok(await t.call('GET', '/api/v1/andon-calls', { as: 'operator' })).items as { id: string; raisedAt: string; status: string; workCenterId: string }[];
    expect(all.length).toBeGreaterThan(5);
    expect(all.map((c) => c.raisedAt)).toEqual([...all.map((c) => c.raisedAt)].sort().reverse());
    const active = ok(await t.call('GET', '/api/v1/andon-calls?status=open,acknowledged')).items as typeof all;
    expect(active.length).toBeGreaterThan(0);
    expect(active.every((c) => c.status === 'open' || c.status === 'acknowledged')).toBe(true);
    const pack = ok(await t.call('GET', '/api/v1/andon-calls?workCenterId=WC-PACK&status=resolved')).items as typeof all;
    expect(pack.length).toBe(2);
    expect(pack.every((c) => c.workCenterId === 'WC-PACK' && c.status === 'resolved')).toBe(true);
    const future = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    expect(ok(await t.call('GET', `/api/v1/andon-calls?from=${future}`)).items).toEqual([]);
    expect(ok(await t.call('GET', `/api/v1/andon-calls?to=${future}&limit=2`)).items).toHaveLength(2);
    expect(codes(await t.call('GET', '/api/v1/andon-calls?status=open,later'))).toEqual(['INVALID_FIELD:status[1]']);
    expect(codes(await t.call('GET', `/api/v1/andon-calls?from=${future}&to=${future}`))).toEqual(['INVALID_FIELD:to']);
  });

  it('sums up per work center: active calls with the oldest age, and mean times to acknowledge and resolve', async () => {
    // Response times set on known values, so the means are exact.
    const db = t.takt.store.db.withTables<{ andon_calls: { work_center_id: string; time_to_acknowledge_ms: number | null; time_to_resolve_ms: number | null; status: string } }>();
    await db.updateTable('andon_calls').set({ time_to_acknowledge_ms: 60_000, time_to_resolve_ms: 300_000 }).where('work_center_id', '=', 'WC-PACK').where('status', '=', 'resolved').execute();
    const s = ok(await t.call('GET', '/api/v1/andon-calls/summary', { as: 'operator' }));
    const pack = s.items.find((w: { workCenterId: string }) => w.workCenterId === 'WC-PACK');
    const calls = ok(await t.call('GET', '/api/v1/andon-calls?workCenterId=WC-PACK')).items as { status: string; raisedAt: string }[];
    const activeHere = calls.filter((c) => c.status === 'open' || c.status === 'acknowledged');
    expect(pack).toMatchObject({
      active: { total: activeHere.length, open: activeHere.filter((c) => c.status === 'open').length, oldestRaisedAt: activeHere.map((c) => c.raisedAt).sort()[0] },
      period: { raised: calls.length, acknowledged: 2, resolved: 2, cancelled: calls.filter((c) => c.status === 'cancelled').length, meanTimeToAcknowledgeSec: 60, meanTimeToResolveSec: 300 },
    });
    expect(pack.active.oldestAgeSec).toBeGreaterThanOrEqual(0);
    const past = ok(await t.call('GET', '/api/v1/andon-calls/summary?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z'));
    expect(past.items.every((w: { period: { raised: number }; active: { total: number } }) => w.period.raised === 0 && w.active.total > 0)).toBe(true);
    expect(codes(await t.call('GET', '/api/v1/andon-calls/summary?from=2020-01-02T00:00:00Z&to=2020-01-01T00:00:00Z'))).toEqual(['INVALID_FIELD:to']);
  });
});
