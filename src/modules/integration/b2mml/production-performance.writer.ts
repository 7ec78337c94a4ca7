import { applicationAreaNode, type OutboundHeader } from './application-area.writer.js';
import { B2MML_NAMESPACES } from './b2mml-version.constants.js';
import type { OrderActuals, SegmentActuals } from './order-actuals.types.js';
import { quantityData, quantityNode, responseState, timeLeaf } from './performance-parts.writer.js';
import { leaf, node, renderXmlDocument, type XmlNodeSpec } from './xml.writer.js';

export interface PerformanceOptions extends OutboundHeader {
  /** Process (ask the ERP to book it, the default) or Sync (publish it). */
  readonly verb?: 'Process' | 'Sync';
}

/**
 * The V0600 ProcessProductionPerformance (or SyncProductionPerformance) message of one work order.
 * One ProductionResponse answers the ProductionRequest (ID = order id). Its SegmentResponse for the whole
 * order carries actual times, GoodQuantity/ScrapQuantity (ProductionData), equipment used, produced and
 * consumed lots; one nested SegmentResponse per operation carries that operation's times, state,
 * equipment and quantities.
 * Guarantees: valid against the MESA V0600 schema for any actuals with finite quantities and valid
 * instants; throws RangeError otherwise.
 */
export function writeProductionPerformance(actuals: OrderActuals, options: PerformanceOptions): string {
  const verb = options.verb ?? 'Process';
  const root = node(`${verb}ProductionPerformance`, [
    applicationAreaNode(options),
    node('DataArea', [
      node(verb, []),
      node('ProductionPerformance', [
        leaf('ID', actuals.orderId),
        leaf('ProductionScheduleID', actuals.scheduleId),
        timeLeaf('StartTime', actuals.startedAt),
        timeLeaf('EndTime', actuals.endedAt),
        node('ProductionResponse', [
          leaf('ID', actuals.orderId),
          leaf('ProductionRequestID', actuals.orderId),
          timeLeaf('StartTime', actuals.startedAt),
          timeLeaf('EndTime', actuals.endedAt),
          orderSegment(actuals),
          leaf('ResponseState', responseState('V0600', actuals.state)),
        ]),
        leaf('PerformanceState', responseState('V0600', actuals.state)),
      ]),
    ]),
  ], { releaseID: 'V0600' });
  return renderXmlDocument(root, B2MML_NAMESPACES.V0600);
}

function orderSegment(a: OrderActuals): XmlNodeSpec {
  return node('SegmentResponse', [
    leaf('ID', a.orderId),
    timeLeaf('ActualStartTime', a.startedAt),
    timeLeaf('ActualEndTime', a.endedAt),
    ...quantityData('ProductionData', a.produced, a.scrap),
    ...a.equipmentIds.map((id) => node('EquipmentActual', [leaf('EquipmentID', id)])),
    ...a.produced.map((p) =>
      node('MaterialProducedActual', [leaf('MaterialDefinitionID', a.materialId), leaf('MaterialLotID', p.lotId), quantityNode(p)]),
    ),
    ...a.consumed.map((c) =>
      node('MaterialConsumedActual', [leaf('MaterialDefinitionID', c.materialId), leaf('MaterialLotID', c.lotId), quantityNode(c)]),
    ),
    ...a.segments.map(operationSegment),
    leaf('SegmentState', responseState('V0600', a.state)),
  ]);
}

function operationSegment(s: SegmentActuals): XmlNodeSpec {
  return node('SegmentResponse', [
    leaf('ID', s.id),
    leaf('ProcessSegmentID', s.processSegmentId),
    leaf('Description', s.name),
    timeLeaf('ActualStartTime', s.startedAt),
    timeLeaf('ActualEndTime', s.endedAt),
    ...quantityData('ProductionData', s.good == null ? [] : [s.good], s.scrap ?? []),
    ...(s.equipmentIds ?? []).map((id) => node('EquipmentActual', [leaf('EquipmentID', id)])),
    leaf('SegmentState', responseState('V0600', s.state)),
  ]);
}
