import { apiPaths, FEATURES, has } from '../api/features.js';
import { t } from '../i18n/i18n.js';
import { NonconformancePanel } from './nonconformance-panel.js';
import { SpcPanel } from './spc-panel.js';

/** Quality: control charts and nonconformances, shown as soon as the server's quality module answers. */
export function QualityPage() {
  if (apiPaths.value === null) return <p role="status">{t('common.loading')}</p>;
  const spc = has(FEATURES.spc);
  const ncs = has(FEATURES.nonconformances);
  return (
    <div class="quality-page">
      <h1>{t('quality.title')}</h1>
      {!spc && !ncs && (
        <section class="panel placeholder" aria-labelledby="quality-pending">
          <h2 id="quality-pending">{t('quality.pendingTitle')}</h2>
          <p>{t('quality.pendingText')}</p>
          <ul>
            <li>{t('quality.pendingSpc')}</li>
            <li>{t('quality.pendingNcr')}</li>
            <li>{t('quality.pendingInspections')}</li>
          </ul>
        </section>
      )}
      {spc && <SpcPanel />}
      {ncs && <NonconformancePanel />}
    </div>
  );
}
