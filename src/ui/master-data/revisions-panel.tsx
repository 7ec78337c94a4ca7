import { get, seg } from '../api/client.js';
import type { Items, Revision } from '../api/types.js';
import { busy, useCommand } from '../api/use-command.js';
import { useLoad } from '../api/use-load.js';
import { CommandStatus } from '../components/command-status.js';
import { StatusBadge } from '../components/status-badge.js';
import { dateTime, num } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { hasRole } from '../session/session.js';

function RevisionCard({ r, onApproved }: { readonly r: Revision; readonly onApproved: () => Promise<void> }) {
  const command = useCommand();
  const approve = async (): Promise<void> => {
    if (busy(command.state)) return;
    if (await command.run('POST', `/products/${seg(r.materialId)}/revisions/${r.revision}/approve`, {})) await onApproved();
  };
  return (
    <article class="revision" aria-labelledby={`rev-${r.revision}`}>
      <h3 id={`rev-${r.revision}`}>{t('md.revision', { rev: r.revision })} <StatusBadge kind="revision" status={r.status} /></h3>
      <p class="muted">{t('md.createdBy', { who: r.createdBy, when: dateTime(r.createdAt) })}{r.approvedBy && <> · {t('md.approvedBy', { who: r.approvedBy, when: dateTime(r.approvedAt) })}</>}</p>
      <div class="stacked">
        <table class="table">
          <caption>{t('md.bom')}</caption>
          <thead><tr><th scope="col">{t('order.material')}</th><th scope="col" class="num">{t('md.perUnit')}</th><th scope="col">{t('order.step')}</th></tr></thead>
          <tbody>{r.bom.map((b) => <tr key={`${b.materialId}-${b.operationSeq}`}><th scope="row">{b.materialId}</th><td class="num">{num(b.quantity)} {b.uom}</td><td>{b.operationSeq}</td></tr>)}</tbody>
        </table>
        <table class="table">
          <caption>{t('md.routing')}</caption>
          <thead><tr><th scope="col">{t('order.step')}</th><th scope="col">{t('order.workCenter')}</th><th scope="col">{t('md.qualification')}</th><th scope="col">{t('md.inspections')}</th></tr></thead>
          <tbody>{r.routing.map((s) => <tr key={s.seq}><th scope="row">{s.seq} {s.name}</th><td>{s.workCenterId}</td><td>{s.qualification ?? '—'}</td><td>{(s.inspections ?? []).map((c) => c.code).join(', ') || '—'}</td></tr>)}</tbody>
        </table>
      </div>
      {r.status === 'draft' && hasRole('engineer', 'quality') && (
        <div class="approve">
          <CommandStatus state={command.state} onCancel={command.cancel} />
          <button type="button" class="button primary" disabled={busy(command.state)} onClick={() => void approve()}>{t('md.approve', { rev: r.revision })}</button>
          <p class="hint">{t('md.approveHint')}</p>
        </div>
      )}
    </article>
  );
}

/** The revisions of one product: BOM and routing, read; a draft approved by an engineer or quality. */
export function RevisionsPanel({ materialId }: { readonly materialId: string }) {
  const list = useLoad<readonly Revision[]>(materialId, async () => (await get<Items<Revision>>(`/products/${seg(materialId)}/revisions`)).items);
  return (
    <section class="panel" aria-labelledby="revisions-title">
      <h2 id="revisions-title" tabIndex={-1}>{t('md.revisionsOf', { id: materialId })}</h2>
      {!list.data && <p role="status">{list.loading ? t('common.loading') : t('common.loadFailed')}</p>}
      {list.data?.length === 0 && <p class="muted">{t('md.noRevisions')}</p>}
      {[...(list.data ?? [])].reverse().map((r) => <RevisionCard key={r.revision} r={r} onApproved={list.reload} />)}
    </section>
  );
}
