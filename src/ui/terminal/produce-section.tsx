import { useState } from 'preact/hooks';
import { seg } from '../api/client.js';
import type { Operation, WorkOrderDetail } from '../api/types.js';
import { busy, useCommand } from '../api/use-command.js';
import { useDryRun } from '../api/use-dry-run.js';
import { CommandStatus } from '../components/command-status.js';
import { ActionButton } from '../components/submit-button.js';
import { ViolationList } from '../components/violation-list.js';
import { inputNumber, num, parseNumber } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { lotHref } from '../router.js';

interface Props {
  readonly operation: Operation;
  readonly order: WorkOrderDetail | null;
  readonly onChanged: () => Promise<void>;
}

/** The next output lot's id: the order's id and a running number (the label printer's sequence in many plants). */
function nextLotId(order: WorkOrderDetail): string {
  const made = new Set(order.productions.map((p) => p.lot_id));
  for (let n = made.size + 1; ; n += 1) {
    const id = `${order.id}-${String(n).padStart(3, '0')}`;
    if (!made.has(id)) return id;
  }
}

/** Output (last step): book good quantity into a lot of the order's material; it carries the genealogy. */
export function ProduceSection({ operation: op, order, onChanged }: Props) {
  const produced = order?.productions.reduce((s, p) => s + p.quantity, 0) ?? 0;
  const open = Math.max(0, op.good - produced);
  const [lotText, setLotText] = useState<string | null>(null);
  const [qtyText, setQtyText] = useState<string | null>(null);
  const [done, setDone] = useState<{ lotId: string; quantity: number } | null>(null);
  const command = useCommand();
  const lotId = (lotText ?? (order ? nextLotId(order) : '')).trim();
  const quantity = qtyText === null ? open : parseNumber(qtyText);
  const path = `/operations/${seg(op.id)}/produce`;
  const valid = lotId !== '' && quantity > 0;
  const check = useDryRun(valid ? path : null, { lotId, quantity });

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (!valid || busy(command.state)) return;
    const r = check.result?.allowed ? check.result : await check.checkNow();
    if (!r?.allowed) return;
    if (!(await command.run('POST', path, { lotId, quantity }))) return;
    setDone({ lotId, quantity });
    setLotText(null);
    setQtyText(null);
    await onChanged();
  };

  return (
    <form class="action-card produce" onSubmit={(e) => void submit(e)} aria-labelledby="produce-title" autoComplete="off">
      <h3 id="produce-title">{t('produce.title')}</h3>
      <p class="so-far">{t('produce.soFar', { produced: num(produced), good: num(op.good) })}</p>
      <div class="field-row">
        <label class="field grow">
          <span>{t('produce.lot')}</span>
          <input name="outputLotId" class="scan" spellcheck={false} value={lotId} onInput={(e) => { setLotText(e.currentTarget.value); setDone(null); }} />
        </label>
        <label class="field qty">
          <span>{t('produce.quantity')}</span>
          <input name="outputQuantity" inputMode="decimal" value={qtyText ?? (open > 0 ? inputNumber(open) : '')} onInput={(e) => setQtyText(e.currentTarget.value)} />
        </label>
      </div>
      <div id="produce-check" aria-live="polite">
        {check.unreachable && <p class="error">{t('common.cannotCheck')}</p>}
        {check.result && !check.result.allowed && <ViolationList violations={check.result.violations} title={t('produce.refused')} />}
      </div>
      <CommandStatus state={command.state} onCancel={command.cancel} />
      {done && command.state.kind === 'done' && (
        <p class="ok done" role="status">{t('produce.done', { quantity: num(done.quantity) })} <a href={lotHref(done.lotId)}>{done.lotId}</a></p>
      )}
      <ActionButton enabled={valid && check.result?.allowed === true && !busy(command.state)} describedBy="produce-check">{t('produce.submit')}</ActionButton>
    </form>
  );
}
