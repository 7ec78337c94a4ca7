import type { Instant } from './b2mml-datetime.parser.js';
import type { B2mmlVersion, InboundVerb } from './b2mml-version.constants.js';

/** Where a value was read, so a later check can point at it. */
export interface Located {
  readonly path: string;
  readonly line: number;
}

/** A text value (identifier, unit) and where it was read. */
export interface TextRef extends Located {
  readonly value: string;
}

/** A point in time and where it was read. */
export interface TimeRef extends Located, Instant {}

/** A start/end pair read together (order, schedule or segment), checked for end before start. */
export interface TimeWindow {
  readonly start: TimeRef;
  readonly end: TimeRef;
}

/** A B2MML Quantity: its text, its number when the DataType is numeric and the value finite, its unit. */
export interface QuantityValue extends Located {
  readonly text: string;
  readonly value: number | null;
  readonly dataType: string | null;
  readonly uom: TextRef | null;
  readonly key: string | null;
  /** True when the quantity could not be read (its DataType or QuantityString was refused, a problem reported). */
  readonly unreadable?: boolean;
}

/** The ApplicationArea of the inbound message, kept to be echoed in the acknowledgement. */
export interface ApplicationArea {
  readonly creationDateTime: string;
  readonly bodId: string | null;
  readonly senderLogicalId: string | null;
  readonly senderComponentId: string | null;
}

/** Sync/Process ActionCriteria reduced to what Takt does: Add/Change/Replace → upsert, Delete → delete. */
export type MessageAction = 'upsert' | 'delete';

export interface MessageHeader {
  /** BODID when the sender gave one, else `sha256:<hex>` of the message text: the idempotency key. */
  readonly messageId: string;
  readonly messageIdSource: 'bod-id' | 'content-hash';
  readonly version: B2mmlVersion;
  readonly verb: InboundVerb;
  readonly rootElement: string;
  readonly action: MessageAction;
  readonly applicationArea: ApplicationArea;
  /** True when the message was validated against the MESA XSD (a schema folder was configured). */
  readonly schemaValidated: boolean;
}

/** A segment requirement without children of its own: one operation of the order, in document order. */
export interface OperationRequest extends Located {
  readonly seq: number;
  readonly segmentId: string | null;
  readonly processSegmentId: string | null;
  readonly name: string;
  readonly workCenter: TextRef | null;
  readonly equipment: readonly TextRef[];
  readonly durationSeconds: number | null;
  readonly earliestStart: TimeRef | null;
  readonly latestEnd: TimeRef | null;
  /** V0701 identifiers a V0701 acknowledgement must echo. */
  readonly operationsDefinitionId: string | null;
  readonly operationsSegmentId: string | null;
}

/** A material produced or consumed by the order, from any segment level. */
export interface MaterialRequirement extends Located {
  readonly use: 'produced' | 'consumed';
  readonly material: TextRef | null;
  readonly lotId: string | null;
  readonly quantity: QuantityValue | null;
  /** The operation (leaf segment) it belongs to; null when stated on a segment that has children. */
  readonly operationSeq: number | null;
}

/** A ProductionRequest (V0600) or OperationsRequest: one work order to be. */
export interface WorkOrderRequest extends Located {
  readonly scheduleIndex: number;
  readonly id: TextRef | null;
  readonly description: string | null;
  /** The first produced requirement naming a material: the order's material and quantity. */
  readonly produced: MaterialRequirement | null;
  /** Every produced requirement naming a material; more than one distinct material is refused. */
  readonly producedRequirements: readonly MaterialRequirement[];
  readonly components: readonly MaterialRequirement[];
  /** The request's StartTime, else the earliest segment EarliestStartTime. */
  readonly earliestStart: TimeRef | null;
  /** The request's EndTime, else the latest segment LatestEndTime. */
  readonly latestEnd: TimeRef | null;
  readonly priority: number | null;
  readonly hierarchyScope: TextRef | null;
  readonly operationsDefinitionId: string | null;
  readonly operations: readonly OperationRequest[];
  /** Every equipment id the request names (scopes, requirements), for the existence check. */
  readonly equipmentRefs: readonly TextRef[];
  /**
   * Materials of requirements whose MaterialUse could not be read (a problem reported): still checked for
   * existence, and the order's produced material may be among them. Absent or empty in a message that was taken.
   */
  readonly materialsOfUnreadableUse?: readonly TextRef[];
  readonly windows: readonly TimeWindow[];
}

export interface ScheduleHeader extends Located {
  readonly id: string | null;
  readonly window: TimeWindow | null;
}

export interface ProductionScheduleMessage extends MessageHeader {
  readonly kind: 'production-schedule';
  readonly schedules: readonly ScheduleHeader[];
  readonly workOrders: readonly WorkOrderRequest[];
}

export interface OperationsScheduleMessage extends MessageHeader {
  readonly kind: 'operations-schedule';
  readonly schedules: readonly ScheduleHeader[];
  readonly workOrders: readonly WorkOrderRequest[];
}

export interface MaterialDefinitionItem extends Located {
  readonly id: TextRef | null;
  readonly name: string | null;
  /** From a MaterialDefinitionProperty named UnitOfMeasure / BaseUnitOfMeasure / UoM (see README). */
  readonly uom: TextRef | null;
  readonly lotControlled: boolean | null;
  readonly shelfLifeDays: number | null;
}

export interface MaterialDefinitionsMessage extends MessageHeader {
  readonly kind: 'material-definitions';
  readonly materials: readonly MaterialDefinitionItem[];
}

/** Lot statuses Takt accepts on receipt. */
export type InboundLotStatus = 'quarantine' | 'released' | 'on_hold' | 'rejected';

export interface MaterialLotItem extends Located {
  readonly id: TextRef | null;
  readonly material: TextRef | null;
  readonly quantity: QuantityValue | null;
  readonly status: InboundLotStatus | null;
  readonly expiresAt: TimeRef | null;
  readonly supplierLot: string | null;
}

export interface MaterialLotsMessage extends MessageHeader {
  readonly kind: 'material-lots';
  readonly lots: readonly MaterialLotItem[];
}

/** A parsed, validated and translated inbound B2MML message, as plain data. */
export type InboundMessage =
  | ProductionScheduleMessage
  | OperationsScheduleMessage
  | MaterialDefinitionsMessage
  | MaterialLotsMessage;
