import { get } from '../api/client.js';
import type { HierarchyNode, Items } from '../api/types.js';
import { useLoad } from '../api/use-load.js';
import { t } from '../i18n/i18n.js';

const LEVELS = ['/sites', '/areas', '/work-centers', '/equipment'] as const;

/** The ISA-95 equipment hierarchy: site → area → work center → equipment, with each unit's availability. */
export function EquipmentTree() {
  const nodes = useLoad<readonly HierarchyNode[]>('hierarchy', async () => (await Promise.all(LEVELS.map((p) => get<Items<HierarchyNode>>(p)))).flatMap((r) => r.items));
  if (!nodes.data) return <p role="status">{nodes.loading ? t('common.loading') : t('common.loadFailed')}</p>;
  const all = nodes.data;
  const ids = new Set(all.map((n) => n.id));
  const childrenOf = (id: string | null) => all.filter((n) => (id === null ? n.parentId === null || !ids.has(n.parentId) : n.parentId === id));
  const render = (n: HierarchyNode) => {
    const kids = childrenOf(n.id);
    return (
      <li key={n.id} data-node={n.id}>
        <span class={`node level-${n.level}`}>
          <span class="node-level">{t(`level.${n.level}`)}</span><strong>{n.name}</strong><code>{n.id}</code>
          {n.level === 'site' && n.timeZone && <span class="muted">{n.timeZone}</span>}
          {n.level === 'equipment' && n.idealCycleTimeSec !== null && <span class="muted">{t('md.cycle', { s: n.idealCycleTimeSec })}</span>}
          {n.level === 'equipment' && !n.available && <span class="badge equipment-down">{t('md.unavailable')}</span>}
          {n.state && <span class={`badge state-${n.state}`}>{n.state}</span>}
        </span>
        {kids.length > 0 && <ul>{kids.map(render)}</ul>}
      </li>
    );
  };
  const roots = childrenOf(null);
  return (
    <section class="panel" aria-labelledby="tree-title">
      <h2 id="tree-title">{t('md.equipment')}</h2>
      {roots.length === 0 ? <p class="muted">{t('common.none')}</p> : <ul class="tree">{roots.map(render)}</ul>}
    </section>
  );
}
