import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadB2mmlSchemas } from '../../src/modules/integration/b2mml/index.js';
import { outboundProblems } from '../../src/modules/integration/b2mml/fixtures/outbound-xsd.fixture.js';
import { readFixture, standardsFolder } from '../../src/modules/integration/b2mml/fixtures/standards.fixture.js';
import { lotsMessage } from '../../src/modules/integration/inbound/b2mml-message.test-messages.js';
import { webhookSignature } from '../../src/modules/integration/index.js';
import { buildErpPlant, startIntegrationTakt, type IntegrationTakt } from '../support/integration-takt.js';
import { describeStores } from '../support/stores.js';
import { eventually, WebhookReceiver, type Received } from '../support/webhook-receiver.js';

const SECRET = 'erp-connector-shared-secret';

/** The text of the first element `name` (or null). */
const first = (xml: string, name: string): string | null => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? null;
const all = (xml: string, name: string): string[] => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1] ?? '');

describeStores('ERP round trip: schedule in (B2MML), execution, performance out (webhook)', (dialect) => {
  let t: IntegrationTakt & { release(): Promise<void> };
  const receiver = new WebhookReceiver();
  const subscriptions: Record<string, string> = {};

  beforeAll(async () => {
    t = await startIntegrationTakt(dialect, { schemas: loadB2mmlSchemas(standardsFolder()), outbox: { pollMs: 40, baseDelayMs: 40, maxAttempts: 5 } });
    await buildErpPlant(t);
    await receiver.start();
    // The ERP connector is briefly down: its first answer is a 500, so the first message arrives twice.
    receiver.responder = (_r, i) => ({ status: i === 0 ? 500 : 200 });
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
    await t.release();
  });

  const op = async (url: string, body: unknown) => {
    const r = await t.call('POST', url, { body, as: 'operator' });
    expect(r.status, `${url}: ${JSON.stringify(r.body)}`).toBe(200);
    return r;
  };

  it('subscribes the ERP connector to order performance in both releases', async () => {
    for (const format of ['b2mml-v0600', 'b2mml-v0701']) {
      const r = await t.call('POST', '/api/v1/integration/subscriptions', {
        as: 'integration', body: { kind: 'webhook', target: receiver.url, events: ['work-order.completed'], format, secret: SECRET },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      subscriptions[format] = r.body.id;
    }
  });

  it('takes the lots and the schedule from the ERP', async () => {
    const lots = await t.postXml(lotsMessage('ERP-LOTS-1', [{ id: 'LOT-STEEL-1', material: 'RM-STEEL', quantity: 100, uom: 'kg', status: 'Released' }]));
    expect(lots.status, JSON.stringify(lots.body)).toBe(200);
    const schedule = await t.postXml(readFixture('v0600-process-production-schedule.xml'));
    expect(schedule.status, JSON.stringify(schedule.body)).toBe(200);
    expect(String(schedule.body)).toContain('<AcknowledgeProductionSchedule ');
    expect(outboundProblems(String(schedule.body), 'V0600')).toEqual([]);
  });

  it('executes WO-1001 through the API: turning on LATHE-01, milling on MILL-02', async () => {
    expect((await t.call('POST', '/api/v1/work-orders/WO-1001/release', { as: 'supervisor', body: {} })).status).toBe(200);
    const order = (await t.call('GET', '/api/v1/work-orders/WO-1001')).body;
    const [turn, mill] = order.operations.map((o: { id: string }) => o.id);
    const started = await op(`/api/v1/operations/${turn}/start`, { equipmentId: 'LATHE-01' });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect((await op(`/api/v1/operations/${turn}/consume`, { lotId: 'LOT-STEEL-1', quantity: 25.5 })).status).toBe(200);
    expect((await op(`/api/v1/operations/${turn}/report`, { good: 49, scrap: 1, scrapReason: 'DENT' })).status).toBe(200);
    expect((await op(`/api/v1/operations/${turn}/complete`, {})).status).toBe(200);
    expect((await op(`/api/v1/operations/${mill}/start`, { equipmentId: 'MILL-02' })).status).toBe(200);
    expect((await op(`/api/v1/operations/${mill}/produce`, { lotId: 'FG-L-1', quantity: 30 })).status).toBe(200);
    expect((await op(`/api/v1/operations/${mill}/produce`, { lotId: 'FG-L-2', quantity: 18 })).status).toBe(200);
    expect((await op(`/api/v1/operations/${mill}/report`, { good: 48, scrap: 1, scrapReason: 'BURR' })).status).toBe(200);
    expect((await op(`/api/v1/operations/${mill}/complete`, {})).body.orderStatus).toBe('completed');
  });

  it('delivers the V0600 ProductionPerformance and the V0701 OperationsPerformance, signed, each under one stable message id', async () => {
    await eventually(() => receiver.messageIds().length === 2 && receiver.received.length === 3, 'two messages, the first one twice');
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.received).toHaveLength(3);
    const byId = new Map<string, Received[]>();
    for (const r of receiver.received) byId.set(String(r.headers['x-takt-message-id']), [...(byId.get(String(r.headers['x-takt-message-id'])) ?? []), r]);
    const retried = [...byId.values()].find((rs) => rs.length === 2);
    expect(retried?.[1]?.body).toBe(retried?.[0]?.body);
    for (const [id, [r]] of byId) {
      if (!r) throw new Error('no request');
      expect(r.headers['x-takt-signature']).toBe(webhookSignature(SECRET, r.body));
      expect(r.headers['content-type']).toBe('application/xml');
      expect(first(r.body, 'BODID')).toBe(id);
    }
    const v0600 = receiver.received.find((r) => r.body.includes('<ProcessProductionPerformance '))?.body ?? '';
    const v0701 = receiver.received.find((r) => r.body.includes('<ProcessOperationsPerformance '))?.body ?? '';
    expect(outboundProblems(v0600, 'V0600')).toEqual([]);
    expect(outboundProblems(v0701, 'V0701')).toEqual([]);
    expect(first(v0600, 'BODID')?.startsWith(`${subscriptions['b2mml-v0600']}-`)).toBe(true);
    expect(first(v0701, 'BODID')?.startsWith(`${subscriptions['b2mml-v0701']}-`)).toBe(true);

    expect(first(v0600, 'LogicalID')).toBe('Takt');
    expect(v0600).toMatch(/<Receiver>\s*<LogicalID>ERP-PRD<\/LogicalID>\s*<\/Receiver>/);
    expect(first(v0600, 'ProductionScheduleID')).toBe('SCH-2024-10');
    expect(first(v0600, 'ProductionRequestID')).toBe('WO-1001');
    expect(all(v0600, 'MaterialLotID')).toEqual(['FG-L-1', 'FG-L-2', 'LOT-STEEL-1']);
    expect(all(v0600, 'EquipmentID')).toEqual(expect.arrayContaining(['LATHE-01', 'MILL-02']));
    expect(all(v0600, 'ProcessSegmentID')).toEqual(['TURN', 'MILL']);
    expect(v0600).toContain('<Key>DENT</Key>');
    expect(all(v0600, 'ResponseState')).toContain('Completed');
    expect(all(v0701, 'MaterialLotID')).toEqual(expect.arrayContaining(['FG-L-1', 'FG-L-2', 'LOT-STEEL-1']));

    const deliveries = (await t.call('GET', '/api/v1/integration/deliveries?status=delivered', { as: 'integration' })).body.items;
    expect(deliveries.map((d: { attempts: number }) => d.attempts).sort()).toEqual([1, 2]);
  });

  it('answers the same actuals as JSON on the REST side', async () => {
    const r = await t.call('GET', '/api/v1/work-orders/WO-1001/performance', { as: 'integration' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      workOrderId: 'WO-1001', materialId: 'FG-FLANGE', scheduleId: 'SCH-2024-10', state: 'completed',
      startedAt: expect.any(String), endedAt: expect.any(String),
      produced: [{ lotId: 'FG-L-1', quantity: 30, uom: 'ea' }, { lotId: 'FG-L-2', quantity: 18, uom: 'ea' }],
      consumed: [{ lotId: 'LOT-STEEL-1', materialId: 'RM-STEEL', quantity: 25.5, uom: 'kg' }],
      scrap: [{ quantity: 1, uom: 'ea', reason: 'DENT' }, { quantity: 1, uom: 'ea', reason: 'BURR' }],
      equipmentIds: ['LATHE-01', 'MILL-02'],
    });
    expect(r.body.operations.map((o: { processSegmentId: string; segmentRequirementId: string; equipmentIds: string[]; good: { quantity: number } }) => [o.processSegmentId, o.segmentRequirementId, o.equipmentIds, o.good.quantity])).toEqual([
      ['TURN', '10', ['LATHE-01'], 49],
      ['MILL', '20', ['MILL-02'], 48],
    ]);
    const xml = await t.call('GET', '/api/v1/work-orders/WO-1001/performance?format=b2mml-v0701', { as: 'integration' });
    expect(outboundProblems(String(xml.body), 'V0701')).toEqual([]);
    expect((await t.call('GET', '/api/v1/work-orders/NO-SUCH/performance')).status).toBe(404);
  });

  it('leaves a journal that still verifies', async () => {
    expect((await t.call('GET', '/api/v1/journal/verify')).body).toMatchObject({ ok: true });
  });
});
