import { useState } from 'preact/hooks';
import type { BatchRecord } from '../../modules/compliance/index.js';
import { ApiError, get, getFile, seg } from '../api/client.js';
import { useLiveRefresh } from '../api/use-live.js';
import { useLoad } from '../api/use-load.js';
import { StatusBadge } from '../components/status-badge.js';
import { dateTime, num } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { orderHref } from '../router.js';
import { download } from '../trace/trace-csv.js';
import { OperationPanel } from './record-operation.js';
import { RecordSignoff } from './record-signoff.js';
import { YieldPanel } from './record-yield.js';
import { ExceptionsPanel, JournalRangePanel, OrderHistoryPanel, SignaturesPanel } from './record-tables.js';
import { recordConcerns, recordStatus, stepNames, type RecordStatus } from './record-view.js';

/** The PDF of the record (to print, file or sign by hand): fetched with the session's token, then saved. */
function PdfButton({ id }: { readonly id: string }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const fetchPdf = async (): Promise<void> => {
    setState({ busy: true, error: null });
    try {
      download(`batch-record-${id}.pdf`, await getFile(`/work-orders/${seg(id)}/record?format=pdf`, 'application/pdf'));
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div class="record-pdf">
      <button type="button" class="button secondary" disabled={state.busy} onClick={() => void fetchPdf()}>{t('record.pdf')}</button>
      {state.error && <p class="error" role="alert">{t('record.pdfFailed', { detail: state.error })}</p>}
    </div>
  );
}

function RecordSummary({ r, status }: { readonly r: BatchRecord; readonly status: RecordStatus }) {
  const h = r.content.header;
  return (
    <section class="panel record-summary" aria-labelledby="record-title">
      <p class="breadcrumb"><a href={orderHref(h.workOrderId)}>← {t('record.backToOrder', { id: h.workOrderId })}</a></p>
      <div class="record-head">
        <h1 id="record-title">{t('record.title', { id: h.workOrderId })} <StatusBadge kind="record" status={status.stage} /></h1>
        <PdfButton id={h.workOrderId} />
      </div>
      <dl class="facts">
        <div><dt>{t('order.material')}</dt><dd>{h.materialId} · {t('order.revision', { rev: h.revision })}</dd></div>
        <div><dt>{t('record.planned')}</dt><dd>{num(h.plannedQuantity)}</dd></div>
        <div><dt>{t('record.goodScrap')}</dt><dd>{num(h.goodQuantity)} / {num(h.scrapQuantity)}</dd></div>
        <div><dt>{t('record.orderStatus')}</dt><dd><StatusBadge kind="order" status={h.status} /></dd></div>
        <div><dt>{t('record.created')}</dt><dd>{dateTime(h.createdAt)}</dd></div>
        <div><dt>{t('record.started')}</dt><dd>{dateTime(h.startedAt)}</dd></div>
        <div><dt>{t('order.completed')}</dt><dd>{dateTime(h.completedAt)}</dd></div>
        <div><dt>{t('record.labour')}</dt><dd>{t('record.minutes', { n: num(r.content.labourMinutes) })}</dd></div>
      </dl>
    </section>
  );
}

/**
 * The batch record of one order, as a quality engineer reviews it: its stage and sign-offs first (with the
 * verification after release), then exceptions (amendments first once released), each step with who, when and where,
 * the order's history, the signatures and the journal range. Follows the order's events live.
 */
export function RecordPage({ id }: { readonly id: string }) {
  const record = useLoad<BatchRecord>(id, () => get<BatchRecord>(`/work-orders/${seg(id)}/record`));
  useLiveRefresh(recordConcerns(id, record.data), record.reload);

  if (!record.data) {
    const status = record.error instanceof ApiError ? record.error.status : null;
    return (
      <section class="panel">
        <h1>{t('record.title', { id })}</h1>
        <p role="status">{record.loading ? t('common.loading') : status === 404 ? t('record.notFound') : status === 403 ? t('record.forbidden') : t('common.loadFailed')}</p>
      </section>
    );
  }
  const r = record.data;
  const status = recordStatus(r);
  const step = stepNames(r);
  return (
    <div class="record-page">
      <RecordSummary r={r} status={status} />
      <RecordSignoff id={id} r={r} status={status} onSigned={record.reload} />
      {r.released && <ExceptionsPanel id="amendments" title={t('record.amendments')} empty={t('record.noAmendments')} items={r.amendments} step={step} />}
      <ExceptionsPanel id="exceptions" title={t('record.exceptions')} empty={t('record.noExceptions')} items={r.content.exceptions} step={step} />
      {r.content.operations.map((op) => <OperationPanel key={op.id} op={op} />)}
      <YieldPanel y={r.content.yield} />
      <OrderHistoryPanel r={r} />
      <SignaturesPanel r={r} />
      <JournalRangePanel r={r} />
    </div>
  );
}
