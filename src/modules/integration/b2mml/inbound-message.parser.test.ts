import { describe, expect, it } from 'vitest';
import { readFixture } from './fixtures/standards.fixture.js';
import { parseInbound } from './inbound-message.parser.js';
import type { InboundMessage } from './inbound-message.types.js';

function accepted(name: string): InboundMessage {
  const result = parseInbound(readFixture(name));
  if (!result.ok) throw new Error(`${name} refused: ${JSON.stringify(result.problems)}`);
  return result.message;
}

function schedule(name: string) {
  const message = accepted(name);
  if (message.kind !== 'production-schedule' && message.kind !== 'operations-schedule') throw new Error(message.kind);
  return message;
}

const values = <T extends { value: string }>(refs: readonly T[]) => refs.map((r) => r.value);

describe('parseInbound: V0600 ProcessProductionSchedule', () => {
  const message = schedule('v0600-process-production-schedule.xml');
  const [first, second] = message.workOrders;

  it('carries the BODID as message id, the verb, the action and the sender', () => {
    expect(message).toMatchObject({
      kind: 'production-schedule',
      version: 'V0600',
      verb: 'Process',
      rootElement: 'ProcessProductionSchedule',
      action: 'upsert',
      messageId: 'ERP-PS-0001',
      messageIdSource: 'bod-id',
      applicationArea: {
        creationDateTime: '2024-03-01T05:00:00.000Z',
        bodId: 'ERP-PS-0001',
        senderLogicalId: 'ERP-PRD',
        senderComponentId: 'PP',
      },
    });
    expect(message.schedules).toEqual([expect.objectContaining({ id: 'SCH-2024-10' })]);
  });

  it('takes the material and quantity from the MaterialProducedRequirement, and the components', () => {
    expect(first?.id?.value).toBe('WO-1001');
    expect(first?.produced).toMatchObject({ material: { value: 'FG-FLANGE' }, quantity: { value: 50, uom: { value: 'ea' } }, operationSeq: 20 });
    expect(first?.components).toEqual([
      expect.objectContaining({ use: 'consumed', material: expect.objectContaining({ value: 'RM-STEEL' }), operationSeq: 10 }),
    ]);
    expect(first?.components[0]?.quantity).toMatchObject({ value: 25.5, dataType: 'decimal', uom: { value: 'kg' } });
  });

  it('reads the window, priority and the most specific hierarchy scope of the request', () => {
    expect(first).toMatchObject({
      description: 'Flanges for customer order 4711',
      earliestStart: { at: '2024-03-04T06:00:00.000Z' },
      latestEnd: { at: '2024-03-05T14:00:00.000Z' },
      priority: 2,
      hierarchyScope: { value: 'AREA-MACH' },
    });
  });

  it('turns segment requirements into operations numbered 10, 20 with work center, equipment and duration', () => {
    expect(first?.operations.map((o) => ({ ...o, workCenter: o.workCenter?.value, equipment: values(o.equipment) }))).toEqual([
      expect.objectContaining({ seq: 10, name: 'Turning', segmentId: '10', processSegmentId: 'TURN', workCenter: 'WC-LATHE', equipment: ['WC-LATHE'], durationSeconds: 7200 }),
      expect.objectContaining({ seq: 20, name: 'Milling', segmentId: '20', processSegmentId: 'MILL', workCenter: 'WC-MILL', equipment: ['WC-MILL', 'MILL-02'], durationSeconds: 5400 }),
    ]);
    expect(first?.operations[1]?.path).toBe('/ProcessProductionSchedule/DataArea/ProductionSchedule/ProductionRequest[1]/SegmentRequirement[2]');
  });

  it('collects every equipment id the request names, scopes included', () => {
    expect(values(first?.equipmentRefs ?? [])).toEqual(['PLANT-1', 'AREA-MACH', 'WC-LATHE', 'WC-MILL', 'MILL-02']);
  });

  it('reads MaterialUse Produced, preferring the amount over a rate quantity', () => {
    expect(second?.produced).toMatchObject({ material: { value: 'FG-VALVE' }, quantity: { value: 10, key: 'Amount' }, operationSeq: null });
  });

  it('makes leaf segments the operations, inheriting the parent scope as work center', () => {
    expect(second?.operations.map((o) => [o.seq, o.name, o.workCenter?.value])).toEqual([
      [10, 'Pre-assembly', 'WC-ASSY'],
      [20, 'ASSY-20', 'PRESS-01'],
    ]);
    expect(second?.components[0]).toMatchObject({ material: { value: 'FG-FLANGE' }, quantity: { value: 20, uom: null }, operationSeq: 10 });
  });

  it('derives the window from the segments when the request has none', () => {
    expect(second?.earliestStart?.at).toBe('2024-03-06T06:00:00.000Z');
    expect(second?.latestEnd?.at).toBe('2024-03-06T18:00:00.000Z');
  });
});

