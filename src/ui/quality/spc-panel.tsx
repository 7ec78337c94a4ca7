import { useState } from 'preact/hooks';
import { get, seg } from '../api/client.js';
import type { Characteristic, Items, Material, Revision } from '../api/types.js';
import { useLiveRefresh } from '../api/use-live.js';
import { useLoad } from '../api/use-load.js';
import { t } from '../i18n/i18n.js';
import { SpcChart, type SpcResult } from './spc-chart.js';

interface Known {
  readonly code: string;
  readonly name: string;
  readonly product: string;
  readonly chart: string;
}

/** Every variable characteristic of the approved product revisions: what can be charted. */
async function characteristics(): Promise<Known[]> {
  const materials = (await get<Items<Material>>('/materials')).items;
  const out = new Map<string, Known>();
  await Promise.all(
    materials.map(async (m) => {
      const revs = (await get<Items<Revision>>(`/products/${seg(m.id)}/revisions`).catch(() => ({ items: [] as Revision[] }))).items;
      for (const r of revs.filter((x) => x.status === 'approved')) {
        for (const step of r.routing) {
          for (const c of step.inspections ?? []) {
            const ch = c as Characteristic & { chart?: string };
            if (ch.type === 'variable' && !out.has(ch.code)) out.set(ch.code, { code: ch.code, name: ch.name, product: m.id, chart: ch.chart ?? 'i-mr' });
          }
        }
      }
    }),
  );
  return [...out.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** Pick a characteristic, see its control chart over the recorded results, live. */
export function SpcPanel() {
  const list = useLoad<readonly Known[]>('characteristics', characteristics);
  const [code, setCode] = useState<string | null>(null);
  const chosen = list.data?.find((c) => c.code === code) ?? list.data?.[0] ?? null;
  const spc = useLoad<SpcResult>(chosen ? chosen.code : null, () => get<SpcResult>(`/quality/characteristics/${seg(chosen?.code ?? '')}/spc?chart=${chosen?.chart ?? 'i-mr'}`));
  useLiveRefresh((e) => e.action === 'inspection.recorded' || e.action === 'spc.violation', spc.reload);
  return (
    <section class="panel" aria-labelledby="spc-title">
      <h2 id="spc-title">{t('spc.title')}</h2>
      {list.data?.length === 0 && <p class="muted">{t('spc.noCharacteristics')}</p>}
      {list.data && list.data.length > 0 && (
        <label class="field inline">
          <span>{t('spc.characteristic')}</span>
          <select value={chosen?.code ?? ''} onChange={(e) => setCode(e.currentTarget.value)}>
            {list.data.map((c) => <option key={c.code} value={c.code}>{c.code} · {c.name} ({c.product})</option>)}
          </select>
        </label>
      )}
      {chosen && !spc.data && <p role="status">{spc.loading ? t('common.loading') : t('spc.noData')}</p>}
      {chosen && spc.data && <SpcChart result={spc.data} title={`${chosen.name} (${chosen.chart})`} />}
    </section>
  );
}
