import type { JournalEvent } from '../api/types.js';
import { dateTime } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { describeEvent } from '../dashboard/describe-event.js';

/** The order's audit trail: its own events, its operations' and its lots', oldest first. */
export function OrderJournal({ events }: { readonly events: readonly JournalEvent[] }) {
  return (
    <section class="panel" aria-labelledby="journal-title">
      <h2 id="journal-title">{t('order.journal')} <span class="count">{events.length}</span></h2>
      {events.length === 0 ? (
        <p class="muted">{t('common.none')}</p>
      ) : (
        <table class="table journal">
          <thead>
            <tr><th scope="col">#</th><th scope="col">{t('order.when')}</th><th scope="col">{t('order.who')}</th><th scope="col">{t('order.what')}</th></tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.seq}>
                <td class="num">{e.seq}</td>
                <td>{dateTime(e.at)}</td>
                <td>{e.actor}</td>
                <td class="text">{describeEvent(e)} <code class="muted">{e.action}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
