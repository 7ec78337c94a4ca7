import type { WorkOrder } from '../api/types.js';
import { ProgressBar } from '../components/progress-bar.js';
import { StatusBadge } from '../components/status-badge.js';
import { dateTime } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { orderHref } from '../router.js';

const RANK: Record<string, number> = { in_progress: 0, on_hold: 1, released: 2 };

/** Active orders with their progress: in progress first, then held, then released; late ones marked. */
export function OrdersPanel({ orders }: { readonly orders: readonly WorkOrder[] }) {
  const sorted = [...orders].sort((a, b) => (RANK[a.status] ?? 9) - (RANK[b.status] ?? 9) || b.priority - a.priority || (a.dueAt ?? '9').localeCompare(b.dueAt ?? '9'));
  return (
    <section class="panel orders" aria-labelledby="orders-title">
      <h2 id="orders-title">{t('dashboard.orders')} <span class="count">{orders.length}</span></h2>
      {orders.length === 0 ? (
        <p class="muted">{t('dashboard.noOrders')}</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('order.order')}</th>
              <th scope="col">{t('order.material')}</th>
              <th scope="col">{t('order.status')}</th>
              <th scope="col" class="wide">{t('order.progress')}</th>
              <th scope="col">{t('order.due')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((o) => {
              const late = o.dueAt !== null && Date.parse(o.dueAt) < Date.now();
              return (
                <tr key={o.id} data-order-id={o.id}>
                  <th scope="row"><a href={orderHref(o.id)}>{o.id}</a></th>
                  <td>{o.materialId}</td>
                  <td><StatusBadge kind="order" status={o.status} /></td>
                  <td><ProgressBar good={o.good} scrap={o.scrap} planned={o.quantity} /></td>
                  <td class={late ? 'late' : ''}>{dateTime(o.dueAt)}{late && <span class="visually-hidden"> {t('order.late')}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
