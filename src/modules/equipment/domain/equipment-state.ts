/**
 * The equipment state model: what a piece of equipment is doing at any instant.
 *
 * - `running`: producing.
 * - `idle`: able to produce but not producing (starved, blocked, waiting for an order).
 * - `setup`: changeover, adjustment, warm-up.
 * - `down`: unplanned stop; carries a reason code.
 * - `planned_stop`: planned stop (meeting, cleaning, no order planned); carries a reason code.
 * - `maintenance`: planned (preventive) maintenance. Corrective repairs are `down` with a reason.
 * - `offline`: switched off or disconnected.
 */
export const EQUIPMENT_STATES = ['running', 'idle', 'setup', 'down', 'planned_stop', 'maintenance', 'offline'] as const;

/** One of {@link EQUIPMENT_STATES}. */
export type EquipmentState = (typeof EQUIPMENT_STATES)[number];

const STATE_SET: ReadonlySet<string> = new Set(EQUIPMENT_STATES);

/** True when `value` is one of the seven equipment states. */
export const isEquipmentState = (value: unknown): value is EquipmentState =>
  typeof value === 'string' && STATE_SET.has(value);

/**
 * States that count as planned downtime (ISO 22400 planned down time, PDOT): they are removed from planned
 * production time rather than counted as losses. `maintenance` is planned maintenance by definition of the state
 * model; `offline` inside shift time is an unplanned loss (the shift calendar is where "not scheduled" is said).
 */
export const PLANNED_STOP_STATES: readonly EquipmentState[] = ['planned_stop', 'maintenance'];

/**
 * One interval of the state history: the equipment was in `state` from `from` (inclusive) to `to` (exclusive).
 * `to === null` marks the current, still open interval. Times are epoch milliseconds.
 */
export type StateInterval = {
  readonly state: EquipmentState;
  readonly reason: string | null;
  readonly from: number;
  readonly to: number | null;
};

/** A validated state event: from `at` on, the equipment is in `state` (with `reason`) until the next event. */
export type StateEvent = {
  readonly state: EquipmentState;
  readonly reason: string | null;
  readonly at: number;
};
