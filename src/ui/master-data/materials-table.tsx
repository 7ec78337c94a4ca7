import { get } from '../api/client.js';
import type { Items, Material } from '../api/types.js';
import { useLoad } from '../api/use-load.js';
import { t } from '../i18n/i18n.js';

/** Materials with unit, lot control and shelf life. */
export function MaterialsTable({ onPick }: { readonly onPick: (id: string) => void }) {
  const list = useLoad<readonly Material[]>('materials', async () => (await get<Items<Material>>('/materials')).items);
  return (
    <section class="panel" aria-labelledby="materials-title">
      <h2 id="materials-title">{t('md.materials')} <span class="count">{list.data?.length ?? 0}</span></h2>
      {!list.data && <p role="status">{list.loading ? t('common.loading') : t('common.loadFailed')}</p>}
      {list.data && (
        <table class="table">
          <thead>
            <tr><th scope="col">{t('md.id')}</th><th scope="col">{t('md.name')}</th><th scope="col">{t('md.uom')}</th><th scope="col">{t('md.lotControlled')}</th><th scope="col">{t('md.shelfLife')}</th><th scope="col"><span class="visually-hidden">{t('md.revisions')}</span></th></tr>
          </thead>
          <tbody>
            {list.data.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.id}</th>
                <td>{m.name}</td>
                <td>{m.uom}</td>
                <td>{m.lotControlled ? t('common.yes') : t('common.no')}</td>
                <td>{m.shelfLifeDays === null ? '—' : t('md.days', { n: m.shelfLifeDays })}</td>
                <td><button type="button" class="button secondary small" onClick={() => onPick(m.id)}>{t('md.showRevisions')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
