import { DEMO_GROUP_ID, DEMO_MACHINES, DEMO_OPCUA_MACHINE } from './demo-machines.js';
import type { MachineProfile } from './model/machine.profile.js';
import { MACHINE_TAGS, PACKML_STATE_OF } from './protocol/machine-tags.js';
import { opcUaNodeIdOf } from './protocol/opcua-node-id.js';
import { sparkplugAddressOf } from './protocol/sparkplug-address.js';

/** The port of the demo's OPC UA machine: fixed, so that its mapping names a server that is there on every start. */
export const DEMO_OPCUA_PORT = 4841;

/** A machine mapping as the machines module takes it (`PUT /api/v1/machines/mappings/{id}`). */
export interface DemoMapping {
  readonly id: string;
  readonly equipmentId: string;
  readonly protocol: 'sparkplug' | 'opcua';
  readonly node: string;
  readonly device?: string;
  readonly metrics: readonly { readonly metric: string; readonly role: 'state' | 'alarm' | 'count_total' | 'count_reject' | 'process_value'; readonly states?: Readonly<Record<string, { state: 'running' | 'idle' | 'setup' | 'down' | 'planned_stop'; reason?: string }>>; readonly characteristic?: string }[];
}

/**
 * What the simulator's PackML numbers mean in this plant: the table replaces the default PackML map, so that Stopped
 * is the shift break the calendar plans rather than `offline`, and starvation and changeovers carry their reasons.
 * A `down` takes its reason from the machine's stop reason (mapped as the alarm).
 */
const STATES = {
  [PACKML_STATE_OF.running]: { state: 'running' },
  [PACKML_STATE_OF.idle]: { state: 'idle', reason: 'STARVED' },
  [PACKML_STATE_OF.setup]: { state: 'setup', reason: 'CHANGEOVER' },
  [PACKML_STATE_OF.down]: { state: 'down' },
  [PACKML_STATE_OF.planned_stop]: { state: 'planned_stop', reason: 'BREAK' },
} as const;

function metricsOf(profile: MachineProfile, name: (tag: string) => string): DemoMapping['metrics'] {
  return [
    { metric: name(MACHINE_TAGS.reason), role: 'alarm' },
    { metric: name(MACHINE_TAGS.state), role: 'state', states: STATES },
    { metric: name(MACHINE_TAGS.total), role: 'count_total' },
    { metric: name(MACHINE_TAGS.reject), role: 'count_reject' },
    ...profile.processValues.map((pv) => ({ metric: name(pv.metric), role: 'process_value' as const, characteristic: pv.characteristic })),
  ];
}

/** The mappings of the simulator's machines to the demo equipment: six on Sparkplug B, one on OPC UA. */
export function demoMappings(opcUaPort: number = DEMO_OPCUA_PORT): DemoMapping[] {
  return DEMO_MACHINES.map((profile) => {
    const id = `SIM-${profile.equipmentId}`;
    if (profile.equipmentId === DEMO_OPCUA_MACHINE) {
      return { id, equipmentId: profile.equipmentId, protocol: 'opcua', node: `opc.tcp://127.0.0.1:${opcUaPort}`, metrics: metricsOf(profile, (tag) => opcUaNodeIdOf(profile.equipmentId, tag)) };
    }
    const address = sparkplugAddressOf(DEMO_GROUP_ID, profile.equipmentId);
    return { id, equipmentId: profile.equipmentId, protocol: 'sparkplug', node: `${address.groupId}/${address.edgeNodeId}`, device: address.deviceId, metrics: metricsOf(profile, (tag) => tag) };
  });
}

/** The characteristics the machines measure, with the control limits of their in-control process (i-mr, individuals). */
export function demoCharacteristics(): { code: string; center: number; sigma: number }[] {
  const seen = new Map<string, { code: string; center: number; sigma: number }>();
  for (const m of DEMO_MACHINES) for (const pv of m.processValues) if (!seen.has(pv.characteristic)) seen.set(pv.characteristic, { code: pv.characteristic, center: pv.target, sigma: pv.sigma });
  return [...seen.values()];
}
