import type { OrderBomLine } from '../../production/index.js';
/** The batch / device history record of a work order, as the API answers it and the PDF prints it. */

/** What the order was when it was created: a snapshot that never changes afterwards. */
export interface OrderSnapshot {
  readonly id: string;
  readonly materialId: string;
  readonly revision: number;
  readonly quantity: number;
  readonly tolerance: number;
  readonly dueAt: number | null;
  readonly createdAt: number;
  readonly operations: readonly { readonly id: string; readonly seq: number; readonly name: string; readonly workCenterId: string }[];
  /** The BOM as the order snapshotted it: quantities per unit of the order's product. */
  readonly bom: readonly BomLineSnapshot[];
}

/** A BOM line as the order snapshotted it (quantity per unit of product, tolerance a fraction). */
export type BomLineSnapshot = OrderBomLine;

export type ExceptionKind = 'hold' | 'nonconformance' | 'out-of-spec' | 'scrap' | 'deviation' | 'andon' | 'override' | 'amendment' | 'yield';

/** One thing a reviewer must look at: review by exception lists these first. */
export interface RecordException {
  readonly kind: ExceptionKind;
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly operationId: string | null;
  readonly summary: string;
  readonly reason: string | null;
}

export interface StepEvent {
  readonly seq: number;
  readonly action: string;
  readonly at: string;
  readonly actor: string;
  readonly reason: string | null;
  readonly equipmentId: string | null;
}

export interface InspectionEntry {
  readonly seq: number;
  readonly inspectionId: string;
  readonly characteristic: string;
  readonly at: string;
  readonly actor: string;
  readonly lotId: string | null;
  readonly lsl: number | null;
  readonly usl: number | null;
  readonly values: readonly { readonly value: number | null; readonly pass: boolean }[];
  readonly pass: boolean;
  readonly outcome: string;
}

export interface OperationSection {
  readonly id: string;
  readonly seq: number;
  readonly name: string;
  readonly workCenterId: string;
  readonly equipmentId: string | null;
  readonly status: string;
  readonly steps: readonly StepEvent[];
  readonly consumed: readonly { seq: number; lotId: string; materialId: string; quantity: number; at: string; actor: string }[];
  readonly produced: readonly { seq: number; lotId: string; quantity: number; at: string; actor: string }[];
  readonly reports: readonly { seq: number; good: number; scrap: number; scrapReason: string | null; at: string; actor: string }[];
  readonly inspections: readonly InspectionEntry[];
  readonly nonconformances: readonly { seq: number; id: string; action: string; at: string; actor: string; summary: string; reason: string | null }[];
  readonly labour: readonly { personId: string; on: string; off: string | null; minutes: number | null; by: string }[];
  readonly labourMinutes: number;
}

export interface SignatureEntry {
  readonly seq: number;
  readonly signer: string;
  readonly printedName: string;
  readonly meaning: string;
  readonly signedAt: string;
  readonly signedAction: string;
  readonly comment: string | null;
  readonly recordHash: string | null;
  readonly witnessOf: string | null;
}

export interface JournalRange {
  readonly events: number;
  readonly firstSeq: number | null;
  readonly firstHash: string | null;
  readonly lastSeq: number | null;
  readonly lastHash: string | null;
}

/** One BOM line reconciled: what the BOM asks for, what was consumed from lots of its material. */
export interface MaterialReconciliation {
  readonly line: number;
  readonly materialId: string;
  readonly uom: string;
  readonly operationSeq: number;
  /** BOM quantity per unit of product, and its tolerance (a fraction: 0.02 is 2 %). */
  readonly perUnit: number;
  readonly tolerance: number;
  /** BOM quantity for the planned quantity. */
  readonly forPlanned: number;
  /** The units the line's operation put out, good and scrap (both used the material). */
  readonly output: number;
  /** BOM quantity for that output. */
  readonly forOutput: number;
  readonly consumed: number;
  /** consumed - forOutput: positive is more than the BOM asks for the output. */
  readonly difference: number;
  /** Whether consumed lies within forOutput × (1 ± tolerance): the band OVER_CONSUMPTION allows above. */
  readonly withinTolerance: boolean;
}

/** Good and scrap reported at one operation. */
export interface OperationYield {
  readonly operationId: string;
  readonly seq: number;
  readonly name: string;
  readonly good: number;
  readonly scrap: number;
}

/** The yield of the order (21 CFR 211.188(b)(7)): actual against theoretical, per operation, and the materials reconciled. */
export interface YieldSection {
  /** The order's planned quantity. */
  readonly theoretical: number;
  readonly operations: readonly OperationYield[];
  /** Good and scrap reported at the last operation: the order's output. */
  readonly good: number;
  readonly scrap: number;
  /** The total of the output lots produced. */
  readonly producedLots: number;
  /** good / theoretical × 100, rounded half up to 2 decimals; null when nothing was planned. */
  readonly actualPercent: number | null;
  readonly materials: readonly MaterialReconciliation[];
}

/** What a release locks: derived from the journal up to its cutoff only, so it hashes the same forever. */
export interface RecordContent {
  readonly format: 'takt-batch-record/1';
  readonly header: {
    readonly workOrderId: string;
    readonly materialId: string;
    readonly revision: number;
    readonly plannedQuantity: number;
    readonly tolerance: number;
    readonly goodQuantity: number;
    readonly scrapQuantity: number;
    readonly status: string;
    readonly dueAt: string | null;
    readonly createdAt: string;
    readonly releasedAt: string | null;
    readonly startedAt: string | null;
    readonly completedAt: string | null;
    readonly closedAt: string | null;
  };
  readonly exceptions: readonly RecordException[];
  readonly orderHistory: readonly StepEvent[];
  readonly operations: readonly OperationSection[];
  /** From RECORD_RULES 3: a record released under earlier rules has none. */
  readonly yield?: YieldSection;
  readonly labourMinutes: number;
  readonly signatures: readonly SignatureEntry[];
  readonly journal: JournalRange;
}

export interface SignoffSummary {
  readonly kind: 'review' | 'release';
  readonly at: string;
  readonly actor: string;
  readonly lastSeq: number;
  readonly lastHash: string;
  readonly contentHash: string;
}

/** A review, and how much happened on the order after it: what the reviewer did not see. */
export interface ReviewSummary extends SignoffSummary {
  /** Events on the order after the review (sign-offs and their signatures aside), up to the release once there is one. */
  readonly eventsSince: number;
}

/** The whole record: the locked content (or the live one before release), what came after, and the proof. */
export interface BatchRecord {
  readonly content: RecordContent;
  readonly contentHash: string;
  readonly released: boolean;
  readonly release: (SignoffSummary & { readonly verified: boolean; readonly currentHash: string; readonly signatures: readonly SignatureEntry[] }) | null;
  readonly reviews: readonly ReviewSummary[];
  /** Events on the order after its release: shown here, never edited into the released content. */
  readonly amendments: readonly RecordException[];
  readonly generatedAt: string;
}
