import { useState } from 'preact/hooks';
import { ApiError, get, getFile } from '../api/client.js';
import type { JournalEvent } from '../api/types.js';
import { useLoad } from '../api/use-load.js';
import { describeEvent } from '../dashboard/describe-event.js';
import { siteTimeZone } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { RecordTable } from '../record/record-table.js';
import { hasRole } from '../session/session.js';
import { download } from '../trace/trace-csv.js';
import { ChainPanel } from './audit-chain.js';
import { Changes, EventDetail, Subject, whenText } from './audit-event.js';
import { AuditFilterForm } from './audit-filters.js';
import { apiQuery, filtersFromSearch, filtersToSearch, firstPage, JOURNAL_EXPORTERS, nextPage, pageAfter, previousPage, type AuditFilters, type Pages } from './audit-view.js';

const PAGE_SIZE = 50;

/** The selection as CSV or JSON through the export endpoint, fetched with the session's token, then saved. */
function ExportButtons({ query }: { readonly query: string }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const fetchExport = async (format: 'csv' | 'json'): Promise<void> => {
    setState({ busy: true, error: null });
    try {
      const blob = await getFile(`/journal/export?format=${format}${query ? `&${query}` : ''}`, format === 'csv' ? 'text/csv' : 'application/json');
      download(`takt-journal-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.${format}`, blob);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div class="audit-export" role="group" aria-label={t('audit.export')}>
      <button type="button" class="button secondary small" disabled={state.busy} onClick={() => void fetchExport('csv')}>{t('audit.csv')}</button>
      <button type="button" class="button secondary small" disabled={state.busy} onClick={() => void fetchExport('json')}>{t('audit.json')}</button>
      <span class="hint">{t('audit.exportNote')}</span>
      {state.error && <p class="error" role="alert">{t('audit.exportFailed', { detail: state.error })}</p>}
    </div>
  );
}

/** The event in a sentence, when the catalogue has one (not its action and id again). */
function Sentence({ e }: { readonly e: JournalEvent }) {
  const text = describeEvent(e);
  return text === `${e.action} · ${e.entityId}` ? null : <><br /><span class="small muted">{text}</span></>;
}

function EventsTable({ events, onOpen }: { readonly events: readonly JournalEvent[]; readonly onOpen: (e: JournalEvent) => void }) {
  return (
    <RecordTable
      columns={[{ label: t('audit.seq'), num: true, rowHeader: true }, { label: t('audit.when') }, { label: t('audit.who') }, { label: t('audit.what'), text: true }, { label: t('audit.subject') }, { label: t('audit.reason'), text: true }, { label: t('audit.changes'), text: true }, { label: '' }]}
      rows={events.map((e) => ({
        key: e.seq, attrs: { 'data-seq': String(e.seq), 'data-action': e.action },
        cells: [
          e.seq, whenText(e.at), e.actor,
          <><code>{e.action}</code><Sentence e={e} /></>,
          <Subject e={e} />, e.reason ?? '—', <Changes data={e.data} />,
          <button type="button" class="button secondary small" aria-label={t('audit.openEvent', { seq: e.seq })} onClick={() => onOpen(e)}>{t('audit.open')}</button>,
        ],
      }))}
    />
  );
}

/**
 * The audit trail as an auditor reads it: the journal filtered by entity, id, actor, action and plant-local dates,
 * page by page in seq order, each event's before/after, one event whole with its hashes, the selection downloaded as
 * CSV or JSON, and whether the chain (and, for administrators, its external anchors) still holds.
 */
export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>(() => filtersFromSearch(location.search));
  const [pages, setPages] = useState<Pages>(firstPage);
  const [open, setOpen] = useState<JournalEvent | null>(null);
  const [serial, setSerial] = useState(0);
  const query = apiQuery(filters, siteTimeZone.value).toString();
  const after = pageAfter(pages);
  const list = useLoad(`${query}|${after}`, () => get<{ events: JournalEvent[] }>(`/journal?${query ? `${query}&` : ''}after=${after}&limit=${PAGE_SIZE + 1}`));

  const apply = (f: AuditFilters): void => {
    setFilters(f);
    setPages(firstPage);
    setOpen(null);
    history.replaceState(null, '', `/audit${filtersToSearch(f)}`);
  };
  const showSeq = async (seq: number): Promise<void> => {
    const r = await get<{ events: JournalEvent[] }>(`/journal?after=${seq - 1}&limit=1`);
    setOpen(r.events[0] ?? null);
  };
  const events = list.data?.events.slice(0, PAGE_SIZE) ?? [];
  const more = (list.data?.events.length ?? 0) > PAGE_SIZE;
  const forbidden = list.error instanceof ApiError && list.error.status === 403;

  return (
    <div class="audit-page">
      <section class="panel" aria-labelledby="audit-title">
        <h1 id="audit-title">{t('audit.title')}</h1>
        <p class="muted">{t('audit.intro', { zone: siteTimeZone.value })}</p>
      </section>
      <ChainPanel serial={serial} onRecheck={() => setSerial((n) => n + 1)} onShow={(seq) => void showSeq(seq)} />
      <AuditFilterForm applied={filters} onApply={apply} />
      <section class="panel" aria-labelledby="audit-events-title" data-section="events">
        <div class="audit-detail-head">
          <h2 id="audit-events-title">{t('audit.events')} <span class="muted small">{t('audit.page', { n: pages.starts.length })}</span></h2>
          {hasRole(...JOURNAL_EXPORTERS) && <ExportButtons query={query} />}
        </div>
        {!list.data ? (
          <p role="status">{list.loading ? t('common.loading') : forbidden ? t('audit.forbidden') : t('common.loadFailed')}</p>
        ) : events.length === 0 ? (
          <p class="muted" role="status">{t('audit.none')}</p>
        ) : (
          <EventsTable events={events} onOpen={setOpen} />
        )}
        <nav class="audit-pager" aria-label={t('audit.pages')}>
          <button type="button" class="button secondary small" disabled={pages.starts.length === 1} onClick={() => setPages(firstPage)}>{t('audit.first')}</button>
          <button type="button" class="button secondary small" disabled={pages.starts.length === 1} onClick={() => setPages(previousPage)}>{t('audit.previous')}</button>
          <button type="button" class="button secondary small" disabled={!more} onClick={() => setPages((p) => nextPage(p, events[events.length - 1]!.seq))}>{t('audit.next')}</button>
        </nav>
      </section>
      {open && <EventDetail e={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
