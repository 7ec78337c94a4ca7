import { useState } from 'preact/hooks';
import { seg } from '../api/client.js';
import type { Operation } from '../api/types.js';
import { busy, useCommand } from '../api/use-command.js';
import { useDryRun } from '../api/use-dry-run.js';
import { CommandStatus } from '../components/command-status.js';
import { ActionButton } from '../components/submit-button.js';
import { ViolationList } from '../components/violation-list.js';
import { num, parseNumber } from '../i18n/format.js';
import { t, type MessageKey } from '../i18n/i18n.js';

interface Props {
  readonly operation: Operation;
  readonly orderQuantity: number;
  readonly onChanged: () => Promise<void>;
}

const REASONS: readonly MessageKey[] = ['scrap.setup', 'scrap.material', 'scrap.machine', 'scrap.dimension', 'scrap.surface', 'scrap.handling'];

/** Report good and scrap (with the scrap's reason) in one action, checked by a dry run while typing. */
export function ReportSection({ operation: op, orderQuantity, onChanged }: Props) {
  const [goodText, setGoodText] = useState('');
  const [scrapText, setScrapText] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<{ good: number; scrap: number } | null>(null);
  const command = useCommand();
  const good = goodText.trim() === '' ? 0 : parseNumber(goodText);
  const scrap = scrapText.trim() === '' ? 0 : parseNumber(scrapText);
  const numbersOk = Number.isFinite(good) && Number.isFinite(scrap) && good + scrap > 0;
  const reasonMissing = scrap > 0 && reason.trim() === '';
  const body = { good, scrap, ...(scrap > 0 && reason.trim() ? { scrapReason: reason.trim() } : {}) };
  const path = `/operations/${seg(op.id)}/report`;
  const check = useDryRun(numbersOk && !reasonMissing ? path : null, body);
  const allowed = numbersOk && !reasonMissing && check.result?.allowed === true;

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (busy(command.state) || !numbersOk || reasonMissing) return;
    const r = check.result?.allowed ? check.result : await check.checkNow();
    if (!r?.allowed) return;
    if (!(await command.run('POST', path, body))) return;
    setDone({ good, scrap });
    setGoodText('');
    setScrapText('');
    setReason('');
    await onChanged();
  };

  return (
    <form class="action-card report" onSubmit={(e) => void submit(e)} aria-labelledby="report-title" autoComplete="off">
      <h3 id="report-title">{t('report.title')}</h3>
      <p class="so-far">{t('report.soFar', { good: num(op.good), scrap: num(op.scrap), planned: num(orderQuantity) })}</p>
      <div class="field-row">
        <label class="field qty">
          <span>{t('report.good')}</span>
          <input name="good" inputMode="decimal" value={goodText} onInput={(e) => { setGoodText(e.currentTarget.value); setDone(null); }} aria-invalid={!Number.isFinite(good)} />
        </label>
        <label class="field qty">
          <span>{t('report.scrap')}</span>
          <input name="scrap" inputMode="decimal" value={scrapText} onInput={(e) => { setScrapText(e.currentTarget.value); setDone(null); }} aria-invalid={!Number.isFinite(scrap)} />
        </label>
        <label class="field grow">
          <span>{t('report.reason')}{scrap > 0 ? ' *' : ''}</span>
          <input name="scrapReason" list="scrap-reasons" value={reason} disabled={!(scrap > 0)} onInput={(e) => setReason(e.currentTarget.value)} aria-required={scrap > 0} />
          <datalist id="scrap-reasons">{REASONS.map((k) => <option key={k} value={t(k)} />)}</datalist>
        </label>
      </div>
      <div id="report-check" aria-live="polite">
        {(!Number.isFinite(good) || !Number.isFinite(scrap)) && <p class="error">{t('common.quantityInvalid')}</p>}
        {reasonMissing && <p class="error">{t('report.reasonMissing')}</p>}
        {check.unreachable && <p class="error">{t('common.cannotCheck')}</p>}
        {check.result && !check.result.allowed && <ViolationList violations={check.result.violations} title={t('report.refused')} />}
      </div>
      <CommandStatus state={command.state} onCancel={command.cancel} />
      {done && command.state.kind === 'done' && <p class="ok done" role="status">{t('report.done', { good: num(done.good), scrap: num(done.scrap) })}</p>}
      <ActionButton enabled={allowed && !busy(command.state)} describedBy="report-check">
        {numbersOk ? t('report.submit', { good: num(good), scrap: num(scrap) }) : t('report.title')}
      </ActionButton>
    </form>
  );
}
