import { useEffect, useState } from 'preact/hooks';
import { known, t } from '../i18n/i18n.js';
import { me } from '../session/session.js';
import { pendingSignature, type Signing } from './signature-request.js';

/**
 * The electronic signature dialog: shown when a command is refused only for a missing or refused signature. The
 * username is filled in with the signed-in person's (the signer must be that person); the password is typed again;
 * the meaning is one the action accepts; a second person signs as witness where the action needs one.
 */
export function SignatureDialog() {
  const pending = pendingSignature.value;
  const [password, setPassword] = useState('');
  const [meaning, setMeaning] = useState('');
  const [comment, setComment] = useState('');
  const [witnessName, setWitnessName] = useState('');
  const [witnessPassword, setWitnessPassword] = useState('');
  useEffect(() => {
    setPassword('');
    setWitnessPassword('');
    setMeaning(pending?.need.meanings[0] ?? '');
  }, [pending]);
  if (!pending) return null;
  const { need } = pending;
  const username = me.value?.username ?? '';
  const submit = (e: Event): void => {
    e.preventDefault();
    const signing: Signing = {
      signature: { username, password, meaning, recordHash: need.recordHash, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      ...(need.witness ? { witness: { username: witnessName.trim(), password: witnessPassword, meaning: 'witnessed', recordHash: need.recordHash } } : {}),
    };
    pending.answer(signing);
  };
  const label = (key: string, fallback: string): string => (known(key) ? t(key) : fallback);
  return (
    <div class="signature-backdrop">
      <div class="panel signature-dialog" role="dialog" aria-modal="true" aria-labelledby="signature-title">
      <form onSubmit={submit}>
        <h2 id="signature-title">{t('signature.title')}</h2>
        <p class="signature-what">{t('signature.what', { action: label(`signature.action.${need.action}`, need.action), id: need.entityId })}</p>
        <ul class="violations" role="alert">{need.problems.map((p) => <li key={p}>{p}</li>)}</ul>
        <label>{t('signature.username')}<input name="sig-username" value={username} readOnly /></label>
        <label>{t('signature.password')}<input name="sig-password" type="password" autoFocus required value={password} onInput={(e) => setPassword(e.currentTarget.value)} /></label>
        <label>{t('signature.meaning')}
          <select name="sig-meaning" value={meaning} onChange={(e) => setMeaning(e.currentTarget.value)}>
            {need.meanings.map((m) => <option key={m} value={m}>{label(`signature.meaning.${m}`, m)}</option>)}
          </select>
        </label>
        <label>{t('signature.comment')}<input name="sig-comment" value={comment} onInput={(e) => setComment(e.currentTarget.value)} /></label>
        {need.witness && (
          <fieldset>
            <legend>{t('signature.witness')}</legend>
            <label>{t('signature.username')}<input name="witness-username" required value={witnessName} onInput={(e) => setWitnessName(e.currentTarget.value)} /></label>
            <label>{t('signature.password')}<input name="witness-password" type="password" required value={witnessPassword} onInput={(e) => setWitnessPassword(e.currentTarget.value)} /></label>
          </fieldset>
        )}
        <p class="muted small">{t('signature.binding', { hash: need.recordHash.slice(0, 12) })}</p>
        <div class="signature-buttons">
          <button type="submit" class="button primary">{t('signature.sign')}</button>
          <button type="button" class="button secondary" onClick={() => pending.answer(null)}>{t('common.cancel')}</button>
        </div>
      </form>
      </div>
    </div>
  );
}
