import { get } from '../api/client.js';
import type { HierarchyNode, Items } from '../api/types.js';
import { useLoad } from '../api/use-load.js';
import { t } from '../i18n/i18n.js';
import { chooseWorkCenter } from './terminal-state.js';

interface Hierarchy {
  readonly areas: readonly HierarchyNode[];
  readonly workCenters: readonly HierarchyNode[];
}

/** The first question at a new terminal: which work center is this? Big buttons, grouped by area. */
export function WorkCenterPicker() {
  const h = useLoad<Hierarchy>('hierarchy', async () => ({
    areas: (await get<Items<HierarchyNode>>('/areas')).items,
    workCenters: (await get<Items<HierarchyNode>>('/work-centers')).items,
  }));
  if (!h.data) return <p class="loading" role="status">{h.error ? t('common.loadFailed') : t('common.loading')}</p>;
  const { areas, workCenters } = h.data;
  const groups = [...areas, { id: '', name: t('terminal.otherArea') } as HierarchyNode]
    .map((a) => ({ area: a, centers: workCenters.filter((w) => (a.id ? w.parentId === a.id : !areas.some((x) => x.id === w.parentId))) }))
    .filter((g) => g.centers.length > 0);
  return (
    <section class="picker" aria-labelledby="picker-title">
      <h1 id="picker-title">{t('terminal.chooseWorkCenter')}</h1>
      <p class="hint">{t('terminal.chooseWorkCenterHint')}</p>
      {groups.length === 0 && <p>{t('terminal.noWorkCenters')}</p>}
      {groups.map((g) => (
        <div key={g.area.id} class="picker-group" role="group" aria-label={g.area.name}>
          <h2>{g.area.name}</h2>
          <div class="picker-buttons">
            {g.centers.map((w) => (
              <button key={w.id} type="button" class="button tile" onClick={() => chooseWorkCenter(w.id)}>
                <span class="tile-title">{w.name}</span>
                <span class="tile-sub">{w.id}</span>
              </button>
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}
