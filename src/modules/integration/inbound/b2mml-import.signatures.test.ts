import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { buildErpPlant, ok, startIntegrationTakt, type IntegrationTakt } from '../../../../test/support/integration-takt.js';
import { TEST_PASSWORD } from '../../../../test/support/takt.js';
import { outboundProblems } from '../b2mml/fixtures/outbound-xsd.fixture.js';
import { storeCounts } from './import-test.helpers.js';
import { lotsMessage, scheduleMessage, type TestOrder } from './b2mml-message.test-messages.js';

const REQ = '/ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest';
const LOT = '/SyncMaterialLot/DataArea/MaterialLot';

/** What the Acknowledge says per item: each ResponseCriteria after the first, as [path, code, reason code, from, to]. */
function notes(xml: string): string[][] {
  const blocks = [...xml.matchAll(/<ResponseCriteria>([\s\S]*?)<\/ResponseCriteria>/g)].map((m) => m[1] ?? '').slice(1);
  const text = (block: string, name: string) => new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`).exec(block)?.[1] ?? '';
  return blocks.map((b) => [text(b, 'ResponseExpression'), text(b, 'Code'), text(b, 'ReasonCode'), text(b, 'FromStateCode'), text(b, 'ToStateCode')]);
}

/** The Acknowledge's verdict: the actionCode of its first ResponseExpression. */
const verdict = (xml: string): string => /<ResponseExpression actionCode="([^"]+)"/.exec(xml)?.[1] ?? '';

describeStores('B2MML import under signature policies', (dialect) => {
  let t: IntegrationTakt & { release(): Promise<void> };
  let n = 0;
  const bod = () => `BOD-SIG-${(n += 1)}`;
  const sign = (username: string) => ({ username, password: TEST_PASSWORD, meaning: 'approved' });
  const policy = (action: string, meanings: string[], witness = false) => ok(t, 'PUT', `/api/v1/compliance/signature-policies/${action}`, { meanings, witness });
  const journal = async (entity: string, entityId: string) =>
    (await t.call('GET', `/api/v1/journal?entity=${entity}&entityId=${entityId}`)).body.events as { action: string; actor: string; data: Record<string, unknown> }[];
  const statuses = async (materialId: string) =>
    ((await t.call('GET', `/api/v1/products/${materialId}/revisions`)).body.items as { revision: number; status: string }[]).map((x) => [x.revision, x.status]);
  const lotStatus = async (id: string) => (await t.call('GET', `/api/v1/lots/${id}`)).body.status as string;
  const built = (id: string, material: string): TestOrder => ({ id, material, quantity: 4, segments: [{ id: 'S10', equipment: 'LATHE-01', consumes: [{ material: 'RM-STEEL', quantity: 8, uom: 'kg' }] }] });

  beforeAll(async () => {
    t = await startIntegrationTakt(dialect, { schemas: null });
    await buildErpPlant(t);
    // A product with an approved revision, made before any policy asks for signatures.
    expect((await t.postXml(scheduleMessage(bod(), [built('WO-VALVE-0', 'FG-VALVE')]))).status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    await t.release();
  });

  describe('when revision.approve needs a signature', () => {
    beforeAll(async () => {
      await policy('revision.approve', ['approved']);
      for (const id of ['FG-SIG-1', 'FG-SIG-2']) await ok(t, 'PUT', `/api/v1/materials/${id}`, { name: id, uom: 'ea', lotControlled: true });
    });
    afterAll(() => policy('revision.approve', []));

    it('keeps the revision built from the schedule in draft and reports it and the orders that need it as awaiting a signed approval', async () => {
      const message = scheduleMessage('BOD-SIG-SCHEDULE', [built('WO-SIG-1', 'FG-SIG-1'), built('WO-SIG-2', 'FG-SIG-1'), built('WO-VALVE-1', 'FG-VALVE')]);
      // Asked first as a dry run: it would be taken, and it says what would wait for a signature; nothing is written.
      const before = await storeCounts(t.takt.store.db);
      const dry = await t.postXml(message, { query: '?dryRun=true' });
      expect(dry.status, JSON.stringify(dry.body)).toBe(200);
      expect(dry.body).toMatchObject({ allowed: true, violations: [] });
      expect((dry.body.awaitingSignature as { entity: string; entityId: string; to: string }[]).map((a) => [a.entity, a.entityId, a.to])).toEqual([
        ['product', 'FG-SIG-1', 'approved'], ['work-order', 'WO-SIG-1', 'created'], ['work-order', 'WO-SIG-2', 'created'],
      ]);
      expect(await storeCounts(t.takt.store.db)).toEqual(before);
      expect(await statuses('FG-SIG-1')).toEqual([]);

      const r = await t.postXml(message);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const xml = String(r.body);
      expect(outboundProblems(xml, 'V0600')).toEqual([]);
      expect(verdict(xml)).toBe('Modified');
      expect(notes(xml)).toEqual([
        [`${REQ}[1]`, 'AWAITING_SIGNATURE', 'revision.approve', 'draft', 'approved'],
        [`${REQ}[1]`, 'AWAITING_SIGNATURE', 'revision.approve', '', 'created'],
        [`${REQ}[2]`, 'AWAITING_SIGNATURE', 'revision.approve', '', 'created'],
      ]);
      expect(await statuses('FG-SIG-1')).toEqual([[1, 'draft']]);
      expect((await t.call('GET', '/api/v1/work-orders/WO-SIG-1')).status).toBe(404);
      expect((await t.call('GET', '/api/v1/work-orders/WO-SIG-2')).status).toBe(404);
      expect((await t.call('GET', '/api/v1/work-orders/WO-VALVE-1')).body.status).toBe('created');
      expect((await t.call('GET', '/api/v1/signatures?entity=product&entityId=FG-SIG-1')).body.items).toEqual([]);
      expect((await journal('product', 'FG-SIG-1')).map((e) => e.action)).toEqual(['revision.created']);
      const [imported] = await journal('b2mml-message', 'BOD-SIG-SCHEDULE');
      expect(imported?.data.awaitingSignature).toEqual([
        expect.objectContaining({ code: 'AWAITING_SIGNATURE', action: 'revision.approve', policy: { meanings: ['approved'], witness: false }, entity: 'product', entityId: 'FG-SIG-1', revision: 1, from: 'draft', to: 'approved', path: `${REQ}[1]` }),
        expect.objectContaining({ code: 'AWAITING_SIGNATURE', action: 'revision.approve', entity: 'work-order', entityId: 'WO-SIG-1', revision: 1, from: null, to: 'created' }),
        expect.objectContaining({ code: 'AWAITING_SIGNATURE', action: 'revision.approve', entity: 'work-order', entityId: 'WO-SIG-2', path: `${REQ}[2]` }),
      ]);
      for (const item of imported?.data.awaitingSignature as { message: string }[]) expect(item.message).toMatch(/revision\.approve.*approved/);
    });

    it('builds no second draft when the schedule comes again, and creates the order once a person signed the approval', async () => {
      const again = await t.postXml(scheduleMessage(bod(), [built('WO-SIG-1', 'FG-SIG-1')]));
      expect(verdict(String(again.body))).toBe('Modified');
      expect(notes(String(again.body)).map((x) => x[4])).toEqual(['approved', 'created']);
      expect(await statuses('FG-SIG-1')).toEqual([[1, 'draft']]);
      const unsigned = await t.call('POST', '/api/v1/products/FG-SIG-1/revisions/1/approve', { as: 'engineer', body: {} });
      expect(unsigned.body.violations.map((v: { code: string }) => v.code)).toEqual(['SIGNATURE_REQUIRED']);
      const signed = await t.call('POST', '/api/v1/products/FG-SIG-1/revisions/1/approve', { as: 'engineer', body: { signature: sign('t-engineer') } });
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
      const after = await t.postXml(scheduleMessage(bod(), [built('WO-SIG-1', 'FG-SIG-1')]));
      expect(verdict(String(after.body))).toBe('Accepted');
      expect(notes(String(after.body))).toEqual([]);
      expect((await t.call('GET', '/api/v1/work-orders/WO-SIG-1')).body).toMatchObject({ status: 'created', revision: 1 });
      const sigs = (await t.call('GET', '/api/v1/signatures?entity=product&entityId=FG-SIG-1')).body.items;
      expect(sigs.map((s: { signer: string }) => s.signer)).toEqual(['t-engineer']);
    });

    it('still refuses the whole message when another order in it has a problem, and builds no draft then', async () => {
      await ok(t, 'PUT', '/api/v1/materials/FG-BARE', { name: 'Bare', uom: 'ea', lotControlled: true });
      const before = await storeCounts(t.takt.store.db);
      const r = await t.postXml(scheduleMessage(bod(), [built('WO-SIG-3', 'FG-SIG-2'), { id: 'WO-BARE', material: 'FG-BARE', quantity: 1, segments: [] }]));
      expect(r.status).toBe(422);
      expect(r.body.violations).toEqual([expect.objectContaining({ code: 'NO_WORK_CENTER', field: `${REQ}[2]/SegmentRequirement` })]);
      expect(await storeCounts(t.takt.store.db)).toEqual(before);
    });
  });

  describe('when lot.release needs a signature', () => {
    beforeAll(() => policy('lot.release', ['approved']));
    afterAll(() => policy('lot.release', []));

    it('receives a lot the message says is released in quarantine and reports that its release awaits a signature', async () => {
      const r = await t.postXml(lotsMessage('BOD-SIG-LOTS', [
        { id: 'L-SIG-1', material: 'RM-STEEL', quantity: 10, uom: 'kg', status: 'Released' },
        { id: 'L-SIG-2', material: 'RM-STEEL', quantity: 10, uom: 'kg' },
        { id: 'L-SIG-3', material: 'RM-STEEL', quantity: 10, uom: 'kg', status: 'Hold' },
      ]));
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(outboundProblems(String(r.body), 'V0600')).toEqual([]);
      expect(verdict(String(r.body))).toBe('Modified');
      expect(notes(String(r.body))).toEqual([[`${LOT}[1]`, 'AWAITING_SIGNATURE', 'lot.release', 'quarantine', 'released']]);
      expect([await lotStatus('L-SIG-1'), await lotStatus('L-SIG-2'), await lotStatus('L-SIG-3')]).toEqual(['quarantine', 'quarantine', 'on_hold']);
      expect((await journal('lot', 'L-SIG-1')).map((e) => [e.action, e.data.status])).toEqual([['lot.received', 'quarantine']]);
      expect((await journal('b2mml-message', 'BOD-SIG-LOTS'))[0]?.data.awaitingSignature).toEqual([
        expect.objectContaining({ code: 'AWAITING_SIGNATURE', action: 'lot.release', policy: { meanings: ['approved'], witness: false }, entity: 'lot', entityId: 'L-SIG-1', from: 'quarantine', to: 'released', path: `${LOT}[1]` }),
      ]);
      expect((await t.call('GET', '/api/v1/signatures?entity=lot&entityId=L-SIG-1')).body.items).toEqual([]);
    });

    it('leaves a lot in quarantine or on hold when the message releases it, instead of refusing the message', async () => {
      const r = await t.postXml(lotsMessage(bod(), [
        { id: 'L-SIG-2', material: 'RM-STEEL', quantity: 10, uom: 'kg', status: 'Released' },
        { id: 'L-SIG-3', material: 'RM-STEEL', quantity: 10, uom: 'kg', status: 'Released' },
      ]));
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(notes(String(r.body))).toEqual([
        [`${LOT}[1]`, 'AWAITING_SIGNATURE', 'lot.release', 'quarantine', 'released'],
        [`${LOT}[2]`, 'AWAITING_SIGNATURE', 'lot.release', 'on_hold', 'released'],
      ]);
      expect([await lotStatus('L-SIG-2'), await lotStatus('L-SIG-3')]).toEqual(['quarantine', 'on_hold']);
      expect((await journal('lot', 'L-SIG-3')).map((e) => [e.action, e.data.status])).toEqual([['lot.received', 'on_hold']]);
    });

    it('counts a policy asking only for a witness as needing a signature too', async () => {
      await policy('lot.release', [], true);
      const r = await t.postXml(lotsMessage(bod(), [{ id: 'L-SIG-W', material: 'RM-STEEL', quantity: 1, uom: 'kg', status: 'Released' }]));
      expect(notes(String(r.body))).toEqual([[LOT, 'AWAITING_SIGNATURE', 'lot.release', 'quarantine', 'released']]);
      expect((await journal('b2mml-message', `BOD-SIG-${n}`))[0]?.data.awaitingSignature).toEqual([expect.objectContaining({ policy: { meanings: [], witness: true } })]);
      expect(await lotStatus('L-SIG-W')).toBe('quarantine');
      await policy('lot.release', ['approved']);
    });

    it('releases as before once the policy no longer needs a signature', async () => {
      await policy('lot.release', []);
      const r = await t.postXml(lotsMessage(bod(), [{ id: 'L-SIG-2', material: 'RM-STEEL', quantity: 10, uom: 'kg', status: 'Released' }]));
      expect(verdict(String(r.body))).toBe('Accepted');
      expect(notes(String(r.body))).toEqual([]);
      expect(await lotStatus('L-SIG-2')).toBe('released');
      expect((await journal('b2mml-message', `BOD-SIG-${n}`))[0]?.data).not.toHaveProperty('awaitingSignature');
    });
  });
});
