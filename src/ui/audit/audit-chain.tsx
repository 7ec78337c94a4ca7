import { ApiError, get } from '../api/client.js';
import type { JournalEvent } from '../api/types.js';
import { useLoad } from '../api/use-load.js';
import { dateTime, num } from '../i18n/format.js';
import { known, t, type MessageKey } from '../i18n/i18n.js';
import { hasRole } from '../session/session.js';

interface Verify {
  readonly ok: boolean;
  readonly events: number;
  readonly brokenAt?: number;
}

interface AnchorsVerify extends Verify {
  readonly anchors: {
    readonly file: string;
    readonly checked: number;
    readonly last: { readonly seq: number; readonly at: string } | null;
    readonly disagreement: { readonly line: number; readonly seq: number | null; readonly problem: string; readonly detail: string } | null;
  };
}

/** The chain check and the head it ends in (the last event's seq and hash; the genesis while empty). */
async function loadChain(): Promise<{ verify: Verify; head: JournalEvent | null }> {
  const verify = await get<Verify>('/journal/verify');
  const last = verify.ok && verify.events > 0 ? await get<{ events: JournalEvent[] }>(`/journal?after=${verify.events - 1}&limit=1`) : null;
  return { verify, head: last?.events[0] ?? null };
}

const problemText = (p: string): string => (known(`audit.anchorProblem.${p}`) ? t(`audit.anchorProblem.${p}` as MessageKey) : p);

/** Administrators: the journal against the signed anchors of its head that this node keeps outside the database. */
function AnchorsResult({ serial }: { readonly serial: number }) {
  const a = useLoad<AnchorsVerify>(`anchors-${serial}`, () => get<AnchorsVerify>('/journal/anchors/verify'));
  if (!a.data) {
    const off = a.error instanceof ApiError && a.error.status === 404;
    return <p class={off ? 'muted' : undefined} role="status" data-anchors={off ? 'off' : 'loading'}>{off ? t('audit.anchorsOff') : a.loading ? t('audit.checking') : t('common.loadFailed')}</p>;
  }
  const { anchors } = a.data;
  const bad = anchors.disagreement;
  return (
    <div class={`audit-check ${bad ? 'bad' : 'ok'}`} data-anchors={bad ? 'disagree' : 'agree'}>
      <p>
        <span class={`badge ${bad ? 'chain-broken' : 'chain-ok'}`}>{bad ? t('audit.anchorsBad') : t('audit.anchorsOk')}</span>{' '}
        {bad
          ? t('audit.anchorsBadText', { line: bad.line, seq: bad.seq ?? '—', problem: problemText(bad.problem), detail: bad.detail })
          : anchors.last ? t('audit.anchorsOkText', { checked: num(anchors.checked), seq: anchors.last.seq, at: dateTime(anchors.last.at) }) : t('audit.anchorsNone')}
      </p>
      <p class="muted small">{t('audit.anchorsFile', { file: anchors.file })}</p>
    </div>
  );
}

/** Whether the journal is intact: its hash chain recomputed, its head, and (administrators) its external anchors. */
export function ChainPanel({ serial, onRecheck, onShow }: { readonly serial: number; readonly onRecheck: () => void; readonly onShow: (seq: number) => void }) {
  const chain = useLoad(`chain-${serial}`, loadChain);
  const c = chain.data;
  return (
    <section class="panel audit-chain" aria-labelledby="audit-chain-title" data-section="chain">
      <div class="audit-detail-head">
        <h2 id="audit-chain-title">{t('audit.chain')}</h2>
        <button type="button" class="button secondary small" onClick={onRecheck}>{t('audit.verify')}</button>
      </div>
      {!c ? (
        <p role="status">{chain.loading ? t('audit.checking') : t('common.loadFailed')}</p>
      ) : (
        <div class={`audit-check ${c.verify.ok ? 'ok' : 'bad'}`} role="status" data-chain={c.verify.ok ? 'ok' : 'broken'}>
          <p>
            <span class={`badge ${c.verify.ok ? 'chain-ok' : 'chain-broken'}`}>{c.verify.ok ? t('audit.chainOk') : t('audit.chainBroken')}</span>{' '}
            {c.verify.ok ? t('audit.chainOkText', { events: num(c.verify.events) }) : t('audit.chainBrokenText', { seq: c.verify.brokenAt ?? '—', events: num(c.verify.events) })}
            {!c.verify.ok && c.verify.brokenAt !== undefined && (
              <> <button type="button" class="button secondary small" onClick={() => onShow(c.verify.brokenAt!)}>{t('audit.showBroken', { seq: c.verify.brokenAt })}</button></>
            )}
          </p>
          {c.head && (
            <dl class="facts hashes">
              <div><dt>{t('audit.headSeq')}</dt><dd>{c.head.seq}</dd></div>
              <div><dt>{t('audit.headHash')}</dt><dd><code data-hash="head">{c.head.hash}</code></dd></div>
            </dl>
          )}
        </div>
      )}
      {hasRole('admin') && (
        <>
          <h3>{t('audit.anchors')}</h3>
          <AnchorsResult serial={serial} />
        </>
      )}
    </section>
  );
}
