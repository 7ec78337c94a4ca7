import { describe, expect, it } from 'vitest';
import type { DispatchItem } from '../api/types.js';
import { boardRows, target, waitingCount } from './dispatch-board.js';

const item = (workOrderId: string, status: 'ready' | 'running' | 'paused', seq = 10): DispatchItem =>
  ({ workOrderId, operation: { id: `${workOrderId}-${seq}`, seq, status }, priority: 0, dueAt: null } as unknown as DispatchItem);

describe('the dispatch board', () => {
  it('numbers the waiting orders in the order the server sent, running and paused ones not at all', () => {
    const rows = boardRows([item('R', 'running'), item('P', 'paused'), item('B', 'ready'), item('A', 'ready'), item('A', 'ready', 20)]);
    expect(rows.map((r) => [r.item.workOrderId, r.position])).toEqual([['R', null], ['P', null], ['B', 0], ['A', 1], ['A', null]]);
    expect(waitingCount(rows)).toBe(2);
  });

  it('asks for the place a move names, and for none where the row cannot go', () => {
    expect([target('top', 2, 3), target('up', 2, 3), target('down', 2, 3)]).toEqual([0, 1, null]);
    expect([target('top', 0, 3), target('up', 0, 3), target('down', 0, 3)]).toEqual([null, null, 1]);
    expect(target('down', null, 3)).toBeNull();
  });
});
