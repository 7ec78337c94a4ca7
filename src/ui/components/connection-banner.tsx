import { serverReachable } from '../api/connection.js';
import { t } from '../i18n/i18n.js';

/** Says plainly when the server cannot be reached; what was entered stays in the forms. */
export function ConnectionBanner() {
  if (serverReachable.value) return null;
  return (
    <div class="connection-banner" role="alert">
      <strong>{t('connection.lost')}</strong> {t('connection.lostHint')}
    </div>
  );
}
