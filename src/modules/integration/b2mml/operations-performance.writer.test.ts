import { describe, expect, it } from 'vitest';
import { COMPLETED_ORDER } from './fixtures/order-actuals.fixture.js';
import { outboundProblems } from './fixtures/outbound-xsd.fixture.js';
import { writeOperationsPerformance } from './operations-performance.writer.js';
import { child, childText, children } from './xml-element.reader.js';
import { parseXmlDocument } from './xml-document.parser.js';
import type { XmlElementNode } from './xml-element.types.js';

function tree(xml: string): XmlElementNode {
  const parsed = parseXmlDocument(xml);
  if (!parsed.ok) throw new Error('not well-formed');
  parsed.document.dispose();
  return parsed.root;
}

const xml = writeOperationsPerformance(COMPLETED_ORDER, { bodId: 'TAKT-PERF-2', createdAt: '2024-03-04T13:31:00Z' });
const root = tree(xml);
const performance = child(child(root, 'DataArea')!, 'OperationsPerformance')!;
const response = child(performance, 'OperationsResponse')!;
const order = child(response, 'SegmentResponse')!;

describe('writeOperationsPerformance', () => {
  it('writes a ProcessOperationsPerformance valid against the MESA V0701 schema', () => {
    expect(root.name).toBe('ProcessOperationsPerformance');
    expect(outboundProblems(xml, 'V0701')).toEqual([]);
  });

  it('answers the OperationsRequest of the order as a Production response', () => {
    expect(childText(performance, 'OperationsType')).toBe('Production');
    expect(childText(performance, 'Endtime')).toBe('2024-03-04T13:30:00.000Z');
    expect(childText(performance, 'OperationsScheduleID')).toBe('SCH-2024-10');
    expect(childText(response, 'OperationsRequestID')).toBe('WO-1001');
    expect(childText(response, 'ResponseState')).toBe('Completed');
  });

  it('lists produced and consumed lots as MaterialActual with their use', () => {
    const materials = children(order, 'MaterialActual').map((m) => [childText(m, 'MaterialDefinitionID'), childText(m, 'MaterialLotID'), childText(m, 'MaterialUse'), childText(child(m, 'Quantity')!, 'QuantityString')]);
    expect(materials).toEqual([
      ['FG-FLANGE', 'FG-L-1', 'Produced', '30'],
      ['FG-FLANGE', 'FG-L-2', 'Produced', '18'],
      ['RM-STEEL', 'LOT-R-001', 'Consumed', '24.75'],
    ]);
  });

  it('carries good and scrap totals as SegmentData and equipment as EquipmentActual', () => {
    expect(children(order, 'SegmentData').map((d) => childText(d, 'ID'))).toEqual(['GoodQuantity', 'ScrapQuantity']);
    expect(children(order, 'EquipmentActual').map((e) => childText(e, 'EquipmentID'))).toEqual(['LATHE-01', 'MILL-02']);
  });

  it('nests one SegmentResponseChild per operation with its segment requirement and state', () => {
    const ops = children(order, 'SegmentResponseChild').map((s) => [childText(s, 'ID'), childText(s, 'SegmentRequirementID'), childText(s, 'SegmentState')]);
    expect(ops).toEqual([
      ['WO-1001-10', '10', 'Completed'],
      ['WO-1001-20', null, 'Held'],
    ]);
  });

  it('writes a minimal valid message for an order that has not started', () => {
    const minimal = writeOperationsPerformance(
      { orderId: 'WO-9', materialId: 'M', state: 'waiting', produced: [], consumed: [], scrap: [], equipmentIds: [], segments: [] },
      { bodId: 'x', verb: 'Sync' },
    );
    expect(tree(minimal).name).toBe('SyncOperationsPerformance');
    expect(outboundProblems(minimal, 'V0701')).toEqual([]);
  });
});
