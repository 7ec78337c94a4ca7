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
}

export type ExceptionKind = 'hold' | 'nonconformance' | 'out-of-spec' | 'scrap' | 'deviation' | 'andon' | 'override' | 'amendment';

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
