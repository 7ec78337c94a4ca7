import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { buildErpPlant, startIntegrationTakt, type IntegrationTakt } from '../../../../test/support/integration-takt.js';
import { loadB2mmlSchemas } from '../b2mml/index.js';
import { outboundProblems } from '../b2mml/fixtures/outbound-xsd.fixture.js';
import { readFixture, standardsFolder } from '../b2mml/fixtures/standards.fixture.js';
import { storeCounts } from './import-test.helpers.js';

const PS = '/ProcessProductionSchedule/DataArea/ProductionSchedule';

describeStores('POST /integration/b2mml', (dialect) => {
  let t: IntegrationTakt & { release(): Promise<void> };

  beforeAll(async () => {
    t = await startIntegrationTakt(dialect, { schemas: loadB2mmlSchemas(standardsFolder()) });
    await buildErpPlant(t);
  });
  afterAll(async () => {
    await t.close();
    await t.release();
  });

  describe('every positive fixture, in the order an ERP sends them', () => {
    const accepted: [string, string, string][] = [
      ['v0600-sync-material-definition.xml', 'AcknowledgeMaterialDefinition', 'V0600'],
      ['v0701-sync-material-definition.xml', 'AcknowledgeMaterialDefinition', 'V0701'],
      ['v0600-sync-material-lot.xml', 'AcknowledgeMaterialLot', 'V0600'],
      ['v0701-sync-material-lot.xml', 'AcknowledgeMaterialLot', 'V0701'],
      ['v0600-process-production-schedule.xml', 'AcknowledgeProductionSchedule', 'V0600'],
      ['v0600-process-operations-schedule.xml', 'AcknowledgeOperationsSchedule', 'V0600'],
      ['v0701-process-operations-schedule.xml', 'AcknowledgeOperationsSchedule', 'V0701'],
      ['v0600-sync-production-schedule-delete.xml', 'AcknowledgeProductionSchedule', 'V0600'],
    ];
    it.each(accepted)('%s is answered 200 with %s, valid against the %s schema', async (file, root, version) => {
      const r = await t.postXml(readFixture(file));
      expect(r.status, String(r.body)).toBe(200);
      expect(r.headers['content-type']).toMatch(/^application\/xml/);
      expect(String(r.body)).toContain(`<${root} `);
      expect(String(r.body)).toContain('actionCode="Accepted"');
      expect(outboundProblems(String(r.body), version as 'V0600' | 'V0701')).toEqual([]);
    });

    it('applied what the messages said: materials, lots, orders with their routings, the cancellation', async () => {
      const resin = await t.call('GET', '/api/v1/materials/RM-RESIN');
      expect(resin.body).toMatchObject({ uom: 'kg', lotControlled: true, shelfLifeDays: 180 });
      expect((await t.call('GET', '/api/v1/materials/RM-BOLT')).body).toMatchObject({ uom: 'ea', lotControlled: false });
      expect((await t.call('GET', '/api/v1/lots/LOT-R-001')).body).toMatchObject({ materialId: 'RM-STEEL', quantity: 1200, status: 'quarantine', supplierLot: 'S-88812' });
      expect((await t.call('GET', '/api/v1/lots/LOT-R-002')).body).toMatchObject({ status: 'released', quantity: 800 });
      expect((await t.call('GET', '/api/v1/lots/LOT-B-001')).body).toMatchObject({ status: 'on_hold', quantity: 5000 });
      const wo1002 = (await t.call('GET', '/api/v1/work-orders/WO-1002')).body;
      expect(wo1002).toMatchObject({ materialId: 'FG-VALVE', quantity: 10, status: 'created' });
      expect(wo1002.operations.map((o: { workCenterId: string }) => o.workCenterId)).toEqual(['WC-ASSY', 'WC-ASSY']);
      expect(wo1002.bom).toEqual([expect.objectContaining({ materialId: 'FG-FLANGE', quantity: 2, uom: 'ea', operationSeq: 10 })]);
      expect((await t.call('GET', '/api/v1/work-orders/WO-1001')).body).toMatchObject({ status: 'cancelled', quantity: 50, materialId: 'FG-FLANGE' });
      const flange = (await t.call('GET', '/api/v1/products/FG-FLANGE/revisions')).body;
      expect(JSON.stringify(flange)).toContain('WC-LATHE');
      expect((await t.call('GET', '/api/v1/work-orders/WO-3001')).body).toMatchObject({ materialId: 'FG-VALVE', quantity: 12, priority: 1 });
      expect((await t.call('GET', '/api/v1/work-orders/WO-4001')).body).toMatchObject({ materialId: 'FG-FLANGE', quantity: 8 });
    });

    it('journals each message with what it brought', async () => {
      const events = (await t.call('GET', '/api/v1/journal?entity=b2mml-message')).body.events;
      expect(events.map((e: { entityId: string }) => e.entityId)).toEqual(
        expect.arrayContaining(['ERP-MD-0001', 'ERP-MD-0701', 'ERP-ML-0001', 'ERP-ML-0701', 'ERP-PS-0001', 'ERP-OS-0600', 'ERP-OS-0001', 'ERP-PS-0002']),
      );
      const ps = events.find((e: { entityId: string }) => e.entityId === 'ERP-PS-0001');
      expect(ps).toMatchObject({ actor: 't-integration', data: { workOrders: ['WO-1001', 'WO-1002'], sender: 'ERP-PRD', schemaValidated: true } });
    });
  });

  describe('the same message id again', () => {
    it('changes nothing and answers the first Acknowledge, marked as a replay', async () => {
      const before = await storeCounts(t.takt.store.db);
      const again = await t.postXml(readFixture('v0600-process-production-schedule.xml'));
      const once = await t.call('GET', '/api/v1/journal?entity=b2mml-message&entityId=ERP-PS-0001');
      expect(again.status).toBe(200);
      expect(again.headers['idempotent-replay']).toBe('true');
      expect(again.headers['x-takt-message-id']).toBe('ERP-PS-0001');
      expect(String(again.body)).toContain('<AcknowledgeProductionSchedule ');
      expect(await storeCounts(t.takt.store.db)).toEqual(before);
      expect(once.body.events).toHaveLength(1);
    });

    it('answers byte for byte what it answered the first time', async () => {
      const first = await t.postXml(readFixture('v0701-sync-material-lot.xml'));
      const second = await t.postXml(readFixture('v0701-sync-material-lot.xml'));
      expect(second.body).toBe(first.body);
    });

    it('honours an Idempotency-Key: the same message again answers the first Acknowledge, another message under it 422', async () => {
      const headers = { 'idempotency-key': 'b2mml-key-1' };
      const first = await t.postXml(readFixture('v0600-sync-material-definition.xml'), { headers });
      expect(first.status, String(first.body)).toBe(200);
      const again = await t.postXml(readFixture('v0600-sync-material-definition.xml'), { headers });
      expect(again.status).toBe(200);
      expect(again.headers['idempotent-replay']).toBe('true');
      expect(again.body).toBe(first.body);
      const before = await storeCounts(t.takt.store.db);
      const other = await t.postXml(readFixture('v0701-sync-material-definition.xml'), { headers });
      expect(other.status).toBe(422);
      expect((other.body as { violations: unknown[] }).violations[0]).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' });
      expect(await storeCounts(t.takt.store.db)).toEqual(before);
    });
  });

  describe('refused messages: 422, every problem with its XML path, nothing written', () => {
    const refused: [string, string, string][] = [
      ['neg-malformed.xml', 'XML_MALFORMED', '/'],
      ['neg-billion-laughs.xml', 'XML_DOCTYPE_FORBIDDEN', '/'],
      ['neg-external-entity.xml', 'XML_DOCTYPE_FORBIDDEN', '/'],
      ['neg-v0500-namespace.xml', 'UNSUPPORTED_NAMESPACE', '/ProcessProductionSchedule'],
      ['neg-v0701-process-production-schedule.xml', 'UNSUPPORTED_MESSAGE', '/ProcessProductionSchedule'],
      ['neg-unsupported-action.xml', 'UNSUPPORTED_ACTION', '/SyncMaterialLot/DataArea/Sync/ActionCriteria/ActionExpression/@actionCode'],
      ['neg-v0701-operations-schedule-xsd.xml', 'XSD_INVALID', '/ProcessOperationsSchedule/DataArea/OperationsSchedule/OperationsRequest/SegmentRequirement'],
      ['v0600-production-schedule-bad-quantity.xml', 'QUANTITY_TYPE_MISMATCH', `${PS}/ProductionRequest/SegmentRequirement/MaterialProducedRequirement/Quantity/QuantityString`],
    ];
    it.each(refused)('%s is refused with %s at %s', async (file, code, path) => {
      const before = await storeCounts(t.takt.store.db);
      const r = await t.postXml(readFixture(file));
      expect(r.status, JSON.stringify(r.body)).toBe(422);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.body.violations).toEqual(expect.arrayContaining([expect.objectContaining({ code, field: path })]));
      expect(await storeCounts(t.takt.store.db)).toEqual(before);
    });

    it('lists every semantic problem of a schedule at once, each at its element', async () => {
      const before = await storeCounts(t.takt.store.db);
      const r = await t.postXml(readFixture('v0600-production-schedule-semantic-errors.xml'));
      expect(r.status).toBe(422);
      const codes = r.body.violations.map((v: { code: string }) => v.code);
      for (const code of ['DUPLICATE_ID', 'MISSING_ID', 'MISSING_MATERIAL', 'MISSING_QUANTITY', 'QUANTITY_OUT_OF_RANGE', 'UNKNOWN_MATERIAL', 'UNKNOWN_EQUIPMENT', 'UOM_MISMATCH', 'END_BEFORE_START', 'AMBIGUOUS_PRODUCED_MATERIAL']) {
        expect(codes).toContain(code);
      }
      for (const v of r.body.violations) expect(v.field).toMatch(/^\/ProcessProductionSchedule\//);
      expect(await storeCounts(t.takt.store.db)).toEqual(before);
    });

    it('lists every problem of a lot message, and remembers no refused message id', async () => {
      const r = await t.postXml(readFixture('v0600-sync-material-lot-semantic-errors.xml'));
      expect(r.status).toBe(422);
      expect(r.body.violations.map((v: { code: string }) => v.code)).toEqual(expect.arrayContaining(['UNKNOWN_MATERIAL', 'DUPLICATE_ID']));
      expect((await t.postXml(readFixture('v0600-sync-material-lot-semantic-errors.xml'))).status).toBe(422);
    });

    it('names the line of a malformed document in the message and the details', async () => {
      const r = await t.postXml('<?xml version="1.0"?>\n<ProcessProductionSchedule>\n  <ApplicationArea>\n</ProcessProductionSchedule>');
      expect(r.status).toBe(422);
      expect(r.body.violations[0]).toMatchObject({ code: 'XML_MALFORMED', field: '/', details: { line: expect.any(Number) } });
    });
  });

  describe('the HTTP edge', () => {
    it('takes text/xml as well', async () => {
      expect((await t.postXml(readFixture('v0600-sync-material-definition.xml'), { contentType: 'text/xml; charset=utf-8' })).status).toBe(200);
    });

    it('refuses JSON with 415', async () => {
      const r = await t.call('POST', '/api/v1/integration/b2mml', { as: 'integration', body: { xml: '<x/>' } });
      expect(r.status).toBe(415);
    });

    it('refuses a body over the limit with 413 before reading it whole', async () => {
      const big = `<x>${'a'.repeat(10 * 1024 * 1024 + 10)}</x>`;
      expect((await t.postXml(big)).status).toBe(413);
    });

    it('lets only the integration role (and admin) import', async () => {
      expect((await t.postXml(readFixture('v0600-sync-material-definition.xml'), { as: 'operator' })).status).toBe(403);
      expect((await t.postXml(readFixture('v0600-sync-material-definition.xml'), { as: 'admin' })).status).toBe(200);
      expect((await t.call('POST', '/api/v1/integration/b2mml', { token: null, body: '<x/>', headers: { 'content-type': 'application/xml' } })).status).toBe(401);
    });

    it('answers ?dryRun=true without writing', async () => {
      const xml = readFixture('v0600-process-operations-schedule.xml').replace('ERP-OS-0600', 'ERP-OS-DRY').replace('WO-4001', 'WO-4002');
      const before = await storeCounts(t.takt.store.db);
      expect((await t.postXml(xml, { query: '?dryRun=true' })).body).toEqual({ allowed: true, violations: [] });
      const bad = await t.postXml(readFixture('v0600-production-schedule-semantic-errors.xml'), { query: '?dryRun=true' });
      expect(bad.status).toBe(200);
      expect(bad.body.allowed).toBe(false);
      expect(bad.body.violations.length).toBeGreaterThan(5);
      expect(await storeCounts(t.takt.store.db)).toEqual(before);
    });
  });
});
