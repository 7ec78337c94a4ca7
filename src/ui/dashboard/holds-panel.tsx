import type { Lot, WorkOrder } from '../api/types.js';
import { num } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { lotHref, orderHref } from '../router.js';
import { LotRelease } from './lot-release.js';
import type { Nonconformance } from './use-plant.js';

interface Props {
  readonly orders: readonly WorkOrder[];
  readonly lots: readonly Lot[];
  readonly nonconformances: readonly Nonconformance[] | null;
}

/** What is stopped and why: held orders with their reason, held lots, open nonconformances (once quality answers). */
export function HoldsPanel({ orders, lots, nonconformances }: Props) {
  const held = orders.filter((o) => o.status === 'on_hold');
  const nothing = held.length === 0 && lots.length === 0 && (nonconformances?.length ?? 0) === 0;
  return (
    <section class="panel holds" aria-labelledby="holds-title">
      <h2 id="holds-title">{t('dashboard.holds')}</h2>
      {nothing && <p class="muted">{t('dashboard.noHolds')}</p>}
      <ul class="hold-list">
        {held.map((o) => (
          <li key={`o-${o.id}`} class="hold order-hold">
            <span class="hold-kind">{t('dashboard.orderHold')}</span> <a href={orderHref(o.id)}>{o.id}</a>
            {o.holdReason && <span class="hold-reason"> · {o.holdReason}</span>}
          </li>
        ))}
        {lots.map((l) => (
          <li key={`l-${l.id}`} class="hold lot-hold">
            <span class="hold-kind">{t('dashboard.lotHold')}</span> <a href={lotHref(l.id)}>{l.id}</a>
            <span class="hold-reason"> · {l.materialId}, {num(l.quantity)}</span>
            <LotRelease lotId={l.id} />
          </li>
        ))}
        {nonconformances?.map((n) => (
          <li key={`n-${n.id}`} class="hold nc">
            <span class="hold-kind">{t('dashboard.nonconformance')}</span> <a href="/quality">{n.id}</a>
            <span class="hold-reason"> · {n.title ?? n.description ?? n.characteristic ?? n.status}</span>
          </li>
        ))}
      </ul>
      {nonconformances === null && <p class="muted small">{t('dashboard.qualityPending')}</p>}
    </section>
  );
}
