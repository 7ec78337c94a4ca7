import type { LotMovement, WorkOrderDetail } from '../api/types.js';
import { dateTime, num } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { lotHref } from '../router.js';

interface Props {
  readonly order: WorkOrderDetail;
  readonly opName: ReadonlyMap<string, string>;
}

function Movements({ title, id, rows, opName, material }: { readonly title: string; readonly id: string; readonly rows: readonly LotMovement[]; readonly opName: ReadonlyMap<string, string>; readonly material: (r: LotMovement) => string }) {
  return (
    <section class="panel" aria-labelledby={id}>
      <h2 id={id}>{title} <span class="count">{rows.length}</span></h2>
      {rows.length === 0 ? (
        <p class="muted">{t('common.none')}</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('order.lot')}</th><th scope="col">{t('order.material')}</th><th scope="col" class="num">{t('order.quantity')}</th>
              <th scope="col">{t('order.step')}</th><th scope="col">{t('order.who')}</th><th scope="col">{t('order.when')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <th scope="row"><a href={lotHref(r.lot_id)}>{r.lot_id}</a></th>
                <td>{material(r)}</td>
                <td class="num">{num(r.quantity)}</td>
                <td>{opName.get(r.operation_id) ?? r.operation_id}</td>
                <td>{r.actor}</td>
                <td>{dateTime(r.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The lots the order consumed and the lots it made (each a link to its trace), and its quantity reports. */
export function OrderLots({ order, opName }: Props) {
  return (
    <>
      <div>
        <Movements title={t('order.consumed')} id="consumed-title" rows={order.consumptions} opName={opName} material={(r) => r.material_id ?? ''} />
        <Movements title={t('order.produced')} id="produced-title" rows={order.productions} opName={opName} material={() => order.materialId} />
      </div>
      <section class="panel" aria-labelledby="reports-title">
        <h2 id="reports-title">{t('order.reports')} <span class="count">{order.reports.length}</span></h2>
        {order.reports.length === 0 ? (
          <p class="muted">{t('common.none')}</p>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('order.step')}</th><th scope="col" class="num">{t('order.good')}</th><th scope="col" class="num">{t('order.scrap')}</th>
                <th scope="col">{t('order.scrapReason')}</th><th scope="col">{t('order.who')}</th><th scope="col">{t('order.when')}</th>
              </tr>
            </thead>
            <tbody>
              {order.reports.map((r, i) => (
                <tr key={i}>
                  <th scope="row">{opName.get(r.operation_id) ?? r.operation_id}</th>
                  <td class="num">{num(r.good)}</td>
                  <td class="num">{num(r.scrap)}</td>
                  <td class="text">{r.scrap_reason ?? '—'}</td>
                  <td>{r.actor}</td>
                  <td>{dateTime(r.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
