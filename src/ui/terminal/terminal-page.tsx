import { useEffect } from 'preact/hooks';
import { TerminalAndon } from '../andon/terminal-andon.js';
import { get, seg } from '../api/client.js';
import type { DispatchItem, HierarchyNode, Items } from '../api/types.js';
import { isProductionEvent, useLiveRefresh } from '../api/use-live.js';
import { useLoad } from '../api/use-load.js';
import { ConnectionBanner } from '../components/connection-banner.js';
import { LanguageSwitch } from '../components/app-header.js';
import { LiveIndicator } from '../components/live-indicator.js';
import { t } from '../i18n/i18n.js';
import { me, signOut } from '../session/session.js';
import { DispatchList } from './dispatch-list.js';
import { OperationPanel } from './operation-panel.js';
import { chooseWorkCenter, IDLE_SIGN_OUT_MINUTES, selectedOperationId, workCenterId } from './terminal-state.js';
import { useIdleSignOut } from './use-idle-sign-out.js';
import { WorkCenterPicker } from './work-center-picker.js';

export interface Station {
  readonly workCenter: HierarchyNode;
  readonly equipment: readonly HierarchyNode[];
}

/** The operator terminal: one work center, its dispatch list, and the selected operation's actions. */
export function TerminalPage() {
  useIdleSignOut(IDLE_SIGN_OUT_MINUTES);
  const wc = workCenterId.value;
  const station = useLoad<Station | null>(wc, async () => {
    const workCenter = await get<HierarchyNode>(`/work-centers/${seg(wc ?? '')}`);
    const all = await get<Items<HierarchyNode>>('/equipment');
    return { workCenter, equipment: all.items.filter((e) => e.workCenterId === workCenter.id || e.parentId === workCenter.id) };
  });
  const dispatch = useLoad<readonly DispatchItem[]>(wc, async () => (await get<Items<DispatchItem>>(`/work-centers/${seg(wc ?? '')}/dispatch-list`)).items);
  useLiveRefresh(isProductionEvent, dispatch.reload);
  // A remembered work center that no longer exists: ask again.
  useEffect(() => {
    if (station.error && 'status' in station.error && station.error.status === 404) chooseWorkCenter(null);
  }, [station.error]);

  const items = dispatch.data ?? [];
  const selectedId = selectedOperationId.value;
  // The selection follows the list: what was chosen while it is listed, else the running one, else the next to do.
  const running = items.find((i) => i.operation.status === 'running') ?? items.find((i) => i.operation.status === 'paused');
  const selected =
    items.find((i) => i.operation.id === selectedId) ?? items.find((i) => i.operation.status === 'running') ?? items.find((i) => i.startable) ?? items[0] ?? null;

  return (
    <div class="terminal">
      <header class="terminal-header">
        <span class="brand">Takt</span>
        {wc && (
          <div class="station">
            <span class="station-label">{t('terminal.workCenter')}</span>
            <strong class="station-name">{station.data?.workCenter.name ?? wc}</strong>
            <button type="button" class="button secondary small" onClick={() => chooseWorkCenter(null)}>{t('terminal.change')}</button>
          </div>
        )}
        <div class="header-end">
          <LiveIndicator />
          <LanguageSwitch />
          <span class="who" aria-label={t('terminal.signedInAs')}>{me.value?.name}</span>
          <button type="button" class="button secondary" onClick={() => signOut()}>{t('nav.signOut')}</button>
        </div>
      </header>
      <ConnectionBanner />
      <main id="main" class="terminal-main">
        {!wc ? (
          <WorkCenterPicker />
        ) : (
          <div class="terminal-grid">
            <div class="terminal-side">
              <DispatchList items={items} loading={dispatch.loading} selectedId={selected?.operation.id ?? null} failed={dispatch.error !== null && dispatch.data === null} />
              <TerminalAndon workCenterId={wc} running={running ? { operationId: running.operation.id, equipmentId: running.operation.equipmentId } : null} />
            </div>
            {selected && station.data ? (
              <OperationPanel key={selected.operation.id} item={selected} station={station.data} onChanged={dispatch.reload} />
            ) : (
              <section class="operation-panel empty" aria-live="polite">
                <p>{items.length === 0 ? t('terminal.nothingToDo') : t('terminal.pickOperation')}</p>
              </section>
            )}
          </div>
        )}
      </main>
    </div>
  );
}
