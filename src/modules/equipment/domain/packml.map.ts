import type { EquipmentState } from './equipment-state.js';

/**
 * PackML state numbers (ISA-TR88.00.02 / OMAC PackML, the `StateCurrent` tag values) and their names.
 */
export const PACKML_STATES = {
  1: 'Clearing',
  2: 'Stopped',
  3: 'Starting',
  4: 'Idle',
  5: 'Suspended',
  6: 'Execute',
  7: 'Stopping',
  8: 'Aborting',
  9: 'Aborted',
  10: 'Holding',
  11: 'Held',
  12: 'Unholding',
  13: 'Suspending',
  14: 'Unsuspending',
  15: 'Resetting',
  16: 'Completing',
  17: 'Complete',
} as const;

/** A PackML state number, 1..17. */
export type PackMlStateNumber = keyof typeof PACKML_STATES;

/** A PackML state name. */
export type PackMlStateName = (typeof PACKML_STATES)[PackMlStateNumber];

/** The Takt state (and default reason code) a PackML state maps to. */
export type PackMlMapping = { readonly state: EquipmentState; readonly reason: string | null };

/**
 * PackML → Takt state table, used by machine connectivity to turn `StateCurrent` changes into state events.
 *
 * Decisions:
 * - Execute → `running`; Completing → `running` (the run is finishing its last units); Complete → `idle`.
 * - Idle → `idle`; Suspended/Suspending/Unsuspending → `idle` with reason `packml.suspended`: the machine is
 *   able to run but starved or blocked by its neighbours (an external cause, ISA-TR88 "Suspended").
 * - Holding/Held/Unholding → `down` with `packml.held`: an internal condition stopped production.
 * - Aborting/Aborted → `down` with `packml.aborted`: Abort is the fault / emergency path.
 * - Stopping/Stopped → `offline` with `packml.stopped`: a commanded, orderly stop; the machine is not in
 *   production. Inside shift time `offline` still counts as an availability loss, so nothing is hidden; a
 *   planned stop should be reported as `planned_stop` by the line, or by the shift calendar.
 * - Starting/Resetting/Clearing → `setup` (preparing to run; Clearing recovers from an abort and keeps the reason
 *   `packml.clearing` so it can be told apart from changeovers).
 * `down` mappings carry a default reason because `down` needs one; connectivity should replace it by the
 * machine's stop reason when the PLC reports one.
 */
export const PACKML_TO_TAKT: Readonly<Record<PackMlStateName, PackMlMapping>> = {
  Clearing: { state: 'setup', reason: 'packml.clearing' },
  Stopped: { state: 'offline', reason: 'packml.stopped' },
  Starting: { state: 'setup', reason: null },
  Idle: { state: 'idle', reason: null },
  Suspended: { state: 'idle', reason: 'packml.suspended' },
  Execute: { state: 'running', reason: null },
  Stopping: { state: 'offline', reason: 'packml.stopped' },
  Aborting: { state: 'down', reason: 'packml.aborted' },
  Aborted: { state: 'down', reason: 'packml.aborted' },
  Holding: { state: 'down', reason: 'packml.held' },
  Held: { state: 'down', reason: 'packml.held' },
  Unholding: { state: 'down', reason: 'packml.held' },
  Suspending: { state: 'idle', reason: 'packml.suspended' },
  Unsuspending: { state: 'idle', reason: 'packml.suspended' },
  Resetting: { state: 'setup', reason: null },
  Completing: { state: 'running', reason: null },
  Complete: { state: 'idle', reason: null },
};

/** The PackML name of a state number, or null for numbers outside 1..17 (0 is "Undefined"). */
export const packMlStateName = (stateNumber: number): PackMlStateName | null =>
  Object.prototype.hasOwnProperty.call(PACKML_STATES, stateNumber)
    ? PACKML_STATES[stateNumber as PackMlStateNumber]
    : null;

/** The Takt state of a PackML state number, or null when the number is not a PackML state. */
export const taktStateFromPackMl = (stateNumber: number): PackMlMapping | null => {
  const name = packMlStateName(stateNumber);
  return name === null ? null : PACKML_TO_TAKT[name];
};
