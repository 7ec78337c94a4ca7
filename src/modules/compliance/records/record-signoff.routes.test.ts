import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, TEST_PASSWORD, type TestTakt } from '../../../../test/support/takt.js';
import { runDemoBatch } from './record-scenario.test-support.js';

const sign = (meaning: string, password = TEST_PASSWORD) => ({ signature: { username: 't-quality', password, meaning } });

describeStores('batch record review and release', (dialect) => {
  let t: TestTakt;
  beforeEach(async () => {
    t = await startTestTakt(dialect);
    await runDemoBatch(t);
  });
  afterEach(() => t.close());

  const review = async () => expect((await t.call('POST', '/api/v1/work-orders/WO-1001/record/review', { as: 'quality', body: sign('reviewed') })).status).toBe(200);
  const record = async () => {
    const r = await t.call('GET', '/api/v1/work-orders/WO-1001/record', { as: 'quality' });
    expect(r.status).toBe(200);
    return r.body;
  };

  it('reviews and releases with signatures bound to the content; the released record is locked and verifies', async () => {
    const unsigned = await t.call('POST', '/api/v1/work-orders/WO-1001/record/review', { as: 'quality', body: {} });
    expect(unsigned.status).toBe(409);
    expect(unsigned.body.violations.map((v: { code: string }) => v.code)).toEqual(['SIGNATURE_REQUIRED']);
    const wrong = await t.call('POST', '/api/v1/work-orders/WO-1001/record/review', { as: 'quality', body: sign('reviewed', 'not-the-password') });
    expect(wrong.body.violations.map((v: { code: string }) => v.code)).toEqual(['SIGNATURE_REQUIRED']);
    expect((await t.takt.store.db.selectFrom('record_signoffs').selectAll().execute())).toHaveLength(0);

    const before = await record();
    const review = await t.call('POST', '/api/v1/work-orders/WO-1001/record/review', { as: 'quality', body: { ...sign('reviewed'), comment: 'Exceptions checked: hold closed by DEV-2026-014, scrap explained' } });
    expect(review.status, JSON.stringify(review.body)).toBe(200);
    expect(review.body).toMatchObject({ kind: 'review', contentHash: before.contentHash, signatures: [{ signer: 't-quality', printedName: 'Test quality', meaning: 'reviewed' }] });

    const release = await t.call('POST', '/api/v1/work-orders/WO-1001/record/release', { as: 'quality', body: sign('approved') });
    expect(release.status, JSON.stringify(release.body)).toBe(200);
    const released = await record();
    expect(released.released).toBe(true);
    expect(released.release).toMatchObject({ actor: 't-quality', verified: true, contentHash: released.contentHash, lastSeq: released.content.journal.lastSeq });
    expect(released.release.signatures).toMatchObject([{ printedName: 'Test quality', meaning: 'approved', signedAction: 'batch-record.release' }]);
    // The review and its signature are part of what was released.
    expect(released.content.signatures).toMatchObject([{ printedName: 'Test quality', meaning: 'reviewed', signedAction: 'batch-record.review' }]);
    expect(released.reviews).toHaveLength(1);
    expect(released.amendments).toEqual([]);

    const again = await t.call('POST', '/api/v1/work-orders/WO-1001/record/release', { as: 'quality', body: sign('approved') });
    expect(again.status).toBe(409);
    expect(again.body.violations.map((v: { code: string }) => v.code)).toContain('INVALID_TRANSITION');
  });

  it('shows later events on the order as amendments and never changes the released content', async () => {
    await review();
    expect((await t.call('POST', '/api/v1/work-orders/WO-1001/record/release', { as: 'quality', body: sign('approved') })).status).toBe(200);
    const locked = await record();
    expect((await t.call('POST', '/api/v1/lots/B-PARA-0001/hold', { as: 'quality', body: { reason: 'Complaint 2026-031: discoloured tablets' } })).status).toBe(200);
    expect((await t.call('POST', '/api/v1/work-orders/WO-1001/close', { as: 'supervisor', body: { reason: 'Batch closed after release' } })).status).toBe(200);
    const later = await record();
    expect(later.content).toEqual(locked.content);
    expect(later.contentHash).toBe(locked.contentHash);
    expect(later.release.verified).toBe(true);
    expect(later.amendments.map((a: { kind: string; summary: string; reason: string }) => [a.kind, a.summary, a.reason])).toEqual([
      ['amendment', 'hold: lot B-PARA-0001 put on hold', 'Complaint 2026-031: discoloured tablets'],
      ['amendment', 'work-order.closed work-order WO-1001', 'Batch closed after release'],
    ]);
    const pdf = await t.takt.app.inject({ method: 'GET', url: '/api/v1/work-orders/WO-1001/record?format=pdf', headers: { authorization: `Bearer ${t.tokens.quality}` } });
    expect(pdf.statusCode).toBe(200);
    if (process.env.TAKT_RECORD_PDF_OUT && dialect === 'sqlite') (await import('node:fs')).writeFileSync(process.env.TAKT_RECORD_PDF_OUT, pdf.rawPayload);
  });

  it('counts the events on the order after each review, up to the release', async () => {
    await review();
    expect((await record()).reviews.map((r: { eventsSince: number }) => r.eventsSince)).toEqual([0]);
    expect((await t.call('POST', '/api/v1/lots/B-PARA-0001/hold', { as: 'quality', body: { reason: 'Retain sample discoloured' } })).status).toBe(200);
    expect((await record()).reviews.map((r: { eventsSince: number }) => r.eventsSince)).toEqual([1]);
    await review();
    expect((await t.call('POST', '/api/v1/work-orders/WO-1001/record/release', { as: 'quality', body: sign('approved') })).status).toBe(200);
    expect((await t.call('POST', '/api/v1/work-orders/WO-1001/close', { as: 'supervisor', body: { reason: 'Batch closed after release' } })).status).toBe(200);
    const released = await record();
    // The second review saw the hold; the close came after the release: an amendment, not something a review missed.
    expect(released.reviews.map((r: { eventsSince: number }) => r.eventsSince)).toEqual([1, 0]);
    expect(released.amendments).toHaveLength(1);
    const again = await t.call('POST', '/api/v1/work-orders/WO-1001/record/review', { as: 'quality', body: sign('reviewed') });
    expect(again.body.violations[0]).toMatchObject({ code: 'INVALID_TRANSITION', details: { entity: 'batch-record', workOrderId: 'WO-1001', releasedAt: released.release.at, from: 'released', to: 'review' } });
  });

  it('no longer verifies a released record whose journal was altered', async () => {
    await review();
    expect((await t.call('POST', '/api/v1/work-orders/WO-1001/record/release', { as: 'quality', body: sign('approved') })).status).toBe(200);
    const { content } = await record();
    const consumed = content.operations[0].consumed[0].seq as number;
    await t.takt.store.db.updateTable('journal').set({ data: '{"materialId":"API-PARA","operationId":"x","quantity":1,"workOrderId":"WO-1001"}' }).where('seq', '=', consumed).execute();
    const altered = await record();
    expect(altered.release.verified).toBe(false);
    expect(altered.release.currentHash).not.toBe(altered.release.contentHash);
  });

  it('refuses to release a record never reviewed, or changed since its last review, with RECORD_NOT_REVIEWED, and writes nothing', async () => {
    const seqNow = async () => Number((await t.takt.store.db.selectFrom('journal').select((eb) => eb.fn.max('seq').as('s')).executeTakeFirstOrThrow()).s);
    const before = await seqNow();
    const never = await t.call('POST', '/api/v1/work-orders/WO-1001/record/release', { as: 'quality', body: {} });
    expect(never.status).toBe(409);
    // Every reason at once: no review, and no signature.
    expect(never.body.violations.map((v: { code: string }) => v.code).sort()).toEqual(['RECORD_NOT_REVIEWED', 'SIGNATURE_REQUIRED']);
    expect(never.body.violations.find((v: { code: string }) => v.code === 'RECORD_NOT_REVIEWED')).toMatchObject({ details: { workOrderId: 'WO-1001', reviewedAt: null, eventsSince: null } });
    expect(await seqNow()).toBe(before);
    expect(await t.takt.store.db.selectFrom('record_signoffs').selectAll().execute()).toHaveLength(0);

    await review();
    const reviewedAt = (await record()).reviews[0].at as string;
    expect((await t.call('POST', '/api/v1/lots/B-PARA-0001/hold', { as: 'quality', body: { reason: 'Retain sample discoloured' } })).status).toBe(200);
    const stale = await t.call('POST', '/api/v1/work-orders/WO-1001/record/release', { as: 'quality', body: sign('approved') });
    expect(stale.status).toBe(409);
    expect(stale.body.violations).toMatchObject([{ code: 'RECORD_NOT_REVIEWED', details: { workOrderId: 'WO-1001', reviewedAt, eventsSince: 1 } }]);
    expect(await t.takt.store.db.selectFrom('record_signoffs').selectAll().execute()).toHaveLength(1);

    await review();
    expect((await t.call('POST', '/api/v1/work-orders/WO-1001/record/release', { as: 'quality', body: sign('approved') })).status).toBe(200);
  });

  it('refuses to release the record of an order that is not completed or closed', async () => {
    const created = await t.call('POST', '/api/v1/work-orders', { as: 'supervisor', body: { id: 'WO-OPEN', materialId: 'BLEND-PARA', quantity: 10 } });
    expect(created.status).toBe(201);
    const r = await t.call('POST', '/api/v1/work-orders/WO-OPEN/record/release', { as: 'quality', body: sign('approved') });
    expect(r.status).toBe(409);
    expect(r.body.violations[0]).toMatchObject({ code: 'INVALID_TRANSITION', details: { entity: 'batch-record', workOrderId: 'WO-OPEN', orderStatus: 'created', from: 'created', to: 'released' } });
    expect((await t.call('POST', '/api/v1/work-orders/NOPE/record/release', { as: 'quality', body: sign('approved') })).status).toBe(404);
    expect((await t.call('POST', '/api/v1/work-orders/WO-1001/record/release', { as: 'operator', body: sign('approved') })).status).toBe(403);
  });
});
