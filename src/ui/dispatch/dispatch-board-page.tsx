import { useState } from 'preact/hooks';
import { get, seg } from '../api/client.js';
import type { DispatchItem, HierarchyNode, Items } from '../api/types.js';
import { isProductionEvent, useLiveRefresh } from '../api/use-live.js';
import { useLoad } from '../api/use-load.js';
import { t } from '../i18n/i18n.js';
import { DISPATCHERS } from '../screen-roles.js';
import { hasRole } from '../session/session.js';
import { ORDER_HOLDERS } from './hold-control.js';
import { WorkCenterQueue } from './work-center-queue.js';

interface Board {
  readonly workCenters: readonly HierarchyNode[];
  readonly lists: Readonly<Record<string, readonly DispatchItem[]>>;
}

async function loadBoard(): Promise<Board> {
  const workCenters = (await get<Items<HierarchyNode>>('/work-centers')).items;
  const lists = await Promise.all(workCenters.map(async (w) => [w.id, (await get<Items<DispatchItem>>(`/work-centers/${seg(w.id)}/dispatch-list`)).items] as const));
  return { workCenters, lists: Object.fromEntries(lists) };
}

/** The supervisor's dispatch board: every work center's list as its terminal shows it, live, reordered from here. */
export function DispatchBoardPage() {
  const board = useLoad<Board>('dispatch-board', loadBoard);
  useLiveRefresh(isProductionEvent, board.reload);
  const [only, setOnly] = useState('');
  const mayMove = hasRole(...DISPATCHERS);
  const mayHold = hasRole(...ORDER_HOLDERS);
  const workCenters = (board.data?.workCenters ?? []).filter((w) => only === '' || w.id === only);
  return (
    <div class="dispatch-board">
      <div class="board-head">
        <h1>{t('dispatch.title')}</h1>
        <label class="field inline board-filter">
          <span>{t('order.workCenter')}</span>
          <select value={only} onChange={(e) => setOnly(e.currentTarget.value)}>
            <option value="">{t('dispatch.allWorkCenters')}</option>
            {(board.data?.workCenters ?? []).map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
          </select>
        </label>
      </div>
      <p class="muted board-intro">{mayMove ? t('dispatch.intro') : t('dispatch.readOnly')}</p>
      {board.loading && !board.data && <p role="status">{t('common.loading')}</p>}
      {board.error && !board.data && <p class="error" role="alert">{t('common.loadFailed')}</p>}
      {board.data && board.data.workCenters.length === 0 && <p class="muted">{t('dispatch.noWorkCenters')}</p>}
      <div class="board-grid">
        {workCenters.map((w) => (
          <WorkCenterQueue key={w.id} workCenter={w} items={board.data?.lists[w.id] ?? []} mayMove={mayMove} mayHold={mayHold} onChanged={board.reload} />
        ))}
      </div>
    </div>
  );
}
