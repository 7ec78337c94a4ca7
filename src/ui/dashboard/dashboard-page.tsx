import { AndonPanel } from '../andon/andon-panel.js';
import { useActiveCalls, type AndonCall } from '../andon/andon-calls.js';
import type { HierarchyNode } from '../api/types.js';
import { t } from '../i18n/i18n.js';
import { ClockedOnPanel } from './clocked-on-panel.js';
import { EventFeed } from './event-feed.js';
import { HoldsPanel } from './holds-panel.js';
import { OrdersPanel } from './orders-panel.js';
import { usePlant, type Plant } from './use-plant.js';
import { tileState } from './work-center-state.js';
import { WorkCenterTile } from './work-center-tile.js';

/** The equipment with its reported state (when the equipment module reports states). */
function withState(e: HierarchyNode, plant: Plant): HierarchyNode {
  const s = plant.equipmentStates?.[e.id];
  return s ? { ...e, state: s.state, stateReason: s.reason } : e;
}

function Kpis({ plant, andon }: { readonly plant: Plant; readonly andon: readonly AndonCall[] | null }) {
  const states = plant.workCenters.map((w) => tileState(plant.equipment.filter((e) => e.workCenterId === w.id).map((e) => withState(e, plant)), plant.dispatch[w.id] ?? []));
  const late = plant.orders.filter((o) => o.dueAt !== null && Date.parse(o.dueAt) < Date.now()).length;
  const kpis = [
    { key: 'running', value: `${states.filter((s) => s === 'running').length} / ${plant.workCenters.length}`, label: t('dashboard.kpiRunning') },
    { key: 'orders', value: String(plant.orders.filter((o) => o.status === 'in_progress').length), label: t('dashboard.kpiInProgress') },
    { key: 'holds', value: String(plant.orders.filter((o) => o.status === 'on_hold').length + plant.heldLots.length), label: t('dashboard.kpiHolds'), bad: true },
    { key: 'late', value: String(late), label: t('dashboard.kpiLate'), bad: true },
    ...(plant.nonconformances ? [{ key: 'ncs', value: String(plant.nonconformances.length), label: t('dashboard.kpiNcs'), bad: true }] : []),
    ...(andon ? [{ key: 'andon', value: String(andon.length), label: t('andon.kpi'), bad: true }] : []),
  ];
  return (
    <ul class="kpis" aria-label={t('dashboard.kpis')}>
      {kpis.map((k) => (
        <li key={k.key} class={`kpi ${'bad' in k && k.bad && k.value !== '0' ? 'alarm' : ''}`} data-kpi={k.key}>
          <span class="kpi-value">{k.value}</span>
          <span class="kpi-label">{k.label}</span>
        </li>
      ))}
    </ul>
  );
}

/** The plant on one screen, live: work centers by area, active orders, holds, and what just happened. */
export function DashboardPage() {
  const plant = usePlant();
  const andon = useActiveCalls('*');
  const workCenterName = (id: string): string => plant.workCenters.find((w) => w.id === id)?.name ?? id;
  const orphans = plant.workCenters.filter((w) => !plant.areas.some((a) => a.id === w.parentId));
  const groups = [...plant.areas.map((a) => ({ id: a.id, name: a.name, centers: plant.workCenters.filter((w) => w.parentId === a.id) })), { id: '', name: t('terminal.otherArea'), centers: orphans }].filter(
    (g) => g.centers.length > 0,
  );
  return (
    <div class="dashboard">
      <div class="dashboard-main">
        <h1 class="visually-hidden">{t('nav.dashboard')}</h1>
        <Kpis plant={plant} andon={andon.calls} />
        {!plant.loaded && <p role="status">{t('common.loading')}</p>}
        {plant.loaded && groups.length === 0 && <p class="panel muted">{t('dashboard.empty')}</p>}
        {groups.map((g) => (
          <section key={g.id} class="area" aria-labelledby={`area-${g.id}`}>
            <h2 id={`area-${g.id}`}>{g.name}</h2>
            <div class="wc-grid">
              {g.centers.map((w) => (
                <WorkCenterTile
                  key={w.id} workCenter={w} items={plant.dispatch[w.id] ?? []} oee={plant.oee?.[w.id]} andon={andon.calls?.filter((c) => c.workCenterId === w.id) ?? []}
                  equipment={plant.equipment.filter((e) => e.workCenterId === w.id || e.parentId === w.id).map((e) => withState(e, plant))}
                />
              ))}
            </div>
          </section>
        ))}
        <OrdersPanel orders={plant.orders} />
      </div>
      <aside class="dashboard-side">
        {andon.calls && <AndonPanel calls={andon.calls} workCenterName={workCenterName} onChanged={andon.reload} />}
        <HoldsPanel orders={plant.orders} lots={plant.heldLots} nonconformances={plant.nonconformances} />
        <ClockedOnPanel />
        <EventFeed />
      </aside>
    </div>
  );
}
