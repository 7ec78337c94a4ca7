import { streamState } from '../api/event-stream.js';
import { t } from '../i18n/i18n.js';

/** Whether the screen is live (event stream connected) or catching up. */
export function LiveIndicator() {
  const s = streamState.value;
  if (s === 'closed') return null;
  return (
    <span class={`live live-${s}`} role="status" aria-live="polite">
      <span class="live-dot" aria-hidden="true" />
      {s === 'live' ? t('live.live') : s === 'connecting' ? t('live.connecting') : t('live.reconnecting')}
    </span>
  );
}
