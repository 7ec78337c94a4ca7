import { AndonMarker } from '../andon/andon-panel.js';
import type { AndonCall } from '../andon/andon-calls.js';
import type { DispatchItem, HierarchyNode } from '../api/types.js';
import { ProgressBar } from '../components/progress-bar.js';
import { clock, percent } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { orderHref } from '../router.js';
import type { Oee } from './use-plant.js';
import { tileState, type TileState } from './work-center-state.js';

interface Props {
  readonly workCenter: HierarchyNode;
  readonly equipment: readonly HierarchyNode[];
  readonly items: readonly DispatchItem[];
  readonly oee: Oee | undefined;
  /** Its active andon calls, shown as a marker under the head. */
  readonly andon: readonly AndonCall[];
}

/** One work center on the wall: its state in colour and word, what runs and how far it is, what waits. */
export function WorkCenterTile({ workCenter, equipment, items, oee, andon }: Props) {
  const state = tileState(equipment, items);
  const active = items.filter((i) => i.operation.status === 'running' || i.operation.status === 'paused');
  const waiting = items.length - active.length;
  return (
    <article class={`wc-tile state-${state.replace('_', '-')}${andon.some((c) => c.status === 'open') ? ' andon-called' : ''}`} aria-labelledby={`wc-${workCenter.id}`} data-work-center={workCenter.id}>
      <header class="wc-head">
        <h3 id={`wc-${workCenter.id}`}>{workCenter.name}</h3>
        <span class="wc-state" data-state={state}>{t(`wcState.${state}`)}</span>
      </header>
      <AndonMarker calls={andon} />
      {active.length === 0 && <p class="wc-idle">{t('dashboard.nothingRunning')}</p>}
      {active.map((i) => (
        <div class="wc-run" key={i.operation.id} data-operation-id={i.operation.id}>
          <p class="wc-run-title">
            <a href={orderHref(i.workOrderId)}>{i.workOrderId}</a> · {t('terminal.step', { seq: i.operation.seq, name: i.operation.name })}
          </p>
          <p class="wc-run-sub">
            {i.materialId}
            {i.operation.equipmentId && <> · {i.operation.equipmentId}</>}
            {i.operation.startedBy && <> · <span class="nowrap">{t('dashboard.by', { who: i.operation.startedBy, when: clock(i.operation.startedAt) })}</span></>}
          </p>
          <ProgressBar good={i.operation.good} scrap={i.operation.scrap} planned={i.orderQuantity} />
        </div>
      ))}
      <footer class="wc-foot">
        <span>{t('dashboard.waiting', { count: waiting })}</span>
        <span class="wc-equipment">
          {equipment.map((e, i) => (
            <span key={e.id}>{i > 0 && ', '}{e.id}{e.state && e.state !== state && <> ({t(`wcState.${e.state as TileState}`)})</>}{e.stateReason && <> · {e.stateReason}</>}</span>
          ))}
        </span>
        {oee && <span class="wc-oee" title={t('dashboard.oeeDetail', { a: percent(oee.availability), p: percent(oee.performance), q: percent(oee.quality) })}>{t('dashboard.oee', { oee: percent(oee.oee) })}</span>}
      </footer>
    </article>
  );
}
