import { useState } from 'preact/hooks';
import { get, seg } from '../api/client.js';
import { FEATURES, has } from '../api/features.js';
import type { Items } from '../api/types.js';
import { isProductionEvent, useLiveRefresh } from '../api/use-live.js';
import { busy, useCommand } from '../api/use-command.js';
import { useLoad } from '../api/use-load.js';
import { CommandStatus } from '../components/command-status.js';
import { dateTime } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { lotHref, orderHref } from '../router.js';
import { hasRole } from '../session/session.js';
import type { Nonconformance } from '../dashboard/use-plant.js';

const DECISIONS = ['use_as_is', 'rework', 'scrap', 'return_to_vendor'] as const;

function Disposition({ nc, onDone }: { readonly nc: Nonconformance; readonly onDone: () => Promise<void> }) {
  const [decision, setDecision] = useState<(typeof DECISIONS)[number]>('rework');
  const [reason, setReason] = useState('');
  const command = useCommand();
  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (!reason.trim() || busy(command.state)) return;
    if (await command.run('POST', `/nonconformances/${seg(nc.id)}/disposition`, { decision, reason: reason.trim() })) await onDone();
  };
  return (
    <form class="disposition" onSubmit={(e) => void submit(e)} aria-label={t('ncr.disposition', { id: nc.id })}>
      <label class="field"><span>{t('ncr.decision')}</span>
        <select value={decision} onChange={(e) => setDecision(e.currentTarget.value as (typeof DECISIONS)[number])}>
          {DECISIONS.map((d) => <option key={d} value={d}>{t(`ncr.decision.${d}`)}</option>)}
        </select>
      </label>
      <label class="field grow"><span>{t('ncr.reason')}</span><input value={reason} required onInput={(e) => setReason(e.currentTarget.value)} /></label>
      <CommandStatus state={command.state} onCancel={command.cancel} />
      <button type="submit" class="button primary" disabled={!reason.trim() || busy(command.state)}>{t('ncr.decide')}</button>
    </form>
  );
}

/** Open and closed nonconformances; a quality engineer decides what happens to the material. */
export function NonconformancePanel() {
  const list = useLoad<readonly Nonconformance[]>('ncs', async () => {
    const r = await get<Items<Nonconformance> | Nonconformance[]>('/nonconformances');
    return Array.isArray(r) ? r : r.items;
  });
  useLiveRefresh((e) => e.entity === 'nonconformance' || isProductionEvent(e), list.reload);
  const [open, setOpen] = useState<string | null>(null);
  const mayDecide = has(FEATURES.disposition) && hasRole('quality');
  return (
    <section class="panel" aria-labelledby="ncr-title">
      <h2 id="ncr-title">{t('ncr.title')} <span class="count">{list.data?.length ?? 0}</span></h2>
      {!list.data && <p role="status">{list.loading ? t('common.loading') : t('common.loadFailed')}</p>}
      {list.data?.length === 0 && <p class="muted">{t('ncr.none')}</p>}
      <ul class="ncr-list">
        {list.data?.map((n) => (
          <li key={n.id} class={`ncr ${/open/.test(n.status) ? 'open' : ''}`}>
            <div class="ncr-line">
              <strong>{n.id}</strong> <span class="badge">{n.status}</span> {n.title ?? n.description ?? n.characteristic ?? ''}
              {n.workOrderId && <> · <a href={orderHref(n.workOrderId)}>{n.workOrderId}</a></>}
              {n.lotId && <> · <a href={lotHref(n.lotId)}>{n.lotId}</a></>}
              {n.openedAt && <span class="muted"> · {dateTime(n.openedAt)}</span>}
              {mayDecide && /open/.test(n.status) && (
                <button type="button" class="button secondary small" aria-expanded={open === n.id} onClick={() => setOpen(open === n.id ? null : n.id)}>{t('ncr.decide')}</button>
              )}
            </div>
            {open === n.id && <Disposition nc={n} onDone={async () => { setOpen(null); await list.reload(); }} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
