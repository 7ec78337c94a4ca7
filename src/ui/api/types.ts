/** The API's answers as the UI reads them (only the fields it uses; the server may send more). */

export interface Violation {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface DryRun {
  readonly allowed: boolean;
  readonly violations: readonly Violation[];
}

export interface Me {
  readonly username: string;
  readonly name: string;
  readonly roles: readonly string[];
}

export type Level = 'site' | 'area' | 'work_center' | 'equipment';

export interface HierarchyNode {
  readonly id: string;
  readonly level: Level;
  readonly name: string;
  readonly parentId: string | null;
  readonly siteId: string | null;
  readonly workCenterId: string | null;
  readonly timeZone: string | null;
  readonly idealCycleTimeSec: number | null;
  readonly available: boolean;
  /** Present once the equipment module reports states (merged in by the dashboard). */
  readonly state?: string;
  readonly stateReason?: string | null;
}

export type OperationStatus = 'ready' | 'running' | 'paused' | 'completed';
export type OrderStatus = 'created' | 'released' | 'in_progress' | 'on_hold' | 'completed' | 'cancelled' | 'closed';

export interface Characteristic {
  readonly code: string;
  readonly name: string;
  readonly type: 'variable' | 'attribute';
  readonly lsl?: number;
  readonly usl?: number;
  readonly target?: number;
  readonly uom?: string;
}

export interface Operation {
  readonly id: string;
  readonly workOrderId: string;
  readonly seq: number;
  readonly name: string;
  readonly workCenterId: string;
  readonly qualification: string | null;
  readonly critical: boolean;
  readonly instruction: string | null;
  readonly inspections: readonly Characteristic[];
  readonly status: OperationStatus;
  readonly equipmentId: string | null;
  readonly good: number;
  readonly scrap: number;
  readonly startedAt: string | null;
  readonly startedBy: string | null;
  readonly completedAt: string | null;
  readonly completedBy: string | null;
}

export interface BomLine {
  readonly materialId: string;
  readonly quantity: number;
  readonly uom: string;
  readonly operationSeq: number;
  readonly tolerance: number;
}

export interface WorkOrder {
  readonly id: string;
  readonly materialId: string;
  readonly revision: number;
  readonly quantity: number;
  readonly status: OrderStatus;
  readonly priority: number;
  readonly dueAt: string | null;
  readonly good: number;
  readonly scrap: number;
  readonly holdReason: string | null;
  readonly createdAt: string;
  readonly releasedAt: string | null;
  readonly completedAt: string | null;
}

export interface LotMovement {
  readonly operation_id: string;
  readonly lot_id: string;
  readonly quantity: number;
  readonly at: string;
  readonly actor: string;
  readonly material_id?: string;
}

export interface QuantityReport {
  readonly operation_id: string;
  readonly good: number;
  readonly scrap: number;
  readonly scrap_reason: string | null;
  readonly at: string;
  readonly actor: string;
}

export interface WorkOrderDetail extends WorkOrder {
  readonly operations: readonly Operation[];
  readonly bom: readonly BomLine[];
  readonly consumptions: readonly LotMovement[];
  readonly productions: readonly LotMovement[];
  readonly reports: readonly QuantityReport[];
}

export interface DispatchItem {
  readonly operation: Operation;
  readonly workOrderId: string;
  readonly materialId: string;
  readonly orderQuantity: number;
  readonly orderStatus: OrderStatus;
  readonly priority: number;
  readonly dueAt: string | null;
  readonly startable: boolean;
  readonly waitingFor: readonly string[];
}

export type LotStatus = 'quarantine' | 'released' | 'on_hold' | 'consumed' | 'expired' | 'rejected';

export interface Lot {
  readonly id: string;
  readonly materialId: string;
  readonly quantity: number;
  readonly initialQuantity: number;
  readonly status: LotStatus;
  readonly expiresAt: string | null;
  readonly supplierLot: string | null;
  readonly workOrderId: string | null;
  readonly createdAt: string;
}

export interface Material {
  readonly id: string;
  readonly name: string;
  readonly uom: string;
  readonly lotControlled: boolean;
  readonly shelfLifeDays: number | null;
}

export interface RoutingStep {
  readonly seq: number;
  readonly name: string;
  readonly workCenterId: string;
  readonly qualification?: string;
  readonly idealCycleTimeSec?: number;
  readonly critical?: boolean;
  readonly workInstruction?: string;
  readonly inspections?: readonly Characteristic[];
}

export interface Revision {
  readonly materialId: string;
  readonly revision: number;
  readonly status: 'draft' | 'approved' | 'obsolete';
  readonly bom: readonly BomLine[];
  readonly routing: readonly RoutingStep[];
  readonly createdAt: string;
  readonly createdBy: string;
  readonly approvedAt: string | null;
  readonly approvedBy: string | null;
}

export interface TraceNode {
  readonly lotId: string;
  readonly materialId: string | null;
  readonly depth: number;
}

export interface TraceEdge {
  readonly from: string;
  readonly to: string;
  readonly quantity: number;
  readonly workOrderId: string | null;
  readonly kind?: string;
}

export interface Trace {
  readonly root: string;
  readonly direction?: 'backward' | 'forward';
  readonly nodes: readonly TraceNode[];
  readonly edges: readonly TraceEdge[];
  readonly summary?: { readonly lots: number; readonly finishedLots: readonly string[]; readonly workOrders: readonly string[] };
}

/** A committed journal event, as the event stream and the journal send it. */
export interface JournalEvent {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly reason?: string | null;
  /** The hash chain (the journal sends both; the event stream may not). */
  readonly hash?: string;
  readonly prevHash?: string;
}

export interface Items<T> {
  readonly items: readonly T[];
}
