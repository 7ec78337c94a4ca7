import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MOVABLE_MAX, PRIORITY_MAX, PRIORITY_MIN, planDispatchMove, movableOrders, type PriorityChange } from './dispatch-move.js';
import { compareDispatch, type DispatchKey } from './dispatch-order.js';

const key = (workOrderId: string, priority: number, extra: Partial<DispatchKey> = {}): DispatchKey => ({
  status: 'ready', priority, dueAt: null, createdAt: 0, workOrderId, seq: 10, ...extra,
});
const order = (keys: readonly DispatchKey[]): string[] => movableOrders(keys).map((k) => k.workOrderId);
const apply = (keys: readonly DispatchKey[], changes: readonly PriorityChange[]): DispatchKey[] =>
  keys.map((k) => ({ ...k, priority: changes.find((c) => c.id === k.workOrderId)?.priority ?? k.priority }));

describe('moving an order in a dispatch list', () => {
  it('moves an order to the top by raising its priority alone', () => {
    const keys = [key('A', 5), key('B', 3), key('C', 0)];
    const changes = planDispatchMove(keys, 'C', 0);
    expect(changes).toEqual([{ id: 'C', priority: 6 }]);
    expect(order(apply(keys, changes!))).toEqual(['C', 'A', 'B']);
  });

  it('moves an order down one place between neighbours of equal priority, using the due date', () => {
    const keys = [key('A', 0, { dueAt: 1 }), key('B', 0, { dueAt: 2 }), key('C', 0, { dueAt: 3 })];
    const changes = planDispatchMove(keys, 'A', 1)!;
    expect(order(apply(keys, changes))).toEqual(['B', 'A', 'C']);
    expect(changes).toHaveLength(1);
  });

  it('raises the orders above when no priority fits between the new neighbours', () => {
    const keys = [key('A', 0, { dueAt: 1 }), key('B', 0, { dueAt: 2 }), key('C', 0, { dueAt: 3 }), key('D', 0, { dueAt: 4 })];
    const changes = planDispatchMove(keys, 'D', 1)!;
    expect(order(apply(keys, changes))).toEqual(['A', 'D', 'B', 'C']);
    expect(changes.map((c) => c.id).sort()).toEqual(['A', 'D']);
  });

  it('leaves running and paused operations where they are and refuses to move them', () => {
    const keys = [key('R', 0, { status: 'running' }), key('A', 5), key('B', 0)];
    expect(planDispatchMove(keys, 'R', 1)).toBeNull();
    expect(planDispatchMove(keys, 'B', 0)).toEqual([{ id: 'B', priority: 6 }]);
    expect(planDispatchMove(keys, 'nobody', 0)).toBeNull();
  });

  it('changes nothing when the order is already there, and clamps positions past the ends', () => {
    const keys = [key('A', 2), key('B', 1)];
    expect(planDispatchMove(keys, 'A', 0)).toEqual([]);
    expect(order(apply(keys, planDispatchMove(keys, 'A', 99)!))).toEqual(['B', 'A']);
  });

  it('lowers from the top when raising would leave the priority range', () => {
    const keys = [key('A', 1000, { dueAt: 1 }), key('B', 1000, { dueAt: 2 }), key('C', 1000, { dueAt: 3 })];
    const changes = planDispatchMove(keys, 'C', 1)!;
    expect(order(apply(keys, changes))).toEqual(['A', 'C', 'B']);
    expect(changes.every((c) => c.priority >= -1000 && c.priority <= 1000)).toBe(true);
  });

  it('always yields the asked order under the dispatch rule (random lists)', () => {
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let run = 0; run < 500; run += 1) {
      const n = 1 + rnd(8);
      const keys = Array.from({ length: n }, (_, i) => key(`W${i}`, rnd(4) - 2, { dueAt: rnd(3) === 0 ? null : rnd(5), createdAt: rnd(3) }));
      const before = order(keys);
      const moved = before[rnd(n)]!;
      const to = rnd(n);
      const expected = before.filter((id) => id !== moved);
      expected.splice(to, 0, moved);
      const after = apply(keys, planDispatchMove(keys, moved, to)!);
      expect(order(after)).toEqual(expected);
      expect([...after].sort(compareDispatch).map((k) => k.workOrderId)).toEqual(expected);
    }
  });

  it('renumbers within the range when ties at both ends leave no room above or below', () => {
    const keys = [key('A', 1000, { dueAt: 1 }), key('B', 1000, { dueAt: 2 }), key('C', -1000, { dueAt: 3 }), key('D', -1000, { dueAt: 4 })];
    const after = apply(keys, planDispatchMove(keys, 'D', 1)!);
    expect(order(after)).toEqual(['A', 'D', 'B', 'C']);
    expect(after.every((k) => k.priority >= PRIORITY_MIN && k.priority <= PRIORITY_MAX)).toBe(true);
  });

  it('keeps every priority in range and yields the asked order for any move in a list of up to MOVABLE_MAX orders', () => {
    const priority = fc.oneof(fc.constantFrom(PRIORITY_MIN, PRIORITY_MIN + 1, 0, PRIORITY_MAX - 1, PRIORITY_MAX), fc.integer({ min: PRIORITY_MIN, max: PRIORITY_MAX }));
    const list = fc.oneof(
      fc.array(fc.record({ priority, dueAt: fc.option(fc.integer({ min: 0, max: 5 })), createdAt: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 40 }),
      // Long lists tied at the ends of the range: the renumbering must still fit.
      fc.integer({ min: 1, max: MOVABLE_MAX }).chain((n) => fc.array(fc.record({ priority: fc.constantFrom(PRIORITY_MIN, PRIORITY_MAX), dueAt: fc.constant(null), createdAt: fc.integer({ min: 0, max: 3 }) }), { minLength: n, maxLength: n })),
    );
    fc.assert(
      fc.property(list, fc.nat(), fc.nat(), (rows, from, to) => {
        const keys = rows.map((r, i) => key(`W${String(i).padStart(4, '0')}`, r.priority, { dueAt: r.dueAt, createdAt: r.createdAt }));
        const before = order(keys);
        const moved = before[from % before.length]!;
        const expected = before.filter((id) => id !== moved);
        expected.splice(to % before.length, 0, moved);
        const after = apply(keys, planDispatchMove(keys, moved, to % before.length)!);
        expect(after.every((k) => k.priority >= PRIORITY_MIN && k.priority <= PRIORITY_MAX)).toBe(true);
        expect(order(after)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
