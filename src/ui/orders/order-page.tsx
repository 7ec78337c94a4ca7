import { get, seg } from '../api/client.js';
import type { JournalEvent, WorkOrderDetail } from '../api/types.js';
import { useLiveRefresh } from '../api/use-live.js';
import { useLoad } from '../api/use-load.js';
import { ProgressBar } from '../components/progress-bar.js';
import { StatusBadge } from '../components/status-badge.js';
import { dateTime, num } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { OrderJournal } from './order-journal.js';
import { OrderLots } from './order-lots.js';
import { recordHref } from '../router.js';
import { hasRole } from '../session/session.js';

/** One work order: its steps with who, when and where, the lots it consumed and made, and its journal. */
export function OrderPage({ id }: { readonly id: string }) {
  const order = useLoad<WorkOrderDetail>(id, () => get<WorkOrderDetail>(`/work-orders/${seg(id)}`));
  const journal = useLoad<readonly JournalEvent[]>(id, async () => (await get<{ events: JournalEvent[] }>(`/work-orders/${seg(id)}/journal`)).events);
  const concerns = (e: JournalEvent): boolean => e.entityId === id || e.data.workOrderId === id;
  useLiveRefresh(concerns, () => Promise.all([order.reload(), journal.reload()]));

  if (!order.data) {
    const missing = order.error && 'status' in order.error && order.error.status === 404;
    return (
      <section class="panel">
        <h1>{t('order.title', { id })}</h1>
        <p role="status">{order.loading ? t('common.loading') : missing ? t('order.notFound') : t('common.loadFailed')}</p>
      </section>
    );
  }
  const o = order.data;
  const opName = new Map(o.operations.map((op) => [op.id, `${op.seq} ${op.name}`]));
  return (
    <div class="order-page">
      <section class="panel order-summary" aria-labelledby="order-title">
        <div class="record-head">
          <h1 id="order-title">{t('order.title', { id: o.id })} <StatusBadge kind="order" status={o.status} /></h1>
          {/* The roles that may read batch records (admin holds all). */}
          {hasRole('supervisor', 'quality', 'engineer') && <a class="button secondary record-link" href={recordHref(o.id)}>{t('record.link')} <span class="muted small">({t('record.linkHint')})</span></a>}
        </div>
        {o.holdReason && o.status === 'on_hold' && <p class="notice" role="status">{t('order.heldBecause', { reason: o.holdReason })}</p>}
        <dl class="facts">
          <div><dt>{t('order.material')}</dt><dd>{o.materialId} · {t('order.revision', { rev: o.revision })}</dd></div>
          <div><dt>{t('order.quantity')}</dt><dd>{num(o.quantity)}</dd></div>
          <div><dt>{t('order.priority')}</dt><dd>{o.priority}</dd></div>
          <div><dt>{t('order.due')}</dt><dd>{dateTime(o.dueAt)}</dd></div>
          <div><dt>{t('order.released')}</dt><dd>{dateTime(o.releasedAt)}</dd></div>
          <div><dt>{t('order.completed')}</dt><dd>{dateTime(o.completedAt)}</dd></div>
        </dl>
        <ProgressBar good={o.good} scrap={o.scrap} planned={o.quantity} label={t('order.progress')} />
      </section>
      <section class="panel" aria-labelledby="ops-title">
        <h2 id="ops-title">{t('order.operations')}</h2>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('order.step')}</th><th scope="col">{t('order.workCenter')}</th><th scope="col">{t('order.status')}</th>
              <th scope="col">{t('order.equipment')}</th><th scope="col">{t('order.started')}</th><th scope="col">{t('order.finished')}</th>
              <th scope="col" class="num">{t('order.good')}</th><th scope="col" class="num">{t('order.scrap')}</th>
            </tr>
          </thead>
          <tbody>
            {o.operations.map((op) => (
              <tr key={op.id} data-operation-id={op.id}>
                <th scope="row">{op.seq} {op.name}</th>
                <td>{op.workCenterId}</td>
                <td><StatusBadge kind="operation" status={op.status} /></td>
                <td>{op.equipmentId ?? '—'}</td>
                <td>{op.startedBy ? t('order.byAt', { who: op.startedBy, when: dateTime(op.startedAt) }) : '—'}</td>
                <td>{op.completedBy ? t('order.byAt', { who: op.completedBy, when: dateTime(op.completedAt) }) : '—'}</td>
                <td class="num">{num(op.good)}</td>
                <td class="num">{num(op.scrap)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <OrderLots order={o} opName={opName} />
      <OrderJournal events={journal.data ?? []} />
    </div>
  );
}
