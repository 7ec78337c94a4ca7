import { describe, expect, it } from 'vitest';
import { downtimePareto } from './downtime-pareto.js';
import type { StateInterval } from './equipment-state.js';
import type { ReasonNode } from './reason-tree.js';

const M = 60_000;
const iv = (state: StateInterval['state'], from: number, to: number | null, reason: string | null = null): StateInterval => ({
  state, reason, from: from * M, to: to === null ? null : to * M,
});
const reasons: ReasonNode[] = [
  { code: 'MECH', name: 'Mechanical', planned: false },
  { code: 'MOTOR', parentCode: 'MECH', planned: false },
  { code: 'JAM', parentCode: 'MECH', planned: false },
  { code: 'MEETING', planned: true },
];
const press = [iv('running', 0, 10), iv('down', 10, 30, 'MOTOR'), iv('running', 30, 40), iv('down', 40, 55, 'JAM'), iv('planned_stop', 55, 80, 'MEETING'), iv('down', 80, null, null)];
const lathe = [iv('down', 0, 5, 'JAM'), iv('idle', 5, 10, 'STARVED'), iv('down', 10, 12, 'JAM'), iv('down', 12, 14, 'JAM')];

describe('downtimePareto', () => {
  it('sums stop time by reason over all equipment, sorted descending with cumulative share', () => {
    const p = downtimePareto({ histories: [press, lathe], from: 0, to: 100 * M, reasons });
    expect(p.map((e) => [e.code, e.seconds / 60, e.occurrences])).toEqual([
      ['MEETING', 25, 1],
      ['JAM', 15 + 5 + 4, 3], // the two lathe JAM reports 10-12 and 12-14 are one stop
      ['MOTOR', 20, 1],
      ['UNSPECIFIED', 20, 1], // open interval up to the window end
    ]);
    expect(p[0]?.planned).toBe(true);
    expect(p[0]?.share).toBeCloseTo(25 / 89, 12);
    expect(p[3]?.cumulativeShare).toBeCloseTo(1, 12);
  });

  it('groups by parent reason and clips to the window', () => {
    const p = downtimePareto({ histories: [press], from: 20 * M, to: 60 * M, reasons, groupBy: 'parent' });
    expect(p.map((e) => [e.code, e.seconds / 60, e.name])).toEqual([
      ['MECH', 10 + 15, 'Mechanical'],
      ['MEETING', 5, null],
    ]);
  });

  it('can count other states and gives an empty list when nothing stopped', () => {
    expect(downtimePareto({ histories: [lathe], from: 0, to: 100 * M, reasons, states: ['idle'] }).map((e) => e.code)).toEqual(['STARVED']);
    expect(downtimePareto({ histories: [[iv('running', 0, null)]], from: 0, to: M, reasons })).toEqual([]);
  });
});
