import type { InboundMessage, MaterialDefinitionItem, MaterialLotItem, WorkOrderRequest } from '../b2mml/index.js';
import type { Where } from './import-problem.js';

/** The elements of a parsed message by the ids they carry, so a problem found while applying points at its element. */
export interface MessageIndex {
  readonly root: Where;
  readonly orders: ReadonlyMap<string, WorkOrderRequest>;
  readonly materials: ReadonlyMap<string, MaterialDefinitionItem>;
  readonly lots: ReadonlyMap<string, MaterialLotItem>;
}

function byId<T extends { readonly id: { readonly value: string } | null }>(items: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  // The checks refuse duplicate ids before any apply; the first one is the one the plan names.
  for (const item of items) if (item.id !== null && !out.has(item.id.value)) out.set(item.id.value, item);
  return out;
}

export function indexMessage(message: InboundMessage): MessageIndex {
  const root = { path: `/${message.rootElement}` };
  switch (message.kind) {
    case 'production-schedule':
    case 'operations-schedule':
      return { root, orders: byId(message.workOrders), materials: new Map(), lots: new Map() };
    case 'material-definitions':
      return { root, orders: new Map(), materials: byId(message.materials), lots: new Map() };
    case 'material-lots':
      return { root, orders: new Map(), materials: new Map(), lots: byId(message.lots) };
  }
}

/** The element itself, else the message root. */
export function at(located: Where | null | undefined, fallback: Where): Where {
  return located ?? fallback;
}
