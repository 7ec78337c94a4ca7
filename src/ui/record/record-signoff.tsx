import { useState } from 'preact/hooks';
import type { BatchRecord } from '../../modules/compliance/index.js';
import { seg } from '../api/client.js';
import { busy, useCommand } from '../api/use-command.js';
import { useDryRun } from '../api/use-dry-run.js';
import { CommandStatus } from '../components/command-status.js';
import { ActionButton } from '../components/submit-button.js';
import { ViolationList } from '../components/violation-list.js';
import { dateTime, num } from '../i18n/format.js';
import { t, type MessageKey } from '../i18n/i18n.js';
import { hasRole } from '../session/session.js';
import { onlySignaturesMissing } from '../signatures/signature-request.js';
import { verification, type RecordStatus } from './record-view.js';

const VERBS = {
  review: { label: 'record.review', cannot: 'record.cannotReview', done: 'record.reviewedDone' },
  release: { label: 'record.release', cannot: 'record.cannotRelease', done: 'record.releasedDone' },
} as const satisfies Record<string, Record<string, MessageKey>>;

interface ActionProps {
  readonly id: string;
  readonly verb: keyof typeof VERBS;
  readonly comment: string;
  /** Changes whenever the record does: the server is asked again whether the sign-off is possible. */
  readonly refreshKey: string;
  readonly onSigned: () => Promise<void>;
}

/**
 * Review or release: the server is asked beforehand (dry run) and every reason it is not possible is listed; a
 * refusal for the signature alone opens the signature dialog (useCommand), so the signer signs with the meaning the
 * policy asks for, bound to the record's content as it is shown.
 */
function SignoffAction({ id, verb, comment, refreshKey, onSigned }: ActionProps) {
  const texts = VERBS[verb];
  const path = `/work-orders/${seg(id)}/record/${verb}`;
  const check = useDryRun(path, {}, refreshKey);
  const command = useCommand();
  const allowed = check.result?.allowed === true || onlySignaturesMissing(check.result?.violations);
  const sign = async (): Promise<void> => {
    if (!allowed || busy(command.state)) return;
    if (await command.run('POST', path, comment.trim() ? { comment: comment.trim() } : {})) await onSigned();
  };
  return (
    <div class={`signoff-action signoff-${verb}`}>
      <ActionButton type="button" class="button primary" enabled={allowed && !busy(command.state)} describedBy={`${verb}-violations`} onClick={() => void sign()}>
        {t(texts.label)}
      </ActionButton>
      {check.result && !allowed && <ViolationList violations={check.result.violations} title={t(texts.cannot)} id={`${verb}-violations`} />}
      {check.unreachable && <p class="hint" role="status">{t('common.cannotCheck')}</p>}
      <CommandStatus state={command.state} onCancel={command.cancel} />
      {command.state.kind === 'done' && <p class="done" role="status">{t(texts.done)}</p>}
    </div>
  );
}

function StageText({ status }: { readonly status: RecordStatus }) {
  const orderStatus = t(`order.status.${status.orderStatus}` as MessageKey);
  switch (status.stage) {
    case 'not-ready':
      return <p class="record-stage">{t('record.notReadyText', { status: orderStatus })}</p>;
    case 'ready':
      return <p class="record-stage">{t('record.readyText', { status: orderStatus })}</p>;
    case 'reviewed':
      return <p class="record-stage">{t('record.reviewedText', { who: status.by ?? '', when: dateTime(status.at) })}</p>;
    default:
      return <p class="record-stage">{t('record.releasedText', { who: status.by ?? '', when: dateTime(status.at) })}</p>;
  }
}

function Verification({ r }: { readonly r: BatchRecord }) {
  const v = verification(r);
  if (!v || !r.release) return null;
  const [title, text] = !v.verified
    ? [t('record.notVerified'), t('record.notVerifiedText', { stored: r.release.contentHash.slice(0, 12), current: r.release.currentHash.slice(0, 12) })]
    : v.amendments > 0
      ? [t('record.verifiedAmended', { n: num(v.amendments) }), t('record.verifiedAmendedText')]
      : [t('record.verified'), t('record.verifiedText', { hash: r.release.contentHash.slice(0, 12) })];
  return (
    <p class={`verification verification-${v.tone}`} role={v.tone === 'bad' ? 'alert' : 'status'} data-verified={String(v.verified)}>
      <strong>{title}</strong> {text}
    </p>
  );
}

interface Props {
  readonly id: string;
  readonly r: BatchRecord;
  readonly status: RecordStatus;
  readonly onSigned: () => Promise<void>;
}

/** Where the record stands (not ready, ready for review, reviewed, released: by whom, when), its reviews, and the sign-off. */
export function RecordSignoff({ id, r, status, onSigned }: Props) {
  const [comment, setComment] = useState('');
  const refreshKey = `${r.contentHash}|${r.reviews.length}|${r.released}`;
  const done = async (): Promise<void> => {
    setComment('');
    await onSigned();
  };
  return (
    <section class={`panel record-signoff stage-${status.stage}`} aria-labelledby="signoff-title">
      <h2 id="signoff-title">{t('record.signoff')}</h2>
      <StageText status={status} />
      <Verification r={r} />
      {!r.released && status.unreviewedEvents > 0 && <p class="notice" role="status">{t('record.unreviewed', { n: num(status.unreviewedEvents) })}</p>}
      {r.reviews.length > 0 && (
        <div class="record-reviews">
          <h3>{t('record.reviews')} <span class="count">{r.reviews.length}</span></h3>
          <ul>
            {r.reviews.map((v) => (
              <li key={`${v.at}${v.actor}`}>
                {t('record.reviewLine', { who: v.actor, when: dateTime(v.at) })}
                {v.eventsSince > 0 && <span class="late"> · {t('record.eventsSince', { n: num(v.eventsSince) })}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!r.released && (hasRole('quality') ? (
        <form class="signoff-form" onSubmit={(e) => e.preventDefault()}>
          <label class="field"><span>{t('record.comment')}</span>
            <input name="record-comment" value={comment} placeholder={t('record.commentHint')} onInput={(e) => setComment(e.currentTarget.value)} />
          </label>
          <div class="signoff-actions">
            <SignoffAction id={id} verb="review" comment={comment} refreshKey={refreshKey} onSigned={done} />
            <SignoffAction id={id} verb="release" comment={comment} refreshKey={refreshKey} onSigned={done} />
          </div>
          <p class="hint">{t('record.signHint')}</p>
        </form>
      ) : (
        <p class="hint" data-reason="role">{t('record.onlyQuality')}</p>
      ))}
    </section>
  );
}
