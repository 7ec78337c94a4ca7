/** What places an operation in a work center's dispatch list. */
export interface DispatchKey {
  readonly status: string;
  readonly priority: number;
  readonly dueAt: number | null;
  /** When the order was created: the older order first among equals. */
  readonly createdAt: number;
  readonly workOrderId: string;
  readonly seq: number;
}

/** Running first, then paused, then what is ready: priority cannot move an operation across these. */
export function dispatchRank(status: string): number {
  return status === 'running' ? 0 : status === 'paused' ? 1 : 2;
}

/**
 * The dispatch rule, the one place it is written: running and paused first, then by priority (high first), due date
 * (earliest first, none last), order creation, order id, step. Negative when `a` comes before `b`.
 */
export function compareDispatch(a: DispatchKey, b: DispatchKey): number {
  return (
    dispatchRank(a.status) - dispatchRank(b.status) ||
    b.priority - a.priority ||
    (a.dueAt ?? Number.MAX_SAFE_INTEGER) - (b.dueAt ?? Number.MAX_SAFE_INTEGER) ||
    a.createdAt - b.createdAt ||
    a.workOrderId.localeCompare(b.workOrderId) ||
    a.seq - b.seq
  );
}
