import { get } from '../api/client.js';
import { has } from '../api/features.js';
import { useLiveRefresh } from '../api/use-live.js';
import { useLoad } from '../api/use-load.js';
import { time } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';

/** One person clocked on an operation, as GET /labour/clocked-on lists them. */
export interface ClockedOn {
  readonly bookingId: number;
  readonly personId: string;
  readonly personName: string;
  readonly operationId: string;
  readonly operationSeq: number;
  readonly operationName: string;
  readonly workOrderId: string;
  readonly workCenterId: string;
  readonly onAt: string;
}

const PATH = '/api/v1/labour/clocked-on';

/** Who is working where right now: everyone clocked on an operation, by work center, live. */
export function ClockedOnPanel() {
  const available = has(PATH);
  const people = useLoad(available ? 'clocked-on' : null, async () => (await get<{ items: ClockedOn[] }>('/labour/clocked-on')).items);
  useLiveRefresh((e) => e.action.startsWith('labour.') || e.action === 'operation.completed', people.reload);
  if (!available) return null;
  const items = people.data ?? [];
  return (
    <section class="panel clocked-on" aria-labelledby="clocked-on-title">
      <h2 id="clocked-on-title">{t('dashboard.clockedOn', { count: String(items.length) })}</h2>
      {items.length === 0 && <p class="muted">{t('dashboard.nobodyClockedOn')}</p>}
      <ul class="hold-list">
        {items.map((p) => (
          <li key={p.bookingId} class="hold person-on" data-person={p.personId}>
            <span class="person-name">{p.personName}</span>
            <span class="hold-reason">
              {' · '}
              {t('dashboard.clockedOnAt', { workCenter: p.workCenterId, order: p.workOrderId, seq: String(p.operationSeq), name: p.operationName, since: time(p.onAt) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
