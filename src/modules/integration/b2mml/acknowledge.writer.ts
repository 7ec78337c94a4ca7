import { B2MML_NAMESPACES } from './b2mml-version.constants.js';
import { applicationAreaNode, originalApplicationAreaNode, responseCriteriaNode, type OutboundHeader } from './application-area.writer.js';
import type { InboundMessage, OperationsScheduleMessage, ProductionScheduleMessage } from './inbound-message.types.js';
import { leaf, node, renderXmlDocument, type XmlNodeSpec } from './xml.writer.js';

const NOUN_OF_KIND: Readonly<Record<InboundMessage['kind'], string>> = {
  'production-schedule': 'ProductionSchedule',
  'operations-schedule': 'OperationsSchedule',
  'material-definitions': 'MaterialDefinition',
  'material-lots': 'MaterialLot',
};

/** An item of an accepted message that Takt took in but left one step of undone, for a person to do in Takt. */
export interface AcknowledgeNote {
  /** Why, as a stable code (for example AWAITING_SIGNATURE). */
  readonly code: string;
  /** The element path of the item in the inbound message. */
  readonly path: string;
  readonly message: string;
  /** The step left undone, for example the signed action `lot.release`. */
  readonly reasonCode: string;
  /** The state the item was left in (null: not created) and the state the step left undone brings it to. */
  readonly from: string | null;
  readonly to: string;
}

/**
 * The B2MML answer to an accepted message: Acknowledge<Noun> (AcknowledgeProductionSchedule,
 * AcknowledgeOperationsSchedule, AcknowledgeMaterialDefinition, AcknowledgeMaterialLot) in the message's own
 * release, echoing its ApplicationArea, actionCode "Accepted", and the ids Takt took (for V0701 schedules
 * the identifiers of each operation, which that release requires).
 * With notes, the actionCode is "Modified" (taken, but not all of it done), followed by one ResponseCriteria per note:
 * the item's path as a "Modified" ResponseExpression, and a ChangeStatus with the code, the message, the step left
 * undone as ReasonCode and the state change it waits for.
 * Guarantees: valid against the MESA schema whenever the inbound message was; addressed back to its sender.
 */
export function acknowledge(message: InboundMessage, header: OutboundHeader, notes: readonly AcknowledgeNote[] = []): string {
  const noun = NOUN_OF_KIND[message.kind];
  const receiverLogicalId = header.receiverLogicalId ?? message.applicationArea.senderLogicalId;
  const root = node(`Acknowledge${noun}`, [
    applicationAreaNode({ ...header, receiverLogicalId }),
    node('DataArea', [
      node('Acknowledge', [
        originalApplicationAreaNode(message.applicationArea),
        responseCriteriaNode(notes.length > 0 ? 'Modified' : 'Accepted'),
        ...notes.map(noteNode),
      ]),
      ...echo(message),
    ]),
  ], { releaseID: message.version });
  return renderXmlDocument(root, B2MML_NAMESPACES[message.version]);
}

function noteNode(n: AcknowledgeNote): XmlNodeSpec {
  return node('ResponseCriteria', [
    leaf('ResponseExpression', n.path, { actionCode: 'Modified' }),
    node('ChangeStatus', [
      leaf('Code', n.code),
      leaf('Description', n.message),
      leaf('ReasonCode', n.reasonCode),
      node('StateChange', [leaf('FromStateCode', n.from), leaf('ToStateCode', n.to)]),
    ]),
  ]);
}

function echo(message: InboundMessage): XmlNodeSpec[] {
  switch (message.kind) {
    case 'production-schedule':
      return schedules(message, 'ProductionSchedule', 'ProductionRequest');
    case 'operations-schedule':
      return schedules(message, 'OperationsSchedule', 'OperationsRequest');
    case 'material-definitions':
      return message.materials.map((m) => node('MaterialDefinition', [leaf('ID', m.id?.value ?? '')]));
    case 'material-lots':
      return message.lots.map((l) => node('MaterialLot', [leaf('ID', l.id?.value ?? '')]));
  }
}

function schedules(
  message: ProductionScheduleMessage | OperationsScheduleMessage,
  scheduleName: string,
  requestName: string,
): XmlNodeSpec[] {
  const v0701 = message.version === 'V0701';
  return message.schedules.map((s, index) =>
    node(scheduleName, [
      v0701 ? leaf('ID', s.id ?? '') : leaf('ID', s.id),
      ...message.workOrders
        .filter((o) => o.scheduleIndex === index)
        .map((o) =>
          node(requestName, [
            v0701 ? leaf('ID', o.id?.value ?? '') : leaf('ID', o.id?.value),
            ...(v0701
              ? o.operations.map((op) =>
                  node('SegmentRequirement', [
                    leaf('ID', op.segmentId ?? ''),
                    leaf('ProcessSegmentID', op.processSegmentId ?? ''),
                    leaf('OperationsDefinitionID', op.operationsDefinitionId ?? ''),
                    leaf('OperationsSegmentID', op.operationsSegmentId ?? ''),
                  ]),
                )
              : []),
          ]),
        ),
    ]),
  );
}
