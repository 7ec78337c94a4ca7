import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JournalEvent } from '../../../platform/journal/journal.repository.js';
import { describeStores } from '../../../../test/support/stores.js';
import { buildPlant, receive } from '../../../../test/support/plant.js';
import { startTestTakt, type Reply, type TestTakt } from '../../../../test/support/takt.js';
import { MAX_FAILED_LOGINS } from '../auth/failed-attempts.js';

const PASSWORD = 'sign-password-42';

describeStores('electronic signatures', (dialect) => {
  let t: TestTakt;
  let n = 0;
  const streamed: JournalEvent[] = [];

  beforeAll(async () => {
    t = await startTestTakt(dialect);
    await buildPlant(t);
    t.takt.bus.subscribe((e) => streamed.push(e));
    expect((await t.call('PUT', '/api/v1/compliance/signature-policies/lot.release', { body: { meanings: ['approved'], witness: false } })).status).toBe(200);
  });
  afterAll(() => t.close());

  /** A new quality person signed in (their own login session): the token and username. */
  async function signer(): Promise<{ id: string; token: string }> {
    n += 1;
    const id = `q-${n}`;
    expect((await t.call('PUT', `/api/v1/people/${id}`, { body: { name: `Quality Person ${n}`, roles: ['quality'], password: PASSWORD } })).status).toBe(200);
    const { token } = await t.takt.tokens.issue(id, 0);
    return { id, token };
  }

  /** A lot on hold, to be released (received in quarantine: receiving it as released is a release, signed too). */
  async function heldLot(): Promise<string> {
    n += 1;
    const id = `L-SIG-${n}`;
    await receive(t, id, 'RAW', 10, { status: 'quarantine' });
    expect((await t.call('POST', `/api/v1/lots/${id}/hold`, { body: { reason: 'suspect' } })).status).toBe(200);
    return id;
  }

  function release(lot: string, token: string, extra: Record<string, unknown> = {}, query = ''): Promise<Reply> {
    return t.call('POST', `/api/v1/lots/${lot}/release${query}`, { token, body: { reason: 'Retested, within spec', ...extra } });
  }

  async function journalOf(entity: string, id: string): Promise<{ action: string; data: Record<string, unknown> }[]> {
    return (await t.call('GET', `/api/v1/journal?entity=${entity}&entityId=${id}&limit=5000`)).body.events;
  }

  it('refuses a release without a signature with SIGNATURE_REQUIRED naming the meaning, and changes nothing', async () => {
    const q = await signer();
    const lot = await heldLot();
    const r = await release(lot, q.token);
    expect(r.status).toBe(409);
    expect(r.body.violations).toEqual([expect.objectContaining({ code: 'SIGNATURE_REQUIRED', message: expect.stringContaining('meaning approved') })]);
    expect(r.body.violations[0].details).toMatchObject({ action: 'lot.release', entity: 'lot', entityId: lot, meanings: ['approved'], witness: false, usernameRequired: true });
    expect((await t.call('GET', `/api/v1/lots/${lot}`)).body.status).toBe('on_hold');
  });

  it('lists SIGNATURE_REQUIRED with every other violation, and a dry run reports it too', async () => {
    const q = await signer();
    await receive(t, 'L-SIG-REL', 'RAW', 5, { status: 'quarantine' });
    expect((await release('L-SIG-REL', q.token, { signature: { username: q.id, password: PASSWORD, meaning: 'approved' } })).status).toBe(200);
    const r = await release('L-SIG-REL', q.token, {}, '?dryRun=true');
    expect(r.status).toBe(200);
    expect(r.body.allowed).toBe(false);
    expect(r.body.violations.map((v: { code: string }) => v.code).sort()).toEqual(['INVALID_TRANSITION', 'SIGNATURE_REQUIRED']);
  });

  it('releases with a valid signature bound to the record hash, stored and journaled with printed name and meaning', async () => {
    const q = await signer();
    const lot = await heldLot();
    const { recordHash } = (await release(lot, q.token)).body.violations[0].details;
    const r = await release(lot, q.token, { signature: { username: q.id, password: PASSWORD, meaning: 'approved', comment: 'QA release', recordHash } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.status).toBe('released');
    const sigs = (await t.call('GET', `/api/v1/signatures?entity=lot&entityId=${lot}`)).body.items;
    expect(sigs).toEqual([expect.objectContaining({ action: 'lot.release', signer: q.id, printedName: `Quality Person ${n - 1}`, meaning: 'approved', comment: 'QA release', recordHash, witnessOf: null })]);
    expect(new Date(sigs[0].at).getTime()).toBeGreaterThan(0);
    const signed = (await journalOf('lot', lot)).find((e) => e.action === 'signature.signed');
    expect(signed?.data).toMatchObject({ signedAction: 'lot.release', printedName: sigs[0].printedName, meaning: 'approved', recordHash, comment: 'QA release' });
  });

  it('needs the username at the first signing of a login session and only the password at later ones (11.200)', async () => {
    const q = await signer();
    const [a, b] = [await heldLot(), await heldLot()];
    const first = await release(a, q.token, { signature: { password: PASSWORD, meaning: 'approved' } });
    expect(first.status).toBe(409);
    expect(first.body.violations[0].message).toContain('username');
    expect((await release(a, q.token, { signature: { username: q.id, password: PASSWORD, meaning: 'approved' } })).status).toBe(200);
    const later = await release(b, q.token, { signature: { password: PASSWORD, meaning: 'approved' } });
    expect(later.status, JSON.stringify(later.body)).toBe(200);
    const { token: otherSession } = await t.takt.tokens.issue(q.id, 0);
    const c = await heldLot();
    expect((await release(c, otherSession, { signature: { password: PASSWORD, meaning: 'approved' } })).status).toBe(409);
  });

  it('refuses a wrong password, changes nothing, and journals the failed signature after the rollback', async () => {
    const q = await signer();
    const lot = await heldLot();
    const r = await release(lot, q.token, { signature: { username: q.id, password: 'not-the-password-1', meaning: 'approved' } });
    expect(r.status).toBe(409);
    expect(r.body.violations).toEqual([expect.objectContaining({ code: 'SIGNATURE_REQUIRED', message: expect.stringContaining('wrong username or password') })]);
    expect((await t.call('GET', `/api/v1/lots/${lot}`)).body.status).toBe('on_hold');
    expect((await journalOf('lot', lot)).map((e) => e.action)).not.toContain('lot.released');
    const failed = (await journalOf('person', q.id)).filter((e) => e.action === 'security.signature-failed');
    expect(failed).toEqual([expect.objectContaining({ data: expect.objectContaining({ failedInARow: 1, signedAction: 'lot.release', signedEntityId: lot, role: 'signer' }) })]);
  });

  it('counts a wrong password in a dry run too, so a dry run cannot be used to guess passwords', async () => {
    const q = await signer();
    const lot = await heldLot();
    const r = await release(lot, q.token, { signature: { username: q.id, password: 'guess-number-1', meaning: 'approved' } }, '?dryRun=true');
    expect(r.body).toMatchObject({ allowed: false, violations: [expect.objectContaining({ code: 'SIGNATURE_REQUIRED' })] });
    expect((await journalOf('person', q.id)).filter((e) => e.action === 'security.signature-failed')).toHaveLength(1);
  });

  it('refuses a signature replayed onto another record (its record hash differs), and journals it', async () => {
    const q = await signer();
    const [a, b] = [await heldLot(), await heldLot()];
    const hashOfA = (await release(a, q.token)).body.violations[0].details.recordHash;
    const r = await release(b, q.token, { signature: { username: q.id, password: PASSWORD, meaning: 'approved', recordHash: hashOfA } });
    expect(r.status).toBe(409);
    expect(r.body.violations[0].message).toContain('record hash differs');
    expect((await t.call('GET', `/api/v1/lots/${b}`)).body.status).toBe('on_hold');
    const failed = (await journalOf('person', q.id)).filter((e) => e.action === 'security.signature-failed');
    expect(failed.at(-1)?.data).toMatchObject({ signedEntityId: b });
  });

  it("refuses a signature in another person's name", async () => {
    const [q, other] = [await signer(), await signer()];
    const lot = await heldLot();
    const r = await release(lot, q.token, { signature: { username: other.id, password: PASSWORD, meaning: 'approved' } });
    expect(r.status).toBe(409);
    expect(r.body.violations[0].message).toContain('must be the signed-in person');
  });

  it('refuses the wrong meaning, saying which one is needed', async () => {
    const q = await signer();
    const lot = await heldLot();
    const r = await release(lot, q.token, { signature: { username: q.id, password: PASSWORD, meaning: 'authored' } });
    expect(r.status).toBe(409);
    expect(r.body.violations[0].message).toContain('meaning approved (not authored)');
  });

  it('locks the account after failed signatures and failed logins add up to the limit, with a streamed security.alert', async () => {
    const q = await signer();
    const lot = await heldLot();
    for (let i = 0; i < MAX_FAILED_LOGINS / 2; i += 1) {
      expect((await t.call('POST', '/api/v1/auth/login', { token: null, body: { username: q.id, password: `wrong-${i}-password` } })).status).toBe(401);
    }
    for (let i = 0; i < MAX_FAILED_LOGINS / 2; i += 1) {
      expect((await release(lot, q.token, { signature: { username: q.id, password: `wrong-${i}-password`, meaning: 'approved' } })).status).toBe(409);
    }
    const alerts = (await journalOf('person', q.id)).filter((e) => e.action === 'security.alert');
    expect(alerts).toEqual([expect.objectContaining({ data: { alert: 'account locked', failedInARow: MAX_FAILED_LOGINS } })]);
    expect(streamed.some((e) => e.action === 'security.alert' && e.entityId === q.id)).toBe(true);
    const right = await release(lot, q.token, { signature: { username: q.id, password: PASSWORD, meaning: 'approved' } });
    expect(right.status).toBe(401);
  });

  it('requires a witness when the policy says so, refuses the signer as their own witness, and stores both signatures', async () => {
    expect((await t.call('PUT', '/api/v1/compliance/signature-policies/lot.release', { body: { meanings: ['approved'], witness: true } })).status).toBe(200);
    try {
      const [q, w] = [await signer(), await signer()];
      const lot = await heldLot();
      const sig = { username: q.id, password: PASSWORD, meaning: 'approved' };
      const alone = await release(lot, q.token, { signature: sig });
      expect(alone.body.violations[0].message).toContain('witness');
      const self = await release(lot, q.token, { signature: sig, witness: { username: q.id, password: PASSWORD, meaning: 'witnessed' } });
      expect(self.status).toBe(409);
      expect(self.body.violations.map((v: { message: string }) => v.message).join(' ')).toContain('second person');
      expect((await journalOf('person', q.id)).some((e) => e.action === 'security.signature-failed' && e.data.role === 'witness')).toBe(true);
      const ok = await release(lot, q.token, { signature: sig, witness: { username: w.id, password: PASSWORD, meaning: 'witnessed' } });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      const sigs = (await t.call('GET', `/api/v1/signatures?entity=lot&entityId=${lot}`)).body.items;
      expect(sigs.map((s: { signer: string; meaning: string }) => [s.signer, s.meaning])).toEqual([[q.id, 'approved'], [w.id, 'witnessed']]);
      expect(sigs[1].witnessOf).toBe(sigs[0].id);
    } finally {
      await t.call('PUT', '/api/v1/compliance/signature-policies/lot.release', { body: { meanings: ['approved'], witness: false } });
    }
  });

  it('lets only an administrator change a policy, journals the change, and lists every action', async () => {
    const q = await signer();
    expect((await t.call('PUT', '/api/v1/compliance/signature-policies/revision.approve', { token: q.token, body: { meanings: ['approved'], witness: false } })).status).toBe(403);
    const list = (await t.call('GET', '/api/v1/compliance/signature-policies')).body.items;
    expect(list.map((p: { action: string }) => p.action)).toContain('batch-record.release');
    expect(list.find((p: { action: string }) => p.action === 'lot.release')).toMatchObject({ meanings: ['approved'], configured: true });
    expect((await journalOf('signature-policy', 'lot.release')).map((e) => e.action)).toContain('signature-policy.changed');
    const bad = await t.call('PUT', '/api/v1/compliance/signature-policies/operation.complete-critical', { body: { meanings: [], witness: false } });
    expect(bad.status).toBe(400);
    expect((await t.call('PUT', '/api/v1/compliance/signature-policies/nope', { body: { meanings: [], witness: false } })).status).toBe(400);
  });
});
