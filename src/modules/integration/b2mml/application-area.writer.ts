import { formatInstant, type InstantInput } from './b2mml-values.writer.js';
import type { ApplicationArea } from './inbound-message.types.js';
import { leaf, node, type XmlNodeSpec } from './xml.writer.js';

/** Who Takt says it is and which BOD this is, for every outbound message. */
export interface OutboundHeader {
  /** The BODID of the outbound message: stable per delivery (the outbox row id) so receivers can dedupe. */
  readonly bodId: string;
  /** CreationDateTime; defaults to now. */
  readonly createdAt?: InstantInput;
  /** Sender LogicalID; defaults to "Takt". */
  readonly senderLogicalId?: string;
  /** Receiver LogicalID, e.g. the ERP's; omitted when absent. */
  readonly receiverLogicalId?: string | null;
}

/** The ApplicationArea element in schema order: Sender, Receiver, CreationDateTime, BODID. */
export function applicationAreaNode(header: OutboundHeader): XmlNodeSpec {
  const receiver = header.receiverLogicalId ?? null;
  return node('ApplicationArea', [
    node('Sender', [leaf('LogicalID', header.senderLogicalId ?? 'Takt')]),
    receiver === null ? null : node('Receiver', [leaf('LogicalID', receiver)]),
    leaf('CreationDateTime', formatInstant(header.createdAt ?? new Date())),
    leaf('BODID', header.bodId),
  ]);
}

/** OriginalApplicationArea: the inbound message's own ApplicationArea, echoed. */
export function originalApplicationAreaNode(original: ApplicationArea): XmlNodeSpec {
  const sender =
    original.senderLogicalId === null && original.senderComponentId === null
      ? null
      : node('Sender', [leaf('LogicalID', original.senderLogicalId), leaf('ComponentID', original.senderComponentId)]);
  return node('OriginalApplicationArea', [
    sender,
    leaf('CreationDateTime', original.creationDateTime),
    leaf('BODID', original.bodId),
  ]);
}

/** ResponseCriteria with one ResponseExpression carrying `actionCode`: Accepted, Modified (taken, not all done), Rejected. */
export function responseCriteriaNode(actionCode: 'Accepted' | 'Modified' | 'Rejected'): XmlNodeSpec {
  return node('ResponseCriteria', [leaf('ResponseExpression', '', { actionCode })]);
}
