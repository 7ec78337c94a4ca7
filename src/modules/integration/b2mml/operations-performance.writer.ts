import { applicationAreaNode } from './application-area.writer.js';
import { B2MML_NAMESPACES } from './b2mml-version.constants.js';
import type { OrderActuals, SegmentActuals } from './order-actuals.types.js';
import { quantityData, quantityNode, responseState, timeLeaf } from './performance-parts.writer.js';
import type { PerformanceOptions } from './production-performance.writer.js';
import { leaf, node, renderXmlDocument, type XmlNodeSpec } from './xml.writer.js';

/**
 * The V0701 ProcessOperationsPerformance (or SyncOperationsPerformance) message of one work order,
 * OperationsType Production. One OperationsResponse answers the OperationsRequest (ID = order id); its
 * SegmentResponse for the whole order carries actual times, GoodQuantity/ScrapQuantity (SegmentData),
 * equipment used and the produced and consumed lots (MaterialActual with MaterialUse Produced/Consumed);
 * one SegmentResponseChild per operation carries that operation's times, state, equipment and quantities.
 * Guarantees: valid against the MESA V0701 schema for any actuals with finite quantities and valid
 * instants; throws RangeError otherwise.
 */
export function writeOperationsPerformance(actuals: OrderActuals, options: PerformanceOptions): string {
  const verb = options.verb ?? 'Process';
  const state = responseState('V0701', actuals.state);
  const root = node(`${verb}OperationsPerformance`, [
    applicationAreaNode(options),
    node('DataArea', [
      node(verb, []),
      node('OperationsPerformance', [
        leaf('ID', actuals.orderId),
        timeLeaf('StartTime', actuals.startedAt),
        // "Endtime" is how the MESA V0701 schema spells this element.
        timeLeaf('Endtime', actuals.endedAt),
        leaf('OperationsType', 'Production'),
        leaf('OperationsScheduleID', actuals.scheduleId),
        leaf('PerformanceState', state),
        node('OperationsResponse', [
          leaf('ID', actuals.orderId),
          timeLeaf('StartTime', actuals.startedAt),
          timeLeaf('EndTime', actuals.endedAt),
          leaf('OperationsType', 'Production'),
          leaf('OperationsRequestID', actuals.orderId),
          leaf('ResponseState', state),
          orderSegment(actuals),
        ]),
      ]),
    ]),
  ], { releaseID: 'V0701' });
  return renderXmlDocument(root, B2MML_NAMESPACES.V0701);
}

function orderSegment(a: OrderActuals): XmlNodeSpec {
  return node('SegmentResponse', [
    leaf('ID', a.orderId),
    timeLeaf('ActualStartTime', a.startedAt),
    timeLeaf('ActualEndTime', a.endedAt),
    leaf('OperationsType', 'Production'),
    leaf('OperationsRequestID', a.orderId),
    leaf('SegmentState', responseState('V0701', a.state)),
    ...quantityData('SegmentData', a.produced, a.scrap),
    ...equipment(a.equipmentIds),
    ...a.produced.map((p, i) => material(`produced-${i + 1}`, a.materialId, p.lotId, 'Produced', p)),
    ...a.consumed.map((c, i) => material(`consumed-${i + 1}`, c.materialId, c.lotId, 'Consumed', c)),
    ...a.segments.map(operationSegment),
  ]);
}

function operationSegment(s: SegmentActuals): XmlNodeSpec {
  return node('SegmentResponseChild', [
    leaf('ID', s.id),
    leaf('Description', s.name),
    timeLeaf('ActualStartTime', s.startedAt),
    timeLeaf('ActualEndTime', s.endedAt),
    leaf('ProcessSegmentID', s.processSegmentId),
    leaf('SegmentRequirementID', s.segmentRequirementId),
    leaf('SegmentState', responseState('V0701', s.state)),
    ...quantityData('SegmentData', s.good == null ? [] : [s.good], s.scrap ?? []),
    ...equipment(s.equipmentIds ?? []),
  ]);
}

function equipment(ids: readonly string[]): XmlNodeSpec[] {
  return ids.map((id) => node('EquipmentActual', [leaf('ID', id), leaf('EquipmentID', id)]));
}

function material(
  id: string,
  materialId: string,
  lotId: string,
  use: 'Produced' | 'Consumed',
  q: { readonly quantity: number; readonly uom: string },
): XmlNodeSpec {
  return node('MaterialActual', [
    leaf('ID', id),
    leaf('MaterialDefinitionID', materialId),
    leaf('MaterialLotID', lotId),
    leaf('MaterialUse', use),
    quantityNode(q),
  ]);
}
