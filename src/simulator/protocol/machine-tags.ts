import type { MetricPoint, SimulatedMetric } from '../../modules/integration/sparkplug/index.js';
import type { MachineProfile } from '../model/machine.profile.js';
import type { MachineEvent, MachineSnapshot, SimulatedState } from '../model/virtual-machine.js';

/**
 * The tags a virtual machine publishes, the same over Sparkplug B (metric names) and OPC UA (browse paths under
 * the machine object): a PackML-like state, the reason of its current stop ('' while running), counters and its
 * process values.
 */
export const MACHINE_TAGS = {
  state: 'Status/StateCurrent',
  reason: 'Status/StopReason',
  total: 'Admin/ProdProcessedCount',
  reject: 'Admin/ProdDefectiveCount',
} as const;

/**
 * The PackML state number a machine reports for each simulated state (ISA-TR88 `StateCurrent`): Execute while
 * running, Suspended while starved, Resetting during a changeover, Held when stopped by a fault, Stopped in a
 * planned stop. Takt's default PackML table turns these back into running, idle, setup, down and offline; a mapping
 * can say that Stopped means a planned stop for this plant.
 */
export const PACKML_STATE_OF: Readonly<Record<SimulatedState, number>> = {
  running: 6,
  idle: 5,
  setup: 15,
  down: 11,
  planned_stop: 2,
};

/** The Sparkplug device metrics of a machine, with its current values (for DBIRTH). */
export function machineMetrics(profile: MachineProfile, snapshot: MachineSnapshot): SimulatedMetric[] {
  return [
    { name: MACHINE_TAGS.state, datatype: 'Int32', value: PACKML_STATE_OF[snapshot.state] },
    { name: MACHINE_TAGS.reason, datatype: 'String', value: snapshot.reason ?? '' },
    { name: MACHINE_TAGS.total, datatype: 'UInt64', value: BigInt(snapshot.total) },
    { name: MACHINE_TAGS.reject, datatype: 'UInt64', value: BigInt(snapshot.reject) },
    ...profile.processValues.map((pv): SimulatedMetric => ({ name: pv.metric, datatype: 'Double', value: snapshot.process[pv.metric] ?? null })),
  ];
}

/**
 * Keeps every state change and process value but only the last counter reading before each state change and at
 * the end: counters are cumulative, so the readings in between add nothing a consumer needs.
 */
export function coalesceCounts(events: readonly MachineEvent[]): MachineEvent[] {
  return events.filter((e, i) => {
    if (e.kind !== 'counts') return true;
    for (let j = i + 1; j < events.length; j += 1) {
      const later = events[j] as MachineEvent;
      if (later.kind === 'state') return true;
      if (later.kind === 'counts') return false;
    }
    return true;
  });
}

/** The metric points of machine events, each at the time `stamp` gives its simulated time. */
export function machinePoints(events: readonly MachineEvent[], stamp: (simulated: number) => number): MetricPoint[] {
  return events.flatMap((e): MetricPoint[] => {
    const timestamp = stamp(e.at);
    switch (e.kind) {
      case 'state':
        // The reason first: a consumer that takes a stop's reason from it has it when the state arrives.
        return [
          { name: MACHINE_TAGS.reason, value: e.reason ?? '', timestamp },
          { name: MACHINE_TAGS.state, value: PACKML_STATE_OF[e.state], timestamp },
        ];
      case 'counts':
        return [
          { name: MACHINE_TAGS.total, value: BigInt(e.total), timestamp },
          { name: MACHINE_TAGS.reject, value: BigInt(e.reject), timestamp },
        ];
      case 'process':
        return [{ name: e.metric, value: e.value, timestamp }];
    }
  });
}
