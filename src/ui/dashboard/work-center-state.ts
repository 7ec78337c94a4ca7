import type { DispatchItem, HierarchyNode } from '../api/types.js';

/** What a work center tile shows as its state: from the equipment module when it reports, else from the operations. */
export type TileState = 'running' | 'paused' | 'idle' | 'setup' | 'down' | 'maintenance' | 'offline' | 'planned_stop';

const RANK: Record<TileState, number> = { down: 0, maintenance: 1, offline: 2, setup: 3, running: 4, paused: 5, planned_stop: 6, idle: 7 };

function known(s: string): s is TileState {
  return s in RANK;
}

/** The state that matters most for the supervisor among the work center's equipment and operations. */
export function tileState(equipment: readonly HierarchyNode[], items: readonly DispatchItem[]): TileState {
  const reported = equipment.map((e) => e.state).filter((s): s is TileState => typeof s === 'string' && known(s));
  if (reported.length > 0) return reported.sort((a, b) => RANK[a] - RANK[b])[0] ?? 'idle';
  if (equipment.length > 0 && equipment.every((e) => !e.available)) return 'down';
  if (items.some((i) => i.operation.status === 'running')) return 'running';
  if (items.some((i) => i.operation.status === 'paused')) return 'paused';
  return 'idle';
}