describe('parseInbound: other schedules', () => {
  it('reads a Sync with actionCode Delete as a delete', () => {
    expect(accepted('v0600-sync-production-schedule-delete.xml')).toMatchObject({ verb: 'Sync', action: 'delete', rootElement: 'SyncProductionSchedule' });
  });

  it('translates a V0701 ProcessOperationsSchedule with SegmentRequirementChild and MaterialUse Material Produced', () => {
    const message = schedule('v0701-process-operations-schedule.xml');
    expect(message).toMatchObject({ kind: 'operations-schedule', version: 'V0701', messageId: 'ERP-OS-0001', schedules: [{ id: 'OPS-2024-10' }] });
    const order = message.workOrders[0];
    expect(order).toMatchObject({
      id: { value: 'WO-3001' },
      produced: { material: { value: 'FG-VALVE' }, quantity: { value: 12 } },
      hierarchyScope: { value: 'AREA-MACH' },
      operationsDefinitionId: 'FG-VALVE-R3',
      priority: 1,
    });
    expect(order?.components.map((c) => [c.material?.value, c.quantity?.value, c.operationSeq])).toEqual([['RM-CASTING', 12, 10]]);
    expect(order?.operations.map((o) => [o.seq, o.segmentId, o.name, o.workCenter?.value, o.durationSeconds, o.operationsSegmentId])).toEqual([
      [10, 'SR-10', 'Casting finish', 'WC-LATHE', 10800, 'OS-10'],
      [20, 'SR-21', 'Pressure test', 'TEST-BENCH', 2700, 'OS-21'],
    ]);
  });

  it('translates a V0600 ProcessOperationsSchedule', () => {
    const order = schedule('v0600-process-operations-schedule.xml').workOrders[0];
    expect(order).toMatchObject({ id: { value: 'WO-4001' }, produced: { material: { value: 'FG-FLANGE' }, quantity: { value: 8 } } });
    expect(order?.operations[0]).toMatchObject({ seq: 10, name: 'MILL', workCenter: { value: 'WC-MILL' }, durationSeconds: 3600 });
  });

  it('accepts a schedule with no requests', () => {
    const xml = readFixture('v0600-sync-production-schedule-delete.xml').replace(/<ProductionRequest>[\s\S]*<\/ProductionRequest>/, '');
    expect(parseInbound(xml)).toMatchObject({ ok: true, message: { workOrders: [] } });
  });
});

describe('parseInbound: materials and lots', () => {
  it('reads material definitions with unit, lot control and shelf life from their properties', () => {
    const message = accepted('v0600-sync-material-definition.xml');
    expect(message).toMatchObject({ kind: 'material-definitions', verb: 'Sync', action: 'upsert' });
    if (message.kind !== 'material-definitions') return;
    expect(message.materials.map((m) => [m.id?.value, m.name, m.uom?.value ?? null, m.lotControlled, m.shelfLifeDays])).toEqual([
      ['RM-RESIN', 'Epoxy resin, 20 kg drum', 'kg', true, 180],
      ['FG-FLANGE', 'Flange DN50', null, null, null],
    ]);
  });

  it('matches property ids without case or separators (V0701)', () => {
    const message = accepted('v0701-sync-material-definition.xml');
    if (message.kind !== 'material-definitions') throw new Error(message.kind);
    expect(message.materials[0]).toMatchObject({ id: { value: 'RM-BOLT' }, uom: { value: 'ea' }, lotControlled: false });
  });

  it('reads lots with status, expiry at the end of the given day, and supplier lot (V0600)', () => {
    const message = accepted('v0600-sync-material-lot.xml');
    if (message.kind !== 'material-lots') throw new Error(message.kind);
    expect(message.lots.map((l) => [l.id?.value, l.material?.value, l.quantity?.value, l.quantity?.uom?.value ?? null, l.status, l.expiresAt?.at ?? null, l.supplierLot])).toEqual([
      ['LOT-R-001', 'RM-STEEL', 1200, 'kg', 'quarantine', '2026-01-01T00:00:00.000Z', 'S-88812'],
      ['LOT-R-002', 'RM-STEEL', 800, null, 'released', null, null],
    ]);
  });

  it('reads a V0701 lot with EffectiveEndDate as expiry and Blocked as on hold', () => {
    const message = accepted('v0701-sync-material-lot.xml');
    if (message.kind !== 'material-lots') throw new Error(message.kind);
    expect(message.lots[0]).toMatchObject({ status: 'on_hold', expiresAt: { at: '2026-06-30T23:59:59.000Z' }, quantity: { value: 5000 } });
  });
});

describe('parseInbound: message id', () => {
  it('is a SHA-256 of the text when there is no BODID, the same for the same text', () => {
    const xml = readFixture('v0600-production-schedule-bad-quantity.xml').replace('fifty', '50');
    const a = parseInbound(xml);
    const b = parseInbound(xml);
    const c = parseInbound(xml.replace('WO-1', 'WO-2'));
    expect(a.ok && a.message.messageIdSource).toBe('content-hash');
    expect(a.ok && a.message.messageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.ok && b.ok && a.message.messageId === b.message.messageId).toBe(true);
    expect(a.ok && c.ok && a.message.messageId !== c.message.messageId).toBe(true);
  });
});
