import type { B2mmlVersion } from './b2mml-version.constants.js';
import type { InboundLotStatus, InboundMessage } from './inbound-message.types.js';

/** An operation for a product without a routing of its own; ignored when the product has one. */
export interface ImportedOperation {
  readonly seq: number;
  readonly name: string;
  readonly segmentId: string | null;
  readonly workCenterId: string | null;
  readonly equipmentIds: readonly string[];
  readonly durationSeconds: number | null;
  readonly earliestStartAt: string | null;
  readonly latestEndAt: string | null;
}

/** A consumed material the schedule names, as a BOM line for a product without a BOM of its own. */
export interface ImportedComponent {
  readonly materialId: string;
  readonly quantity: number;
  readonly uom: string;
  readonly operationSeq: number | null;
}

export interface ImportedWorkOrder {
  readonly id: string;
  readonly materialId: string;
  readonly quantity: number;
  readonly uom: string;
  readonly description: string | null;
  readonly scheduleId: string | null;
  readonly earliestStartAt: string | null;
  /** The latest end: the API's `dueAt`. */
  readonly dueAt: string | null;
  readonly priority: number | null;
  readonly operations: readonly ImportedOperation[];
  readonly components: readonly ImportedComponent[];
}

export interface ImportedMaterial {
  readonly id: string;
  readonly name: string;
  readonly uom: string;
  /** Null when the message does not say: keep the current setting, or the default on creation. */
  readonly lotControlled: boolean | null;
  readonly shelfLifeDays: number | null;
}

export interface ImportedLot {
  readonly id: string;
  readonly materialId: string;
  readonly quantity: number;
  readonly uom: string;
  /** Null when the message does not say: Takt's default for a received lot applies. */
  readonly status: InboundLotStatus | null;
  readonly expiresAt: string | null;
  readonly supplierLot: string | null;
}

/** One Takt command an accepted message turns into; run all of one message in one transaction. */
export type ImportCommand =
  | { readonly type: 'upsert-work-order'; readonly workOrder: ImportedWorkOrder }
  | { readonly type: 'cancel-work-order'; readonly workOrderId: string }
  | { readonly type: 'upsert-material'; readonly material: ImportedMaterial }
  | { readonly type: 'delete-material'; readonly materialId: string }
  | { readonly type: 'upsert-lot'; readonly lot: ImportedLot }
  | { readonly type: 'delete-lot'; readonly lotId: string };

/** Everything an accepted message asks of Takt, with the id that makes importing it twice harmless. */
export interface ImportPlan {
  readonly messageId: string;
  readonly version: B2mmlVersion;
  readonly kind: InboundMessage['kind'];
  readonly commands: readonly ImportCommand[];
}
