import { useEffect, useState } from 'preact/hooks';
import { get } from '../api/client.js';
import { resumeAfter } from '../api/event-stream.js';
import type { JournalEvent } from '../api/types.js';
import { useEvents } from '../api/use-live.js';
import { time } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { describeEvent, eventTone, feedWorthy } from './describe-event.js';

const KEEP = 40;

/** The last things that happened in the plant, newest first, live. */
export function EventFeed() {
  const [events, setEvents] = useState<readonly JournalEvent[]>([]);
  useEffect(() => {
    // The last half hour from the journal, so a wall screen that just started is not blank.
    const from = new Date(Date.now() - 30 * 60_000).toISOString();
    get<{ events: JournalEvent[] }>(`/journal?from=${encodeURIComponent(from)}&limit=2000`)
      .then((r) => {
        const recent = r.events.filter(feedWorthy).slice(-KEEP).reverse();
        const last = r.events[r.events.length - 1];
        if (last) resumeAfter(last.seq);
        setEvents((live) => [...live, ...recent.filter((e) => !live.some((l) => l.seq === e.seq))].slice(0, KEEP));
      })
      .catch(() => undefined);
  }, []);
  useEvents((e) => {
    if (feedWorthy(e)) setEvents((list) => [e, ...list.filter((x) => x.seq !== e.seq)].slice(0, KEEP));
  });
  return (
    <section class="panel feed" aria-labelledby="feed-title">
      <h2 id="feed-title">{t('dashboard.feed')}</h2>
      {events.length === 0 && <p class="muted">{t('dashboard.feedEmpty')}</p>}
      <ol class="feed-list" aria-live="polite" aria-relevant="additions">
        {events.map((e) => (
          <li key={e.seq} class={`feed-item ${eventTone(e)}`} data-seq={e.seq}>
            <time dateTime={e.at}>{time(e.at)}</time>
            <span>{describeEvent(e)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
