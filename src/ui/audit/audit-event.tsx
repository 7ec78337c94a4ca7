import { useEffect, useRef } from 'preact/hooks';
import type { JournalEvent } from '../api/types.js';
import { describeEvent } from '../dashboard/describe-event.js';
import { date, time } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { lotHref, orderHref, recordHref } from '../router.js';
import { entityPage, eventData } from './audit-view.js';

const HREF = { order: orderHref, record: recordHref, lot: lotHref } as const;

/** Date and time to the second in the plant's time zone: an audit trail orders events within a minute too. */
export const whenText = (at: string): string => `${date(at)}, ${time(at)}`;

/** The entity and its id, the id linked to its page where the app has one (orders, batch records, lots). */
export function Subject({ e }: { readonly e: JournalEvent }) {
  const page = entityPage(e.entity);
  return (
    <span class="audit-subject">
      <span class="muted">{e.entity}</span> {page ? <a href={HREF[page](e.entityId)}>{e.entityId}</a> : <span>{e.entityId}</span>}
    </span>
  );
}

/** The before → after of each changed field, then (with `all`) the event's other fields. */
export function Changes({ data, all = false }: { readonly data: JournalEvent['data']; readonly all?: boolean }) {
  const d = eventData(data);
  if (d.changes.length === 0 && (!all || d.fields.length === 0)) return <span class="muted">—</span>;
  return (
    <ul class="audit-changes">
      {d.changes.map((c) => (
        <li key={c.field} data-field={c.field}>
          <span class="audit-field">{c.field}</span>{' '}
          <del aria-label={`${t('audit.before')}: ${c.before}`}>{c.before}</del> → <ins aria-label={`${t('audit.after')}: ${c.after}`}>{c.after}</ins>
        </li>
      ))}
      {all && d.fields.map((f) => <li key={f.field} data-field={f.field}><span class="audit-field">{f.field}</span> {f.value}</li>)}
    </ul>
  );
}

/** One event whole: what it says, its changes and fields, the data as journaled, and its place in the hash chain. */
export function EventDetail({ e, onClose }: { readonly e: JournalEvent; readonly onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [e.seq]);
  const d = eventData(e.data);
  return (
    <section class="panel audit-detail" aria-labelledby="audit-event-title" data-seq={e.seq}>
      <div class="audit-detail-head">
        <h2 id="audit-event-title" tabIndex={-1} ref={heading}>{t('audit.event', { seq: e.seq })}</h2>
        <button type="button" class="button secondary small" onClick={onClose}>{t('audit.close')}</button>
      </div>
      <p>{describeEvent(e)}</p>
      <dl class="facts">
        <div><dt>{t('audit.when')}</dt><dd>{whenText(e.at)} <span class="muted small">{e.at}</span></dd></div>
        <div><dt>{t('audit.who')}</dt><dd>{e.actor}</dd></div>
        <div><dt>{t('audit.what')}</dt><dd><code>{e.action}</code></dd></div>
        <div><dt>{t('audit.subject')}</dt><dd><Subject e={e} /></dd></div>
        <div><dt>{t('audit.reason')}</dt><dd>{e.reason ?? '—'}</dd></div>
      </dl>
      {d.changes.length > 0 && (
        <table class="table audit-diff">
          <caption>{t('audit.changes')}</caption>
          <thead><tr><th scope="col">{t('audit.field')}</th><th scope="col">{t('audit.before')}</th><th scope="col">{t('audit.after')}</th></tr></thead>
          <tbody>{d.changes.map((c) => <tr key={c.field}><th scope="row">{c.field}</th><td class="text">{c.before}</td><td class="text">{c.after}</td></tr>)}</tbody>
        </table>
      )}
      {d.fields.length > 0 && (
        <table class="table audit-diff">
          <caption>{t('audit.fields')}</caption>
          <thead><tr><th scope="col">{t('audit.field')}</th><th scope="col">{t('audit.value')}</th></tr></thead>
          <tbody>{d.fields.map((f) => <tr key={f.field}><th scope="row">{f.field}</th><td class="text">{f.value}</td></tr>)}</tbody>
        </table>
      )}
      <h3>{t('audit.data')}</h3>
      <pre class="audit-json">{JSON.stringify(e.data, null, 2)}</pre>
      <dl class="facts hashes">
        <div><dt>{t('audit.hash')}</dt><dd><code data-hash="hash">{e.hash ?? '—'}</code></dd></div>
        <div><dt>{t('audit.prevHash')}</dt><dd><code data-hash="prev">{e.prevHash ?? '—'}</code></dd></div>
      </dl>
    </section>
  );
}
