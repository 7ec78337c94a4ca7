import { describe, expect, it } from 'vitest';
import { COMPLETED_ORDER } from './fixtures/order-actuals.fixture.js';
import { outboundProblems } from './fixtures/outbound-xsd.fixture.js';
import { writeProductionPerformance } from './production-performance.writer.js';
import { child, childText, children } from './xml-element.reader.js';
import { parseXmlDocument } from './xml-document.parser.js';
import type { XmlElementNode } from './xml-element.types.js';

function tree(xml: string): XmlElementNode {
  const parsed = parseXmlDocument(xml);
  if (!parsed.ok) throw new Error('not well-formed');
  parsed.document.dispose();
  return parsed.root;
}

const at = (e: XmlElementNode | null | undefined, ...names: string[]): XmlElementNode | null =>
  names.reduce<XmlElementNode | null>((cur, n) => (cur === null ? null : child(cur, n)), e ?? null);

const xml = writeProductionPerformance(COMPLETED_ORDER, { bodId: 'TAKT-PERF-1', createdAt: '2024-03-04T13:31:00Z', receiverLogicalId: 'ERP-PRD' });
const root = tree(xml);
const response = at(root, 'DataArea', 'ProductionPerformance', 'ProductionResponse');
const order = at(response, 'SegmentResponse');

describe('writeProductionPerformance', () => {
  it('writes a ProcessProductionPerformance valid against the MESA V0600 schema', () => {
    expect(root.name).toBe('ProcessProductionPerformance');
    expect(outboundProblems(xml, 'V0600')).toEqual([]);
  });

  it('answers the ProductionRequest of the order with its times and state', () => {
    expect(childText(at(root, 'ApplicationArea')!, 'BODID')).toBe('TAKT-PERF-1');
    expect(childText(at(root, 'DataArea', 'ProductionPerformance')!, 'ProductionScheduleID')).toBe('SCH-2024-10');
    expect(childText(response!, 'ProductionRequestID')).toBe('WO-1001');
    expect(childText(response!, 'StartTime')).toBe('2024-03-04T06:00:00.000Z');
    expect(childText(response!, 'EndTime')).toBe('2024-03-04T13:30:00.000Z');
    expect(childText(response!, 'ResponseState')).toBe('Completed');
  });

  it('lists produced and consumed lots with material, lot and quantity', () => {
    const produced = children(order!, 'MaterialProducedActual').map((p) => [childText(p, 'MaterialDefinitionID'), childText(p, 'MaterialLotID'), childText(child(p, 'Quantity')!, 'QuantityString'), childText(child(p, 'Quantity')!, 'UnitOfMeasure')]);
    expect(produced).toEqual([
      ['FG-FLANGE', 'FG-L-1', '30', 'ea'],
      ['FG-FLANGE', 'FG-L-2', '18', 'ea'],
    ]);
    const consumed = children(order!, 'MaterialConsumedActual').map((c) => [childText(c, 'MaterialDefinitionID'), childText(c, 'MaterialLotID'), childText(child(c, 'Quantity')!, 'QuantityString')]);
    expect(consumed).toEqual([['RM-STEEL', 'LOT-R-001', '24.75']]);
  });

  it('totals good and scrap quantities per unit and reason without float noise', () => {
    const data = children(order!, 'ProductionData').map((d) => [
      childText(d, 'ID'),
      children(d, 'Value').map((v) => [childText(v, 'ValueString'), childText(v, 'UnitOfMeasure'), childText(v, 'Key')]),
    ]);
    expect(data).toEqual([
      ['GoodQuantity', [['48', 'ea', null]]],
      ['ScrapQuantity', [['1.3', 'ea', 'DENT'], ['1', 'ea', null]]],
    ]);
  });

  it('names the equipment used and nests one SegmentResponse per operation', () => {
    expect(children(order!, 'EquipmentActual').map((e) => childText(e, 'EquipmentID'))).toEqual(['LATHE-01', 'MILL-02']);
    const ops = children(order!, 'SegmentResponse').map((s) => [childText(s, 'ID'), childText(s, 'ProcessSegmentID'), childText(s, 'Description'), childText(s, 'SegmentState')]);
    expect(ops).toEqual([
      ['WO-1001-10', 'TURN', 'Turning', 'Completed'],
      ['WO-1001-20', null, null, 'Holding'],
    ]);
  });

  it('writes SyncProductionPerformance when asked', () => {
    const sync = writeProductionPerformance(COMPLETED_ORDER, { bodId: 'x', verb: 'Sync' });
    expect(tree(sync).name).toBe('SyncProductionPerformance');
    expect(outboundProblems(sync, 'V0600')).toEqual([]);
  });

  it('writes a minimal valid message for an order that has not started', () => {
    const minimal = writeProductionPerformance(
      { orderId: 'WO-9', materialId: 'M', state: 'ready', produced: [], consumed: [], scrap: [], equipmentIds: [], segments: [] },
      { bodId: 'x' },
    );
    expect(outboundProblems(minimal, 'V0600')).toEqual([]);
  });

  it('refuses actuals with a quantity that is not finite or an invalid instant', () => {
    expect(() => writeProductionPerformance({ ...COMPLETED_ORDER, scrap: [{ quantity: Number.NaN, uom: 'ea' }] }, { bodId: 'x' })).toThrow(RangeError);
    expect(() => writeProductionPerformance({ ...COMPLETED_ORDER, endedAt: 'yesterday' }, { bodId: 'x' })).toThrow(RangeError);
  });
});
