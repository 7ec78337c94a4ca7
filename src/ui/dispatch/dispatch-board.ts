import type { DispatchItem } from '../api/types.js';

/** A line of a work center's list on the board: the server's item, and where it stands among the orders to move. */
export interface BoardRow {
  readonly item: DispatchItem;
  /** 0-based place among the waiting orders (what a move names); null for running and paused operations, and for an order's second waiting step. */
  readonly position: number | null;
}

/**
 * The rows of a dispatch list in the server's own order (the board never sorts: the server's dispatch rule decides),
 * each waiting order numbered once, as the move command counts them.
 */
export function boardRows(items: readonly DispatchItem[]): BoardRow[] {
  const seen = new Set<string>();
  let next = 0;
  return items.map((item) => {
    if (item.operation.status !== 'ready' || seen.has(item.workOrderId)) return { item, position: null };
    seen.add(item.workOrderId);
    return { item, position: next++ };
  });
}

/** How many orders wait (and can be moved) in a list. */
export function waitingCount(rows: readonly BoardRow[]): number {
  return rows.filter((r) => r.position !== null).length;
}

export type Move = 'top' | 'up' | 'down';

/** The place a move asks for, or null when the row cannot go that way. */
export function target(move: Move, position: number | null, waiting: number): number | null {
  if (position === null) return null;
  if (move === 'top') return position > 0 ? 0 : null;
  if (move === 'up') return position > 0 ? position - 1 : null;
  return position < waiting - 1 ? position + 1 : null;
}
