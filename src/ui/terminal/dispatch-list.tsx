import type { DispatchItem } from '../api/types.js';
import { StatusBadge } from '../components/status-badge.js';
import { dateTime, num } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { selectedOperationId } from './terminal-state.js';

interface Props {
  readonly items: readonly DispatchItem[];
  readonly loading: boolean;
  readonly failed: boolean;
  readonly selectedId: string | null;
}

function overdue(item: DispatchItem): boolean {
  return item.dueAt !== null && Date.parse(item.dueAt) < Date.now();
}

/** What to work on here, in dispatch order: running and paused first, then by priority and due date. */
export function DispatchList({ items, loading, failed, selectedId }: Props) {
  return (
    <section class="dispatch" aria-labelledby="dispatch-title">
      <h2 id="dispatch-title">{t('terminal.dispatchList')} <span class="count">{items.length}</span></h2>
      {loading && items.length === 0 && <p role="status">{t('common.loading')}</p>}
      {failed && <p class="error" role="alert">{t('common.loadFailed')}</p>}
      <ol class="dispatch-items">
        {items.map((i) => {
          const op = i.operation;
          const selected = op.id === selectedId;
          const blocked = !i.startable && op.status === 'ready';
          return (
            <li key={op.id}>
              <button
                type="button"
                class={`dispatch-item ${selected ? 'selected' : ''} ${blocked ? 'blocked' : ''}`}
                aria-pressed={selected}
                data-operation-id={op.id}
                onClick={() => (selectedOperationId.value = op.id)}
              >
                <span class="dispatch-line">
                  <strong class="order-id">{i.workOrderId}</strong>
                  <StatusBadge kind="operation" status={op.status} />
                </span>
                <span class="dispatch-step">{t('terminal.step', { seq: op.seq, name: op.name })}</span>
                <span class="dispatch-meta">
                  {i.materialId} · {num(op.good)} / {num(i.orderQuantity)}
                  {i.dueAt && <span class={overdue(i) ? 'late' : ''}> · {t('terminal.due', { when: dateTime(i.dueAt) })}</span>}
                </span>
                {i.orderStatus === 'on_hold' && <span class="dispatch-warning">{t('terminal.orderOnHold')}</span>}
                {blocked && i.orderStatus !== 'on_hold' && <span class="dispatch-warning">{t('terminal.waitingForEarlier')}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
