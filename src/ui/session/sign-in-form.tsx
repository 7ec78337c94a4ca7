import { useRef, useState } from 'preact/hooks';
import { ApiError, UnreachableError } from '../api/client.js';
import { t } from '../i18n/i18n.js';
import { signedOutReason, signIn } from './session.js';

interface Props {
  /** "terminal": large, badge-first wording. */
  readonly variant?: 'terminal' | 'office';
}

/**
 * Sign in by username and password, or by badge: a badge scanner types the username and Enter, which moves on to
 * the password. The badge alone never signs anyone in: a printed barcode is easily copied.
 */
export function SignInForm({ variant = 'office' }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const user = username.trim();
    if (!user) return;
    if (!password) {
      passwordRef.current?.focus();
      return;
    }
    setSending(true);
    setError(null);
    try {
      await signIn(user, password);
    } catch (err) {
      setPassword('');
      if (err instanceof UnreachableError) setError(t('signIn.unreachable'));
      else if (err instanceof ApiError && err.violations.some((v) => v.code === 'ACCOUNT_LOCKED')) setError(t('signIn.locked'));
      else setError(t('signIn.wrong'));
      passwordRef.current?.focus();
    } finally {
      setSending(false);
    }
  };

  const onUserKey = (e: KeyboardEvent): void => {
    // A badge scan ends with Enter: go on to the password rather than submitting half a sign-in.
    if (e.key === 'Enter' && !password) {
      e.preventDefault();
      if (username.trim()) passwordRef.current?.focus();
    }
  };

  const reason = signedOutReason.value;
  return (
    <form class={`sign-in sign-in-${variant}`} onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{variant === 'terminal' ? t('signIn.terminalTitle') : t('signIn.title')}</h1>
      {reason && <p class="notice" role="status">{reason === 'idle' ? t('signIn.idle') : t('signIn.expired')}</p>}
      <label class="field">
        <span>{variant === 'terminal' ? t('signIn.badgeOrUser') : t('signIn.username')}</span>
        <input
          name="username" autoComplete="username" autoCapitalize="none" spellcheck={false} autoFocus required
          value={username} onInput={(e) => setUsername(e.currentTarget.value)} onKeyDown={onUserKey}
        />
      </label>
      <label class="field">
        <span>{t('signIn.password')}</span>
        <input
          ref={passwordRef} name="password" type="password" autoComplete="current-password" required
          value={password} onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </label>
      {error && <p class="error" role="alert">{error}</p>}
      <button class="button primary big" type="submit" disabled={sending}>{sending ? t('signIn.signingIn') : t('signIn.submit')}</button>
      {variant === 'terminal' && <p class="hint">{t('signIn.badgeHint')}</p>}
    </form>
  );
}
