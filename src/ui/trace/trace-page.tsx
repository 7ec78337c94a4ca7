import { useState } from 'preact/hooks';
import { get, seg } from '../api/client.js';
import type { Lot, Trace } from '../api/types.js';
import { useLoad } from '../api/use-load.js';
import { StatusBadge } from '../components/status-badge.js';
import { dateTime, num } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { navigate, lotHref, orderHref } from '../router.js';
import { download, traceCsv } from './trace-csv.js';
import { TraceTree } from './trace-tree.js';

type Direction = 'backward' | 'forward';

function RecallSummary({ trace }: { readonly trace: Trace }) {
  const feeding = new Set(trace.edges.map((e) => (trace.direction === 'forward' ? e.from : e.to)));
  const summary = trace.summary ?? {
    lots: trace.nodes.length,
    finishedLots: trace.nodes.map((n) => n.lotId).filter((id) => !feeding.has(id)),
    workOrders: [...new Set(trace.edges.map((e) => e.workOrderId).filter((w): w is string => w !== null))].sort(),
  };
  const forward = trace.direction === 'forward';
  return (
    <section class="panel recall" aria-labelledby="recall-title">
      <h2 id="recall-title">{forward ? t('trace.recallTitle') : t('trace.originTitle')}</h2>
      <ul class="kpis small">
        <li class="kpi"><span class="kpi-value">{summary.lots}</span><span class="kpi-label">{t('trace.lotsReached')}</span></li>
        <li class="kpi"><span class="kpi-value">{summary.finishedLots.length}</span><span class="kpi-label">{forward ? t('trace.endLots') : t('trace.sourceLots')}</span></li>
        <li class="kpi"><span class="kpi-value">{summary.workOrders.length}</span><span class="kpi-label">{t('trace.orders')}</span></li>
      </ul>
      <p><strong>{forward ? t('trace.endLots') : t('trace.sourceLots')}:</strong> {summary.finishedLots.map((l, i) => <span key={l}>{i > 0 && ', '}<a href={lotHref(l)}>{l}</a></span>)}</p>
      <p><strong>{t('trace.orders')}:</strong> {summary.workOrders.length === 0 ? '—' : summary.workOrders.map((w, i) => <span key={w}>{i > 0 && ', '}<a href={orderHref(w)}>{w}</a></span>)}</p>
    </section>
  );
}

/** A lot's genealogy: backward (what went into it) or forward (where it went: the recall scope), tree and CSV. */
export function TracePage({ id }: { readonly id: string }) {
  const lot = useLoad<Lot>(id, () => get<Lot>(`/lots/${seg(id)}`));
  const asked = new URLSearchParams(location.search).get('direction');
  const [chosen, setChosen] = useState<Direction | null>(asked === 'forward' || asked === 'backward' ? asked : null);
  const direction: Direction = chosen ?? (lot.data && lot.data.workOrderId === null ? 'forward' : 'backward');
  const trace = useLoad<Trace>(lot.data ? `${id}|${direction}` : null, () => get<Trace>(`/lots/${seg(id)}/genealogy?direction=${direction}`));
  const [search, setSearch] = useState('');

  const choose = (d: Direction): void => {
    setChosen(d);
    history.replaceState(null, '', `${lotHref(id)}?direction=${d}`);
  };
  const l = lot.data;
  const data = trace.data;
  return (
    <div class="trace-page">
      <section class="panel" aria-labelledby="lot-title">
        <form class="lot-search" role="search" onSubmit={(e) => { e.preventDefault(); if (search.trim()) navigate(lotHref(search.trim())); }}>
          <label class="field inline"><span>{t('trace.findLot')}</span><input value={search} onInput={(e) => setSearch(e.currentTarget.value)} spellcheck={false} /></label>
          <button type="submit" class="button secondary">{t('trace.find')}</button>
        </form>
        <h1 id="lot-title">{t('trace.title', { id })} {l && <StatusBadge kind="lot" status={l.status} />}</h1>
        {!l && <p role="status">{lot.loading ? t('common.loading') : t('trace.notFound')}</p>}
        {l && (
          <dl class="facts">
            <div><dt>{t('order.material')}</dt><dd>{l.materialId}</dd></div>
            <div><dt>{t('trace.quantity')}</dt><dd>{num(l.quantity)} / {num(l.initialQuantity)}</dd></div>
            <div><dt>{t('trace.madeBy')}</dt><dd>{l.workOrderId ? <a href={orderHref(l.workOrderId)}>{l.workOrderId}</a> : t('trace.received')}</dd></div>
            <div><dt>{t('trace.expires')}</dt><dd>{dateTime(l.expiresAt)}</dd></div>
            {l.supplierLot && <div><dt>{t('trace.supplierLot')}</dt><dd>{l.supplierLot}</dd></div>}
          </dl>
        )}
      </section>
      {l && (
        <section class="panel" aria-labelledby="genealogy-title">
          <h2 id="genealogy-title" class="visually-hidden">{t('trace.genealogy')}</h2>
          <div class="toolbar">
            <div class="segmented" role="group" aria-label={t('trace.direction')}>
              <button type="button" class="button" aria-pressed={direction === 'backward'} onClick={() => choose('backward')}>{t('trace.backward')}</button>
              <button type="button" class="button" aria-pressed={direction === 'forward'} onClick={() => choose('forward')}>{t('trace.forward')}</button>
            </div>
            {data && <button type="button" class="button secondary" onClick={() => download(`trace-${id}-${direction}.csv`, traceCsv({ ...data, direction }))}>{t('trace.exportCsv')}</button>}
          </div>
          {!trace.data && <p role="status">{trace.loading ? t('common.loading') : t('common.loadFailed')}</p>}
          {trace.data && trace.data.edges.length === 0 && <p class="muted">{direction === 'forward' ? t('trace.noneForward') : t('trace.noneBackward')}</p>}
          {trace.data && trace.data.edges.length > 0 && <TraceTree trace={{ ...trace.data, direction }} />}
        </section>
      )}
      {trace.data && trace.data.edges.length > 0 && <RecallSummary trace={{ ...trace.data, direction }} />}
    </div>
  );
}
