import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { get, seg } from '../api/client.js';
import { apiPaths, FEATURES, has } from '../api/features.js';
import type { DispatchItem, HierarchyNode, Items, JournalEvent, Lot, WorkOrder } from '../api/types.js';
import { useEvents } from '../api/use-live.js';

/** A nonconformance as the quality module lists it (only what the dashboard shows). */
export interface Nonconformance {
  readonly id: string;
  readonly status: string;
  readonly title?: string;
  readonly description?: string;
  readonly characteristic?: string;
  readonly workOrderId?: string | null;
  readonly lotId?: string | null;
  readonly openedAt?: string;
}

export interface Oee {
  /** Seconds; 0 when no shift was planned (then OEE says nothing and is not shown). */
  readonly plannedProductionTime?: number;
  readonly availability: number;
  readonly performance: number;
  readonly quality: number;
  readonly oee: number;
}

export interface EquipmentState {
  readonly state: string;
  readonly reason: string | null;
}

export interface Plant {
  readonly areas: readonly HierarchyNode[];
  readonly workCenters: readonly HierarchyNode[];
  readonly equipment: readonly HierarchyNode[];
  readonly dispatch: Readonly<Record<string, readonly DispatchItem[]>>;
  readonly orders: readonly WorkOrder[];
  readonly heldLots: readonly Lot[];
  /** null: the quality module is not there (yet). */
  readonly nonconformances: readonly Nonconformance[] | null;
  /** Current state per equipment; null: the equipment module's states are not there (yet). */
  readonly equipmentStates: Readonly<Record<string, EquipmentState>> | null;
  /** Per work center; null: the equipment module's OEE is not there (yet). */
  readonly oee: Readonly<Record<string, Oee>> | null;
  readonly loaded: boolean;
}

type Part = 'hierarchy' | 'orders' | 'lots' | 'ncs' | 'oee' | 'states' | `wc:${string}`;

const EMPTY: Plant = { areas: [], workCenters: [], equipment: [], dispatch: {}, orders: [], heldLots: [], nonconformances: null, equipmentStates: null, oee: null, loaded: false };
const ACTIVE = ['in_progress', 'released', 'on_hold'] as const;

function startOfDay(): string {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d.toISOString();
}

/**
 * The live plant picture: hierarchy, what runs at each work center, active orders, holds (and nonconformances and OEE
 * once those modules answer). Each committed event refreshes only the parts it can change, coalesced per burst.
 */
export function usePlant(): Plant {
  const [plant, setPlant] = useState<Plant>(EMPTY);
  const latest = useRef(plant);
  latest.current = plant;
  const dirty = useRef(new Set<Part>());
  const running = useRef(false);

  /** Loads one part; answers how to put it into the picture (applied to the newest picture, not a stale copy). */
  const load = useCallback(async (part: Part): Promise<(p: Plant) => Plant> => {
    if (part === 'hierarchy') {
      const [areas, workCenters, equipment] = await Promise.all(['/areas', '/work-centers', '/equipment'].map((p) => get<Items<HierarchyNode>>(p)));
      return (p) => ({ ...p, areas: areas?.items ?? [], workCenters: workCenters?.items ?? [], equipment: equipment?.items ?? [] });
    }
    if (part === 'orders') {
      const lists = await Promise.all(ACTIVE.map((s) => get<Items<WorkOrder>>(`/work-orders?status=${s}`)));
      return (p) => ({ ...p, orders: lists.flatMap((l) => l.items) });
    }
    if (part === 'lots') {
      const heldLots = (await get<Items<Lot>>('/lots?status=on_hold&limit=50')).items;
      return (p) => ({ ...p, heldLots });
    }
    if (part === 'ncs') {
      if (!has(FEATURES.nonconformances)) return (p) => ({ ...p, nonconformances: null });
      const r = await get<Items<Nonconformance> | Nonconformance[]>('/nonconformances');
      const open = (Array.isArray(r) ? r : r.items).filter((n) => !/closed|dispositioned/.test(n.status));
      return (p) => ({ ...p, nonconformances: open });
    }
    if (part === 'states') {
      if (!has(FEATURES.equipmentStates)) return (p) => ({ ...p, equipmentStates: null });
      const entries = await Promise.all(
        latest.current.equipment.map(async (e) => [e.id, (await get<{ current: EquipmentState | null }>(`/equipment/${seg(e.id)}/states`).catch(() => null))?.current ?? null] as const),
      );
      const states = Object.fromEntries(entries.filter((e): e is readonly [string, EquipmentState] => e[1] !== null));
      return (p) => ({ ...p, equipmentStates: states });
    }
    if (part === 'oee') {
      if (!has(FEATURES.workCenterOee)) return (p) => ({ ...p, oee: null });
      const q = `from=${encodeURIComponent(startOfDay())}&to=${encodeURIComponent(new Date().toISOString())}`;
      const entries = await Promise.all(latest.current.workCenters.map(async (w) => [w.id, await get<Oee>(`/work-centers/${seg(w.id)}/oee?${q}`).catch(() => null)] as const));
      const oee = Object.fromEntries(entries.filter((e): e is readonly [string, Oee] => e[1] !== null && e[1].plannedProductionTime !== 0));
      return (p) => ({ ...p, oee });
    }
    const wc = part.slice(3);
    const items = (await get<Items<DispatchItem>>(`/work-centers/${seg(wc)}/dispatch-list`)).items;
    return (p) => ({ ...p, dispatch: { ...p.dispatch, [wc]: items } });
  }, []);

  const flush = useCallback(async (): Promise<void> => {
    if (running.current) return;
    running.current = true;
    try {
      while (dirty.current.size > 0) {
        const parts = [...dirty.current];
        dirty.current.clear();
        // Each answer goes on screen as it arrives: a slow list does not hold back a fast one.
        await Promise.all(
          parts.map(async (p) => {
            const update = await load(p).catch(() => (x: Plant) => x);
            latest.current = { ...update(latest.current), loaded: true };
            setPlant(latest.current);
          }),
        );
      }
    } finally {
      running.current = false;
    }
  }, [load]);

  const mark = useCallback((...parts: Part[]): void => {
    for (const p of parts) dirty.current.add(p);
    void flush();
  }, [flush]);

  const features = apiPaths.value;
  useEffect(() => {
    void (async () => {
      const h = await load('hierarchy').catch(() => (x: Plant) => x);
      latest.current = h(latest.current);
      setPlant(latest.current);
      mark('orders', 'lots', 'ncs', 'oee', 'states', ...(latest.current.workCenters.map((w) => `wc:${w.id}` as const)));
    })();
  }, [features]);
  // OEE moves with time even when nothing is reported: refresh it every minute.
  useEffect(() => {
    const timer = setInterval(() => mark('oee'), 60_000);
    return () => clearInterval(timer);
  }, [mark]);

  useEvents((e: JournalEvent) => {
    // The committed event already says what changed: show it at once, then refresh from the server to be sure.
    const applied = applyEvent(latest.current, e);
    if (applied !== latest.current) {
      latest.current = applied;
      setPlant(applied);
    }
    mark(...partsFor(e, latest.current));
  });
  return plant;
}

