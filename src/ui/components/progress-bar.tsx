import { num, percent } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';

interface Props {
  readonly good: number;
  readonly scrap?: number;
  readonly planned: number;
  readonly uom?: string;
  readonly label?: string;
}

/** Good (and scrap) against the planned quantity, as a bar and in numbers. */
export function ProgressBar({ good, scrap = 0, planned, uom = '', label }: Props) {
  const share = planned > 0 ? Math.min(1, good / planned) : 0;
  const scrapShare = planned > 0 ? Math.min(1 - share, scrap / planned) : 0;
  const text = t('progress.text', { good: num(good), planned: num(planned), uom });
  return (
    <div class="progress">
      <div class="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={planned} aria-valuenow={good} aria-label={label ?? text} aria-valuetext={text}>
        <div class="progress-good" style={{ width: `${share * 100}%` }} />
        <div class="progress-scrap" style={{ width: `${scrapShare * 100}%` }} />
      </div>
      <div class="progress-text">
        <span class="progress-numbers">{text}</span>
        <span class="progress-percent">{percent(share)}</span>
        {scrap > 0 && <span class="progress-scrap-text">{t('progress.scrap', { scrap: num(scrap) })}</span>}
      </div>
    </div>
  );
}
