import { useState } from 'preact/hooks';
import { seg } from '../api/client.js';
import { busy, useCommand } from '../api/use-command.js';
import { CommandStatus } from '../components/command-status.js';
import { t } from '../i18n/i18n.js';
import { me } from '../session/session.js';

/** Releases a held lot with a reason (quality and admin); a signature is asked for when the plant's policy needs one. */
export function LotRelease({ lotId }: { readonly lotId: string }) {
  const [reason, setReason] = useState('');
  const command = useCommand();
  const roles = me.value?.roles ?? [];
  if (!roles.includes('quality') && !roles.includes('admin')) return null;
  const release = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (busy(command.state) || !reason.trim()) return;
    if (await command.run('POST', `/lots/${seg(lotId)}/release`, { reason: reason.trim() })) setReason('');
  };
  return (
    <form class="lot-release" onSubmit={(e) => void release(e)}>
      <input name={`release-reason-${lotId}`} aria-label={t('lotRelease.reason')} placeholder={t('lotRelease.reason')} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      <button type="submit" class="button secondary small" disabled={busy(command.state) || !reason.trim()}>{t('lotRelease.release')}</button>
      <CommandStatus state={command.state} onCancel={command.cancel} />
    </form>
  );
}
