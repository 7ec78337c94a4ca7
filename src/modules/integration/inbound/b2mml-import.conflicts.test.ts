import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeStores } from '../../../../test/support/stores.js';
import { buildErpPlant, ok, startIntegrationTakt, type IntegrationTakt } from '../../../../test/support/integration-takt.js';
import { storeCounts } from './import-test.helpers.js';
import { lotsMessage, materialsMessage, scheduleMessage } from './b2mml-message.test-messages.js';

const REQ = '/ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest';

describeStores('B2MML import against what Takt holds', (dialect) => {
  let t: IntegrationTakt & { release(): Promise<void> };
  let n = 0;
  const id = (prefix: string) => `${prefix}-${(n += 1)}`;

  beforeAll(async () => {
    t = await startIntegrationTakt(dialect, { schemas: null });
    await buildErpPlant(t);
  });
  afterAll(async () => {
    await t.close();
    await t.release();
  });

  describe('work orders', () => {
    it('builds the routing of a product without an approved revision from the segments, at the work centers of their equipment', async () => {
      await ok(t, 'PUT', '/api/v1/materials/FG-NEW', { name: 'New', uom: 'ea', lotControlled: true });
      const r = await t.postXml(scheduleMessage(id('BOD'), [{ id: 'WO-NEW', material: 'FG-NEW', quantity: 4, segments: [
        { id: 'S10', equipment: 'LATHE-01', consumes: [{ material: 'RM-STEEL', quantity: 10, uom: 'kg' }] },
        { id: 'S20', scope: 'WC-MILL' },
      ] }]));
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const order = (await t.call('GET', '/api/v1/work-orders/WO-NEW')).body;
      expect(order.operations.map((o: { seq: number; workCenterId: string }) => [o.seq, o.workCenterId])).toEqual([[10, 'WC-LATHE'], [20, 'WC-MILL']]);
      expect(order.bom).toEqual([expect.objectContaining({ materialId: 'RM-STEEL', quantity: 2.5, operationSeq: 10 })]);
      const revisions = (await t.call('GET', '/api/v1/products/FG-NEW/revisions')).body;
      expect(JSON.stringify(revisions)).toContain('"status":"approved"');
    });

    it('uses the approved revision of a product that has one and ignores the segments', async () => {
      const r = await t.postXml(scheduleMessage(id('BOD'), [{ id: 'WO-NEW-2', material: 'FG-NEW', quantity: 2, segments: [{ id: 'X', scope: 'WC-ASSY' }] }]));
      expect(r.status).toBe(200);
      const order = (await t.call('GET', '/api/v1/work-orders/WO-NEW-2')).body;
      expect(order.operations.map((o: { workCenterId: string }) => o.workCenterId)).toEqual(['WC-LATHE', 'WC-MILL']);
    });

    it('confirms an order sent again unchanged, and applies a new priority', async () => {
      const r = await t.postXml(scheduleMessage(id('BOD'), [{ id: 'WO-NEW-2', material: 'FG-NEW', quantity: 2, priority: 7, segments: [] }]));
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect((await t.call('GET', '/api/v1/work-orders/WO-NEW-2')).body).toMatchObject({ quantity: 2, priority: 7 });
    });

    it('refuses to change the quantity or material of an existing order, at the element that asks', async () => {
      const before = await storeCounts(t.takt.store.db);
      const r = await t.postXml(scheduleMessage(id('BOD'), [{ id: 'WO-NEW-2', material: 'FG-VALVE', quantity: 3, segments: [] }]));
      expect(r.status).toBe(422);
      expect(r.body.violations).toEqual([
        expect.objectContaining({ code: 'IMPORT_CONFLICT', field: `${REQ}/SegmentRequirement/MaterialProducedRequirement/MaterialDefinitionID` }),
        expect.objectContaining({ code: 'IMPORT_CONFLICT', field: `${REQ}/SegmentRequirement/MaterialProducedRequirement/Quantity` }),
      ]);
      expect(await storeCounts(t.takt.store.db)).toEqual(before);
    });

    it('refuses to build a routing from segments that name no work center, each at its segment (NO_WORK_CENTER)', async () => {
      await ok(t, 'PUT', '/api/v1/materials/FG-BARE', { name: 'Bare', uom: 'ea', lotControlled: true });
      const none = await t.postXml(scheduleMessage(id('BOD'), [{ id: 'WO-BARE', material: 'FG-BARE', quantity: 1, segments: [] }]));
      expect(none.body.violations).toEqual([expect.objectContaining({ code: 'NO_WORK_CENTER', field: `${REQ}/SegmentRequirement` })]);
      const nowhere = await t.postXml(scheduleMessage(id('BOD'), [{ id: 'WO-BARE', material: 'FG-BARE', quantity: 1, segments: [{ id: 'A', scope: 'AREA-MACH' }, { id: 'B' }] }]));
      expect(nowhere.status).toBe(422);
      expect(nowhere.body.violations).toEqual([
        expect.objectContaining({ code: 'NO_WORK_CENTER', field: `${REQ}/SegmentRequirement[1]` }),
        expect.objectContaining({ code: 'NO_WORK_CENTER', field: `${REQ}/SegmentRequirement[2]` }),
      ]);
    });

    it('reports a Takt rule that refuses a step (a product consuming itself) as IMPORT_REFUSED', async () => {
      const r = await t.postXml(scheduleMessage(id('BOD'), [{ id: 'WO-SELF', material: 'FG-BARE', quantity: 1, segments: [{ id: 'A', scope: 'WC-ASSY', consumes: [{ material: 'FG-BARE', quantity: 1, uom: 'ea' }] }] }]));
      expect(r.status).toBe(422);
      expect(r.body.violations[0]).toMatchObject({ code: 'IMPORT_REFUSED', field: REQ });
      expect(r.body.violations[0].message).toContain('INVALID_FIELD');
    });

    it('applies a message whole or not at all: one bad order keeps every other one out', async () => {
      const before = await storeCounts(t.takt.store.db);
      const r = await t.postXml(scheduleMessage(id('BOD'), [
        { id: 'WO-GOOD-1', material: 'FG-NEW', quantity: 1, segments: [] },
        { id: 'WO-BAD-1', material: 'FG-BARE', quantity: 1, segments: [] },
        { id: 'WO-GOOD-2', material: 'FG-NEW', quantity: 1, segments: [] },
      ]));
      expect(r.status).toBe(422);
      expect(r.body.violations).toEqual([expect.objectContaining({ code: 'NO_WORK_CENTER', field: `${REQ}[2]/SegmentRequirement` })]);
      expect(await storeCounts(t.takt.store.db)).toEqual(before);
      expect((await t.call('GET', '/api/v1/work-orders/WO-GOOD-1')).status).toBe(404);
    });

    it('cancels on Delete; an unknown or cancelled order needs nothing; a completed one cannot be', async () => {
      await t.postXml(scheduleMessage(id('BOD'), [{ id: 'WO-C', material: 'FG-NEW', quantity: 1, segments: [] }]));
      const del = (ids: string[]) => t.postXml(scheduleMessage(id('BOD'), ids.map((i) => ({ id: i, material: 'FG-NEW', quantity: 1, segments: [] })), 'Delete'));
      expect((await del(['WO-C', 'WO-NEVER'])).status).toBe(200);
      expect((await t.call('GET', '/api/v1/work-orders/WO-C')).body.status).toBe('cancelled');
      expect((await del(['WO-C'])).status).toBe(200);
      await t.takt.store.db.updateTable('work_orders').set({ status: 'completed' }).where('id', '=', 'WO-NEW').execute();
      const done = await del(['WO-NEW']);
      expect(done.body.violations).toEqual([expect.objectContaining({ code: 'IMPORT_CONFLICT', field: REQ })]);
    });
  });

  describe('materials', () => {
    it('keeps what a definition leaves out and refuses to delete a material Takt holds', async () => {
      await ok(t, 'PUT', '/api/v1/materials/RM-KEEP', { name: 'Kept name', uom: 'kg', lotControlled: false, shelfLifeDays: 30 });
      expect((await t.postXml(materialsMessage(id('BOD'), [{ id: 'RM-KEEP' }]))).status).toBe(200);
      expect((await t.call('GET', '/api/v1/materials/RM-KEEP')).body).toEqual({ id: 'RM-KEEP', name: 'Kept name', uom: 'kg', lotControlled: false, shelfLifeDays: 30 });
      const del = await t.postXml(materialsMessage(id('BOD'), [{ id: 'RM-KEEP' }, { id: 'RM-NEVER' }], 'Delete'));
      expect(del.body.violations).toEqual([expect.objectContaining({ code: 'IMPORT_CONFLICT', field: '/SyncMaterialDefinition/DataArea/MaterialDefinition[1]' })]);
      expect((await t.postXml(materialsMessage(id('BOD'), [{ id: 'RM-NEVER' }], 'Delete'))).status).toBe(200);
    });
  });

  describe('lots', () => {
    it('receives in the stated status (rejected included) and moves existing lots through the API transitions', async () => {
      const r = await t.postXml(lotsMessage(id('BOD'), [
        { id: 'L-Q', material: 'RM-STEEL', quantity: 10, uom: 'kg' },
        { id: 'L-R', material: 'RM-STEEL', quantity: 10, uom: 'kg', status: 'Rejected' },
      ]));
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect((await t.call('GET', '/api/v1/lots/L-Q')).body.status).toBe('quarantine');
      expect((await t.call('GET', '/api/v1/lots/L-R')).body.status).toBe('rejected');
      expect((await t.postXml(lotsMessage(id('BOD'), [{ id: 'L-Q', material: 'RM-STEEL', quantity: 10, uom: 'kg', status: 'Released' }]))).status).toBe(200);
      expect((await t.call('GET', '/api/v1/lots/L-Q')).body.status).toBe('released');
      const back = await t.postXml(lotsMessage(id('BOD'), [{ id: 'L-Q', material: 'RM-STEEL', quantity: 10, uom: 'kg', status: 'Quarantine' }]));
      expect(back.body.violations).toEqual([expect.objectContaining({ code: 'IMPORT_CONFLICT', field: '/SyncMaterialLot/DataArea/MaterialLot' })]);
      const events = (await t.call('GET', '/api/v1/journal?entity=lot&entityId=L-Q')).body.events.map((e: { action: string }) => e.action);
      expect(events).toEqual(['lot.received', 'lot.released']);
    });

    it('refuses another quantity or material for an existing lot, and takes a deleted lot out of use', async () => {
      const r = await t.postXml(lotsMessage(id('BOD'), [{ id: 'L-Q', material: 'RM-CASTING', quantity: 11, uom: 'ea' }]));
      expect(r.body.violations.map((v: { code: string; field: string }) => [v.code, v.field])).toEqual([
        ['IMPORT_CONFLICT', '/SyncMaterialLot/DataArea/MaterialLot/MaterialDefinitionID'],
        ['IMPORT_CONFLICT', '/SyncMaterialLot/DataArea/MaterialLot/Quantity'],
      ]);
      expect((await t.postXml(lotsMessage(id('BOD'), [{ id: 'L-Q', material: 'RM-STEEL', quantity: 10, uom: 'kg' }, { id: 'L-NEVER', material: 'RM-STEEL', quantity: 1, uom: 'kg' }], 'Delete'))).status).toBe(200);
      expect((await t.call('GET', '/api/v1/lots/L-Q')).body.status).toBe('rejected');
    });
  });
});
