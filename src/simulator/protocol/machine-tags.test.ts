import { describe, expect, it } from 'vitest';
import type { MachineEvent } from '../model/virtual-machine.js';
import { coalesceCounts, machinePoints } from './machine-tags.js';

const counts = (at: number, total: number): MachineEvent => ({ kind: 'counts', at, total, reject: 0 });

describe('machine tags', () => {
  it('keeps only the last counter reading before each state change and at the end, and everything else', () => {
    const events: MachineEvent[] = [
      counts(1, 10), counts(2, 20), { kind: 'process', at: 2, metric: 'Process/X', value: 1 }, counts(3, 30),
      { kind: 'state', at: 3, state: 'down', reason: 'JAM' }, counts(9, 31), counts(10, 40),
    ];
    expect(coalesceCounts(events).map((e) => `${e.kind}@${e.at}`)).toEqual(['process@2', 'counts@3', 'state@3', 'counts@10']);
  });

  it('sends a stop\'s reason before its PackML state, counters as UInt64 readings, each at its real time', () => {
    const points = machinePoints([{ kind: 'state', at: 100, state: 'down', reason: 'JAM' }, counts(200, 5)], (t) => t / 10);
    expect(points).toEqual([
      { name: 'Status/StopReason', value: 'JAM', timestamp: 10 },
      { name: 'Status/StateCurrent', value: 11, timestamp: 10 },
      { name: 'Admin/ProdProcessedCount', value: 5n, timestamp: 20 },
      { name: 'Admin/ProdDefectiveCount', value: 0n, timestamp: 20 },
    ]);
  });
});
