import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlant, snapshot } from '../../../../test/support/plant.js';
import { describeStores } from '../../../../test/support/stores.js';
import { startTestTakt, TEST_PASSWORD, type Reply, type TestTakt } from '../../../../test/support/takt.js';
import type { Role } from '../../../platform/auth/roles.js';

type Violation = { code: string; message: string; field?: string; details?: Record<string, unknown> };

/** The roles POST /lots allows (an administrator may always); of them, who may release a lot through its route. */
const RECEIVERS = ['operator', 'supervisor', 'quality', 'integration'] as const;
const RELEASERS = ['quality', 'admin'] as const;
const RECEIVE_ONLY = ['operator', 'supervisor', 'integration'] as const;

/** Receiving a lot as released is its release: under a lot.release policy it is signed like the release command. */
describeStores('lot receipt as released under a lot.release signature policy', (dialect) => {
  let t: TestTakt;
  let n = 0;
  const sign = (username: string, extra: Record<string, unknown> = {}) => ({ username, password: TEST_PASSWORD, meaning: 'approved', ...extra });
  const policy = async (meanings: string[], witness = false): Promise<void> => {
    expect((await t.call('PUT', '/api/v1/compliance/signature-policies/lot.release', { body: { meanings, witness } })).status).toBe(200);
  };
  const lotId = (): string => `L-RCV-${(n += 1)}`;
  const receive = (as: Role, body: Record<string, unknown>, query = ''): Promise<Reply> => t.call('POST', `/api/v1/lots${query}`, { as, body: { materialId: 'RAW', quantity: 10, ...body } });
  const codes = (r: Reply): string[] => (r.body.violations as Violation[]).map((v) => v.code).sort();
  const signaturesOf = async (id: string) => (await t.call('GET', `/api/v1/signatures?entity=lot&entityId=${id}`)).body.items as Record<string, unknown>[];
  const journalOf = async (id: string) => (await t.call('GET', `/api/v1/journal?entity=lot&entityId=${id}&limit=100`)).body.events as { action: string; actor: string; data: Record<string, unknown> }[];
  const signatureTotal = async () => Number((await t.takt.store.db.selectFrom('signatures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  /** Every row a receipt may write (lots, journal, signatures): a refused one changes none of them. */
  const rows = async (): Promise<Record<string, unknown>> => ({ ...(await snapshot(t)), signatures: await signatureTotal() });

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
  });
  afterAll(() => t.close());

  describe('when lot.release needs an approved signature', () => {
    beforeAll(() => policy(['approved']));
    afterAll(() => policy([]));

    it('refuses receiving a lot as released without a signature, for every role that may release, with SIGNATURE_REQUIRED, and writes nothing', async () => {
      const id = lotId();
      for (const role of RELEASERS) {
        const before = await rows();
        const r = await receive(role, { id, status: 'released' });
        expect(r.status, `${role}: ${JSON.stringify(r.body)}`).toBe(409);
        expect(r.body.violations).toEqual([expect.objectContaining({ code: 'SIGNATURE_REQUIRED', field: 'signature', message: expect.stringContaining('meaning approved') })]);
        expect(r.body.violations[0].details).toMatchObject({ action: 'lot.release', entity: 'lot', entityId: id, meanings: ['approved'], witness: false });
        expect(await rows()).toEqual(before);
      }
      expect((await t.call('GET', `/api/v1/lots/${id}`)).status).toBe(404);
      expect(await journalOf(id)).toEqual([]);
    });

    it('lists SIGNATURE_REQUIRED beside every other violation, and a dry run reports the same and writes nothing', async () => {
      const id = lotId();
      expect((await receive('quality', { id, status: 'quarantine' })).status).toBe(201);
      const refused = await receive('quality', { id, status: 'released' });
      expect(refused.status).toBe(409);
      expect(codes(refused)).toEqual(['ALREADY_EXISTS', 'SIGNATURE_REQUIRED']);
      const before = await rows();
      const dry = await receive('quality', { id, status: 'released' }, '?dryRun=true');
      expect(dry.status).toBe(200);
      expect(dry.body.allowed).toBe(false);
      expect(codes(dry)).toEqual(['ALREADY_EXISTS', 'SIGNATURE_REQUIRED']);
      const dryAlone = await receive('quality', { id: lotId(), status: 'released' }, '?dryRun=true');
      expect(dryAlone.body).toMatchObject({ allowed: false, violations: [expect.objectContaining({ code: 'SIGNATURE_REQUIRED' })] });
      expect(await rows()).toEqual(before);
    });

    it('receives a lot as released with a signature bound to the receipt, stored and journaled as a release signature is', async () => {
      const id = lotId();
      const body = { id, status: 'released', supplierLot: 'SUP-77', expiresAt: '2031-01-31T00:00:00.000Z' };
      const { recordHash } = (await receive('quality', body)).body.violations[0].details;
      expect(recordHash).toMatch(/^[0-9a-f]{64}$/);
      const r = await receive('quality', { ...body, signature: sign('t-quality', { comment: 'CoA checked', recordHash }) });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body).toMatchObject({ id, status: 'released', supplierLot: 'SUP-77' });
      const sigs = await signaturesOf(id);
      expect(sigs).toEqual([expect.objectContaining({ action: 'lot.release', entity: 'lot', entityId: id, signer: 't-quality', printedName: 'Test quality', meaning: 'approved', comment: 'CoA checked', recordHash, witnessOf: null })]);
      const journal = await journalOf(id);
      expect(journal.map((e) => e.action)).toEqual(['signature.signed', 'lot.received']);
      expect(journal[0]?.data).toMatchObject({ signatureId: sigs[0]?.id, signedAction: 'lot.release', signer: 't-quality', printedName: 'Test quality', meaning: 'approved', comment: 'CoA checked', recordHash, witnessOf: null });
      expect(journal[1]).toMatchObject({ actor: 't-quality', data: { status: 'released', supplierLot: 'SUP-77' } });
    });

    it('refuses a signature given for another receipt (its record hash differs), and writes nothing', async () => {
      const id = lotId();
      const { recordHash } = (await receive('quality', { id, status: 'released', quantity: 10 })).body.violations[0].details;
      const { journal, ...before } = await rows();
      const r = await receive('quality', { id, status: 'released', quantity: 1000, signature: sign('t-quality', { recordHash }) });
      expect(r.status).toBe(409);
      expect(r.body.violations).toEqual([expect.objectContaining({ code: 'SIGNATURE_REQUIRED', message: expect.stringContaining('record hash differs') })]);
      // Only the refused signature is journaled (security.signature-failed, on the person), after the rollback.
      const { journal: journalAfter, ...after } = await rows();
      expect(after).toEqual(before);
      expect(journalAfter).toBe(Number(journal) + 1);
      expect(await journalOf(id)).toEqual([]);
      expect((await t.call('GET', `/api/v1/lots/${id}`)).status).toBe(404);
    });

    it('refuses a wrong password on a receipt, counted in a dry run too, and journals the failed signature', async () => {
      const id = lotId();
      const wrong = { signature: { username: 't-quality', password: 'not-the-password-9', meaning: 'approved' } };
      expect((await receive('quality', { id, status: 'released', ...wrong }, '?dryRun=true')).body.allowed).toBe(false);
      const r = await receive('quality', { id, status: 'released', ...wrong });
      expect(r.status).toBe(409);
      expect(r.body.violations[0].message).toContain('wrong username or password');
      expect((await t.call('GET', `/api/v1/lots/${id}`)).status).toBe(404);
      type Failed = { action: string; data: Record<string, unknown> };
      const failed = ((await t.call('GET', '/api/v1/journal?entity=person&entityId=t-quality&limit=100')).body.events as Failed[]).filter((e) => e.action === 'security.signature-failed' && e.data.signedEntityId === id);
      expect(failed.map((e) => e.data.signedAction)).toEqual(['lot.release', 'lot.release']);
    });

    it('needs the witness the policy asks for, a second person, and stores both signatures', async () => {
      await policy(['approved'], true);
      try {
        const id = lotId();
        const alone = await receive('quality', { id, status: 'released', signature: sign('t-quality') });
        expect(alone.status).toBe(409);
        expect(alone.body.violations[0].message).toContain('witness');
        const ok = await receive('quality', { id, status: 'released', signature: sign('t-quality'), witness: sign('t-supervisor', { meaning: 'witnessed' }) });
        expect(ok.status, JSON.stringify(ok.body)).toBe(201);
        const sigs = await signaturesOf(id);
        expect(sigs.map((s) => [s.signer, s.meaning])).toEqual([['t-quality', 'approved'], ['t-supervisor', 'witnessed']]);
        expect(sigs[1]?.witnessOf).toBe(sigs[0]?.id);
      } finally {
        await policy(['approved']);
      }
    });

    it('receives in quarantine or on hold unsigned, as before, and refuses a signature on a receipt that releases nothing', async () => {
      const [q, h] = [lotId(), lotId()];
      expect((await receive('operator', { id: q })).body.status).toBe('quarantine');
      expect((await receive('operator', { id: h, status: 'on_hold' })).body.status).toBe('on_hold');
      expect([...(await signaturesOf(q)), ...(await signaturesOf(h))]).toEqual([]);
      const before = await snapshot(t);
      const signedQuarantine = await receive('quality', { id: lotId(), status: 'quarantine', signature: sign('t-quality') });
      expect(signedQuarantine.status).toBe(400);
      expect(signedQuarantine.body.violations).toEqual([expect.objectContaining({ code: 'INVALID_FIELD', field: 'signature' })]);
      expect(await snapshot(t)).toEqual(before);
    });

    describe('release authority (21 CFR 11.10(g)): only who may release a lot receives one as released', () => {
      it('refuses a role that may receive but not release with 403 FORBIDDEN, even with its own valid signature, and writes nothing', async () => {
        for (const role of RECEIVE_ONLY) {
          const id = lotId();
          for (const signing of [{}, { signature: sign(`t-${role}`) }]) {
            const before = await rows();
            const r = await receive(role, { id, status: 'released', ...signing });
            expect(r.status, `${role}: ${JSON.stringify(r.body)}`).toBe(403);
            expect(r.headers['content-type']).toContain('application/problem+json');
            expect(r.body.violations).toEqual([expect.objectContaining({ code: 'FORBIDDEN', field: 'status', details: { lotId: id, action: 'lot.release', roles: ['quality'] } })]);
            expect(await rows()).toEqual(before);
          }
          expect((await t.call('GET', `/api/v1/lots/${id}`)).status).toBe(404);
          expect([...(await journalOf(id)), ...(await signaturesOf(id))]).toEqual([]);
          // What the role may do stays open: receive the lot in quarantine, for a release by someone who may.
          expect((await receive(role, { id })).body).toMatchObject({ id, status: 'quarantine' });
        }
      });

      it('answers a dry run as the receipt itself, 403 FORBIDDEN whatever else is wrong, and neither writes anything', async () => {
        const id = lotId();
        expect((await receive('operator', { id })).status).toBe(201);
        const before = await rows();
        for (const query of ['?dryRun=true', '']) {
          // The lot exists and no signature is sent either: the answer is the refusal of the role, as a route's 403 is.
          const r = await receive('operator', { id, status: 'released' }, query);
          expect(r.status, `${query}: ${JSON.stringify(r.body)}`).toBe(403);
          expect(codes(r)).toEqual(['FORBIDDEN']);
          const signed = await receive('integration', { id: lotId(), status: 'released', signature: sign('t-integration') }, query);
          expect(signed.status).toBe(403);
          expect(codes(signed)).toEqual(['FORBIDDEN']);
        }
        expect(await rows()).toEqual(before);
      });

      it('lets exactly the roles the release route lets release a lot receive one as released, an administrator included, each signing as themselves', async () => {
        const quarantined = lotId();
        expect((await receive('quality', { id: quarantined })).status).toBe(201);
        const may: Record<string, { release: boolean; receiveReleased: boolean }> = {};
        for (const role of [...RECEIVERS, 'admin'] as const) {
          const release = await t.call('POST', `/api/v1/lots/${quarantined}/release?dryRun=true`, { as: role, body: { reason: 'CoA checked' } });
          const receipt = await receive(role, { id: lotId(), status: 'released', signature: sign(`t-${role}`) }, '?dryRun=true');
          may[role] = { release: release.status !== 403, receiveReleased: receipt.status === 200 && receipt.body.allowed === true };
        }
        expect(Object.entries(may).filter(([, m]) => m.release !== m.receiveReleased)).toEqual([]);
        expect(Object.entries(may).filter(([, m]) => m.receiveReleased).map(([role]) => role)).toEqual(['quality', 'admin']);
        const id = lotId();
        const r = await receive('admin', { id, status: 'released', signature: sign('t-admin') });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        expect((await signaturesOf(id)).map((s) => [s.action, s.signer, s.meaning])).toEqual([['lot.release', 't-admin', 'approved']]);
        expect((await journalOf(id)).map((e) => [e.action, e.actor])).toEqual([['signature.signed', 't-admin'], ['lot.received', 't-admin']]);
      });

      it('counts a policy asking only for a witness as signing releases: a role that may not release is refused then too', async () => {
        await policy([], true);
        try {
          const before = await rows();
          const r = await receive('supervisor', { id: lotId(), status: 'released' });
          expect(r.status).toBe(403);
          expect(codes(r)).toEqual(['FORBIDDEN']);
          expect(await rows()).toEqual(before);
        } finally {
          await policy(['approved']);
        }
      });
    });
  });

  it('receives a lot as released unsigned, exactly as before, for every role that may receive, when no policy asks for a signature', async () => {
    await policy([]);
    for (const role of [...RECEIVERS, 'admin'] as const) {
      const id = lotId();
      const r = await receive(role, { id, status: 'released' });
      expect(r.status, `${role}: ${JSON.stringify(r.body)}`).toBe(201);
      expect(r.body.status).toBe('released');
      expect(await signaturesOf(id)).toEqual([]);
      expect((await journalOf(id)).map((e) => [e.action, e.actor, e.data.status])).toEqual([['lot.received', `t-${role}`, 'released']]);
    }
  });

  it('documents the optional signature and witness of a receipt in the OpenAPI document, status unchanged', async () => {
    const doc = (await t.call('GET', '/api/openapi.json', { token: null })).body;
    const schema = doc.paths['/api/v1/lots'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['status', 'signature', 'witness']));
    expect(schema.properties.status.enum).toEqual(['quarantine', 'released', 'on_hold']);
    expect(schema.required).not.toContain('signature');
    expect(schema.required).not.toContain('witness');
  });
});
