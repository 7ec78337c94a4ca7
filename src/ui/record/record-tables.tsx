import type { BatchRecord, RecordException } from '../../modules/compliance/index.js';
import { dateTime, num } from '../i18n/format.js';
import { known, t, type MessageKey } from '../i18n/i18n.js';
import { RecordTable } from './record-table.js';
import { allSignatures } from './record-view.js';

/** A catalogue word for a journal action or signed action; the action itself when the catalogue has none. */
export function actionWord(action: string): string {
  const key = `record.action.${action}`;
  return known(key) ? t(key as MessageKey) : action;
}

const kindWord = (kind: string): string => (known(`record.kind.${kind}`) ? t(`record.kind.${kind}` as MessageKey) : kind);

interface ExceptionsProps {
  readonly id: string;
  readonly title: string;
  readonly empty: string;
  readonly items: readonly RecordException[];
  readonly step: (operationId: string | null) => string;
}

/** Exceptions (or amendments after release): what a reviewer must look at, in journal order, with the record's own words. */
export function ExceptionsPanel({ id, title, empty, items, step }: ExceptionsProps) {
  return (
    <section class={`panel record-exceptions ${items.length > 0 ? 'has-items' : ''}`} aria-labelledby={`${id}-title`} data-section={id}>
      <h2 id={`${id}-title`}>{title} <span class="count">{items.length}</span></h2>
      {items.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <RecordTable
          columns={[{ label: '#', num: true }, { label: t('record.kind'), rowHeader: true }, { label: t('record.what'), text: true }, { label: t('record.reason'), text: true }, { label: t('order.step') }, { label: t('order.who') }, { label: t('order.when') }]}
          // Exceptions derived from the whole record (yield) share the seq of the event that finished the order.
          rows={items.map((e, i) => ({
            key: `${e.seq}-${i}`, attrs: { 'data-kind': e.kind },
            cells: [e.seq, <span class={`badge exception-${e.kind}`}>{kindWord(e.kind)}</span>, e.summary, e.reason ?? '—', step(e.operationId) || '—', e.actor, dateTime(e.at)],
          }))}
        />
      )}
    </section>
  );
}

/** The order's own events: created, released, started, holds, completed. */
export function OrderHistoryPanel({ r }: { readonly r: BatchRecord }) {
  return (
    <section class="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('record.orderHistory')}</h2>
      <RecordTable
        columns={[{ label: '#', num: true }, { label: t('record.action'), rowHeader: true }, { label: t('order.who') }, { label: t('order.when') }, { label: t('record.reason'), text: true }]}
        rows={r.content.orderHistory.map((s) => ({ key: s.seq, cells: [s.seq, actionWord(s.action), s.actor, dateTime(s.at), s.reason ?? '—'] }))}
      />
    </section>
  );
}

/** Every signature of the record: printed name, user, meaning, what was signed, when, and its comment. */
export function SignaturesPanel({ r }: { readonly r: BatchRecord }) {
  const list = allSignatures(r);
  return (
    <section class="panel" aria-labelledby="signatures-title" data-section="signatures">
      <h2 id="signatures-title">{t('record.signatures')} <span class="count">{list.length}</span></h2>
      {list.length === 0 ? (
        <p class="muted">{t('record.noSignatures')}</p>
      ) : (
        <RecordTable
          columns={[{ label: t('record.signer'), rowHeader: true }, { label: t('record.meaning') }, { label: t('record.signedFor') }, { label: t('order.when') }, { label: t('record.signatureComment'), text: true }]}
          rows={list.map((s) => ({
            key: s.seq,
            cells: [
              <>{s.printedName} <span class="muted">({s.signer})</span></>,
              known(`signature.meaning.${s.meaning}`) ? t(`signature.meaning.${s.meaning}` as MessageKey) : s.meaning,
              <>{actionWord(s.signedAction)}{s.witnessOf && <span class="muted"> · {t('signature.meaning.witnessed')}</span>}</>,
              dateTime(s.signedAt),
              s.comment ?? '—',
            ],
          }))}
        />
      )}
    </section>
  );
}

/** Which journal events the record is built from, with the hashes that tie it to the chain. */
export function JournalRangePanel({ r }: { readonly r: BatchRecord }) {
  const j = r.content.journal;
  return (
    <section class="panel record-journal" aria-labelledby="journal-range-title">
      <h2 id="journal-range-title">{t('record.journal')}</h2>
      <dl class="facts hashes">
        <div><dt>{t('record.journalEvents')}</dt><dd>{num(j.events)}</dd></div>
        <div><dt>{t('record.journalSeqs')}</dt><dd>{j.firstSeq ?? '—'} – {j.lastSeq ?? '—'}</dd></div>
        <div><dt>{t('record.firstHash')}</dt><dd><code>{j.firstHash ?? '—'}</code></dd></div>
        <div><dt>{t('record.lastHash')}</dt><dd><code>{j.lastHash ?? '—'}</code></dd></div>
        <div><dt>{t('record.contentHash')}</dt><dd><code>{r.contentHash}</code></dd></div>
      </dl>
      <p class="muted small">{t('record.generated', { when: dateTime(r.generatedAt) })}</p>
    </section>
  );
}
