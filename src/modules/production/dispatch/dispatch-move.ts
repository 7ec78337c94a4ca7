import { compareDispatch, dispatchRank, type DispatchKey } from './dispatch-order.js';

/** The allowed range of a work order's priority: the routes validate it, the dispatch move stays within it. */
export const PRIORITY_MIN = -1000;
export const PRIORITY_MAX = 1000;
/** The most waiting orders a list can hold and still read in any order within the range (one priority each). */
export const MOVABLE_MAX = PRIORITY_MAX - PRIORITY_MIN + 1;

export interface PriorityChange {
  readonly id: string;
  readonly priority: number;
}

/** The orders a supervisor can move in a list, in dispatch order: those with a ready operation there (one key each). */
export function movableOrders(keys: readonly DispatchKey[]): DispatchKey[] {
  const seen = new Set<string>();
  return [...keys]
    .filter((k) => dispatchRank(k.status) === 2)
    .sort(compareDispatch)
    .filter((k) => (seen.has(k.workOrderId) ? false : (seen.add(k.workOrderId), true)));
}

export const inRange = (p: number): boolean => p >= PRIORITY_MIN && p <= PRIORITY_MAX;

/** One new priority for the moved order that puts it between its new neighbours, the closest to its old one. */
function singleChange(moved: DispatchKey, above: DispatchKey | undefined, below: DispatchKey | undefined): number | null {
  const candidates = [moved.priority, below?.priority, below && below.priority + 1, above?.priority, above && above.priority - 1]
    .filter((p): p is number => p !== undefined && inRange(p))
    .sort((a, b) => Math.abs(a - moved.priority) - Math.abs(b - moved.priority));
  const fits = (p: number): boolean => {
    const k = { ...moved, priority: p };
    return (!above || compareDispatch(above, k) < 0) && (!below || compareDispatch(k, below) < 0);
  };
  return candidates.find(fits) ?? null;
}

/**
 * Priorities that make `desired` the dispatch order: raising from the bottom; past the top of the range, lowering from
 * the top instead, each order kept above the floor that leaves one priority for every order below it (so the list is
 * renumbered compactly within the range when there is no room, which always fits up to MOVABLE_MAX orders).
 */
function renumber(desired: readonly DispatchKey[]): DispatchKey[] {
  const up = [...desired];
  for (let k = up.length - 2; k >= 0; k -= 1) if (compareDispatch(up[k]!, up[k + 1]!) >= 0) up[k] = { ...up[k]!, priority: up[k + 1]!.priority + 1 };
  if (up.every((k) => inRange(k.priority))) return up;
  const down: DispatchKey[] = [];
  desired.forEach((key, k) => {
    const floor = PRIORITY_MIN + (desired.length - 1 - k);
    const above = down[k - 1];
    let p = Math.min(key.priority, above ? above.priority : PRIORITY_MAX);
    if (above && compareDispatch(above, { ...key, priority: p }) >= 0) p -= 1;
    down.push({ ...key, priority: Math.max(p, floor) });
  });
  return down;
}

/**
 * The priority changes that move an order to `position` (0 = first) among the orders a supervisor can move in a
 * dispatch list (movableOrders), under the dispatch rule itself (compareDispatch): the moved order alone when a
 * priority between its new neighbours exists, else the fewest orders above it raised (or below it lowered) so the
 * list reads as asked. Null when the order has no ready operation in the list. Priorities leave the allowed range
 * only when the list holds more than MOVABLE_MAX orders.
 */
export function planDispatchMove(keys: readonly DispatchKey[], workOrderId: string, position: number): PriorityChange[] | null {
  const queue = movableOrders(keys);
  const from = queue.findIndex((k) => k.workOrderId === workOrderId);
  if (from < 0) return null;
  const to = Math.max(0, Math.min(queue.length - 1, Math.trunc(position)));
  if (to === from) return [];
  const moved = queue[from]!;
  const desired = queue.filter((k) => k !== moved);
  desired.splice(to, 0, moved);
  const single = singleChange(moved, desired[to - 1], desired[to + 1]);
  if (single !== null) return [{ id: workOrderId, priority: single }];
  const assigned = renumber(desired);
  return assigned.filter((k, i) => k.priority !== desired[i]!.priority).map((k) => ({ id: k.workOrderId, priority: k.priority }));
}