/** The parts of the picture an event can change. */
export function partsFor(e: JournalEvent, plant: Plant): Part[] {
  const allWcs = plant.workCenters.map((w) => `wc:${w.id}` as const);
  switch (e.entity) {
    case 'operation': {
      const wc = typeof e.data.workCenterId === 'string' ? e.data.workCenterId : Object.entries(plant.dispatch).find(([, items]) => items.some((i) => i.operation.id === e.entityId))?.[0];
      return ['orders', ...(wc ? [`wc:${wc}` as const] : allWcs)];
    }
    case 'work-order':
      return ['orders', ...allWcs];
    case 'lot':
      return e.action === 'lot.held' || e.action === 'lot.released' || e.action === 'lot.received' ? ['lots'] : [];
    case 'equipment':
      return e.action === 'equipment.state-changed' ? ['oee'] : ['hierarchy', 'states', 'oee'];
    case 'nonconformance':
    case 'inspection':
      return ['ncs', 'orders', 'lots'];
    default:
      return e.entity === 'work-center' || e.entity === 'area' || e.entity === 'site' ? ['hierarchy'] : [];
  }
}

function after(e: JournalEvent, field: string): number | undefined {
  const change = (e.data.changes as Record<string, { after?: unknown }> | undefined)?.[field];
  return typeof change?.after === 'number' ? change.after : undefined;
}

/** The picture with a committed event's own figures applied (quantities reported, order status), before any refetch. */
export function applyEvent(plant: Plant, e: JournalEvent): Plant {
  if (e.action === 'operation.reported') {
    const good = after(e, 'good');
    const scrap = after(e, 'scrap');
    if (good === undefined || scrap === undefined) return plant;
    let touched = false;
    const dispatch = Object.fromEntries(
      Object.entries(plant.dispatch).map(([wc, items]) => [
        wc,
        items.map((i) => {
          if (i.operation.id !== e.entityId) return i;
          touched = true;
          return { ...i, operation: { ...i.operation, good, scrap } };
        }),
      ]),
    );
    return touched ? { ...plant, dispatch } : plant;
  }
  if (e.action === 'equipment.state-changed' && typeof e.data.state === 'string') {
    const reason = typeof e.data.reason === 'string' ? e.data.reason : null;
    return { ...plant, equipmentStates: { ...(plant.equipmentStates ?? {}), [e.entityId]: { state: e.data.state, reason } } };
  }
  if (e.entity === 'work-order') {
    const status = (e.data.changes as Record<string, { after?: unknown }> | undefined)?.status?.after;
    if (typeof status !== 'string') return plant;
    return { ...plant, orders: plant.orders.map((o) => (o.id === e.entityId ? { ...o, status: status as WorkOrder['status'] } : o)) };
  }
  return plant;
}
