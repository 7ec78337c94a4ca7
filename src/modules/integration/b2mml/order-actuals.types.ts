import type { InstantInput } from './b2mml-values.writer.js';

/** Execution state of an order or segment, mapped to each release's ResponseState code. */
export type ActualState = 'waiting' | 'ready' | 'running' | 'completed' | 'aborted' | 'held' | 'paused';

export interface QuantityActual {
  readonly quantity: number;
  readonly uom: string;
}

/** A lot the order produced. */
export interface ProducedLotActual extends QuantityActual {
  readonly lotId: string;
}

/** A lot the order consumed, of a component material. */
export interface ConsumedLotActual extends QuantityActual {
  readonly lotId: string;
  readonly materialId: string;
}

/** Scrap reported, with its reason code when one was given. */
export interface ScrapActual extends QuantityActual {
  readonly reason?: string | null;
}

/** What happened at one operation (segment) of the order. */
export interface SegmentActuals {
  /** Takt's operation id. */
  readonly id: string;
  /** The routing step / process segment it executed, as the ERP knows it. */
  readonly processSegmentId?: string | null;
  /** The inbound segment requirement it answers (V0701 SegmentRequirementID). */
  readonly segmentRequirementId?: string | null;
  readonly name?: string | null;
  readonly state: ActualState;
  readonly startedAt?: InstantInput | null;
  readonly endedAt?: InstantInput | null;
  readonly equipmentIds?: readonly string[];
  readonly good?: QuantityActual | null;
  readonly scrap?: readonly ScrapActual[];
}

/** Everything Takt reports back to the ERP about one work order, as plain data. */
export interface OrderActuals {
  /** The work order id: the ERP's ProductionRequest / OperationsRequest ID. */
  readonly orderId: string;
  /** The material the order makes. */
  readonly materialId: string;
  readonly scheduleId?: string | null;
  readonly state: ActualState;
  readonly startedAt?: InstantInput | null;
  readonly endedAt?: InstantInput | null;
  readonly produced: readonly ProducedLotActual[];
  readonly consumed: readonly ConsumedLotActual[];
  readonly scrap: readonly ScrapActual[];
  /** Every piece of equipment the order ran on. */
  readonly equipmentIds: readonly string[];
  readonly segments: readonly SegmentActuals[];
}
