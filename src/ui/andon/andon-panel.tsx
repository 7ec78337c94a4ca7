import { useState } from 'preact/hooks';
import { seg } from '../api/client.js';
import { busy, useCommand } from '../api/use-command.js';
import { CommandStatus } from '../components/command-status.js';
import { clock } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { orderHref } from '../router.js';
import { me } from '../session/session.js';
import { age, duration, kindName, RESPONDERS, useAndonFigures, useNow, type AndonCall } from './andon-calls.js';

/** Acknowledge an open call; resolve an acknowledged one with what was done. */
function Respond({ call, where, onChanged }: { readonly call: AndonCall; readonly where: string; readonly onChanged: () => Promise<void> }) {
  const command = useCommand();
  const [resolution, setResolution] = useState('');
  const labels = { kind: kindName(call.kind), workCenter: where };
  const acknowledge = async (): Promise<void> => {
    if (!busy(command.state) && (await command.run('POST', `/andon-calls/${seg(call.id)}/acknowledge`, {}))) await onChanged();
  };
  const resolve = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (busy(command.state) || !resolution.trim()) return;
    if (await command.run('POST', `/andon-calls/${seg(call.id)}/resolve`, { resolution: resolution.trim() })) {
      setResolution('');
      await onChanged();
    }
  };
  return (
    <div class="andon-respond">
      {call.status === 'open' ? (
        <button type="button" class="button primary small" aria-label={t('andon.acknowledgeLabel', labels)} disabled={busy(command.state)} onClick={() => void acknowledge()}>
          {t('andon.acknowledge')}
        </button>
      ) : (
        <form class="andon-resolve" onSubmit={(e) => void resolve(e)}>
          <input name={`resolution-${call.id}`} aria-label={t('andon.resolution')} placeholder={t('andon.resolution')} value={resolution} maxLength={1000} onInput={(e) => setResolution(e.currentTarget.value)} />
          <button type="submit" class="button secondary small" aria-label={t('andon.resolveLabel', labels)} disabled={busy(command.state) || !resolution.trim()}>{t('andon.resolve')}</button>
        </form>
      )}
      <CommandStatus state={command.state} onCancel={command.cancel} />
    </div>
  );
}

interface PanelProps {
  readonly calls: readonly AndonCall[];
  readonly workCenterName: (id: string) => string;
  readonly onChanged: () => Promise<void>;
}

/** Every active andon call of the plant, oldest first, with its age; acknowledge and resolve for those who answer calls. */
export function AndonPanel({ calls, workCenterName, onChanged }: PanelProps) {
  const now = useNow();
  const responder = (me.value?.roles ?? []).some((r) => RESPONDERS.includes(r));
  const figures = useAndonFigures();
  const mean = (sec: number | null | undefined): string => (sec === null || sec === undefined ? '—' : duration(sec, now));
  return (
    <section class={`panel andon-panel ${calls.length > 0 ? 'alarm' : ''}`} aria-labelledby="andon-panel-title">
      <h2 id="andon-panel-title">{t('andon.panelTitle', { count: calls.length })}</h2>
      {calls.length === 0 && <p class="muted">{t('andon.none')}</p>}
      {figures && figures.raised > 0 && (
        <p class="andon-figures small muted">{t('andon.today', { raised: figures.raised, ack: mean(figures.meanTimeToAcknowledgeSec), resolve: mean(figures.meanTimeToResolveSec) })}</p>
      )}
      {calls.length > 0 && <ul class="andon-list">
        {calls.map((c) => (
          <li key={c.id} class={`andon-item andon-${c.status}`} data-andon-call={c.id} data-work-center={c.workCenterId} data-status={c.status}>
            <div class="andon-line">
              <strong>{workCenterName(c.workCenterId)}</strong>
              <span class="andon-age">{age(c.raisedAt, now)}</span>
            </div>
            <p class="andon-sub">
              <span class="andon-kind">{kindName(c.kind)}</span> · {t(`andon.status.${c.status}`)}
              {c.acknowledgedBy && <> ({c.acknowledgedBy})</>} · {t('andon.raisedBy', { who: c.raisedBy, when: clock(c.raisedAt) })}
              {c.workOrderId && <> · <a href={orderHref(c.workOrderId)}>{c.workOrderId}</a></>}
            </p>
            {c.note && <p class="andon-note">{c.note}</p>}
            {responder && <Respond call={c} where={workCenterName(c.workCenterId)} onChanged={onChanged} />}
          </li>
        ))}
      </ul>}
    </section>
  );
}

/** The marker on a work center's tile: each active call's kind, state and age, red while nobody took it. */
export function AndonMarker({ calls }: { readonly calls: readonly AndonCall[] }) {
  const now = useNow();
  if (calls.length === 0) return null;
  return (
    <ul class="wc-andon" aria-label={t('andon.title')}>
      {calls.map((c) => (
        <li key={c.id} class={`wc-andon-call andon-${c.status}`} data-andon-kind={c.kind}>
          <span class="visually-hidden">{t('andon.marker', { kind: kindName(c.kind), status: t(`andon.status.${c.status}`), age: age(c.raisedAt, now) })}</span>
          <span aria-hidden="true"><span class="wc-andon-flag">{t('andon.title')}</span> {kindName(c.kind)} · {t(`andon.status.${c.status}`)}</span>
          <span aria-hidden="true" class="andon-age">{age(c.raisedAt, now)}</span>
        </li>
      ))}
    </ul>
  );
}
