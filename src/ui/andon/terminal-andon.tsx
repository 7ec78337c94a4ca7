import { useState } from 'preact/hooks';
import { seg } from '../api/client.js';
import { busy, useCommand } from '../api/use-command.js';
import { CommandStatus } from '../components/command-status.js';
import { t } from '../i18n/i18n.js';
import { me } from '../session/session.js';
import { age, ANDON_KINDS, kindName, useActiveCalls, useNow, type AndonCall, type AndonKind } from './andon-calls.js';

interface Props {
  readonly workCenterId: string;
  /** The operation running (or paused) here, named on the call with its equipment. */
  readonly running: { readonly operationId: string; readonly equipmentId: string | null } | null;
}

/** One active call of this work center: its kind, who is coming or how long it waits; the raiser may withdraw it while open. */
function CallRow({ call, now, onChanged }: { readonly call: AndonCall; readonly now: number; readonly onChanged: () => Promise<void> }) {
  const command = useCommand();
  const mine = call.status === 'open' && call.raisedBy === me.value?.username;
  const withdraw = async (): Promise<void> => {
    if (!busy(command.state) && (await command.run('POST', `/andon-calls/${seg(call.id)}/cancel`, {}))) await onChanged();
  };
  return (
    <li class={`andon-item andon-${call.status}`} data-andon-kind={call.kind} data-status={call.status}>
      <div class="andon-line">
        <strong class="andon-kind">{kindName(call.kind)}</strong>
        <span class="andon-state">{call.status === 'open' ? t('andon.waiting', { age: age(call.raisedAt, now) }) : t('andon.coming', { who: call.acknowledgedBy ?? '', age: age(call.raisedAt, now) })}</span>
      </div>
      {call.note && <p class="andon-note">{call.note}</p>}
      {mine && (
        <button type="button" class="button secondary small" aria-label={t('andon.withdrawLabel', { kind: kindName(call.kind) })} disabled={busy(command.state)} onClick={() => void withdraw()}>
          {t('andon.withdraw')}
        </button>
      )}
      <CommandStatus state={command.state} onCancel={command.cancel} />
    </li>
  );
}

/**
 * The terminal's andon: the work center's active calls, live, and "Call for help" with one large button per kind and
 * an optional note. A kind already called here shows as called (the server refuses a second one anyway).
 */
export function TerminalAndon({ workCenterId, running }: Props) {
  const { calls, reload } = useActiveCalls(workCenterId);
  const now = useNow();
  const [expanded, setExpanded] = useState(false);
  const [note, setNote] = useState('');
  const [raised, setRaised] = useState<AndonKind | null>(null);
  const command = useCommand();
  if (calls === null) return null;
  const called = new Set(calls.map((c) => c.kind));
  const raise = async (kind: AndonKind): Promise<void> => {
    if (busy(command.state) || called.has(kind)) return;
    const body = {
      workCenterId, kind, ...(running ? { operationId: running.operationId } : {}), ...(running?.equipmentId ? { equipmentId: running.equipmentId } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    if (await command.run('POST', '/andon-calls', body)) {
      setNote('');
      setExpanded(false);
      setRaised(kind);
      await reload();
    }
  };
  const toggle = (open: boolean): void => {
    setExpanded(open);
    setRaised(null);
    command.reset();
  };
  return (
    <section class={`andon-box ${calls.length > 0 ? 'has-calls' : ''}`} aria-labelledby="andon-title">
      <h2 id="andon-title">{t('andon.title')} {calls.length > 0 && <span class="count andon-count">{calls.length}</span>}</h2>
      {calls.length > 0 ? (
        <ul class="andon-list">
          {calls.map((c) => <CallRow key={c.id} call={c} now={now} onChanged={reload} />)}
        </ul>
      ) : (
        !expanded && <p class="muted small">{t('andon.noActive')}</p>
      )}
      <p class="visually-hidden" role="status">{raised ? t('andon.raised', { kind: kindName(raised) }) : ''}</p>
      {!expanded ? (
        <button type="button" class="button big andon-open" aria-expanded="false" aria-controls="andon-form" onClick={() => toggle(true)}>{t('andon.callForHelp')}</button>
      ) : (
        <div class="andon-form" id="andon-form">
          <label class="field">
            <span>{t('andon.note')}</span>
            <input name="andon-note" value={note} maxLength={1000} placeholder={t('andon.notePlaceholder')} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <fieldset class="andon-kinds">
            <legend>{t('andon.whatIsNeeded')}</legend>
            {ANDON_KINDS.map((k) => (
              <button key={k} type="button" class={`button andon-kind-button kind-${k}`} aria-disabled={called.has(k) || busy(command.state) ? 'true' : 'false'} onClick={() => void raise(k)}>
                {kindName(k)}
                {called.has(k) && <span class="andon-called"> · {t('andon.called')}</span>}
              </button>
            ))}
          </fieldset>
          <CommandStatus state={command.state} onCancel={command.cancel} />
          <button type="button" class="button secondary" aria-expanded="true" aria-controls="andon-form" onClick={() => toggle(false)}>{t('andon.close')}</button>
        </div>
      )}
    </section>
  );
}
