import { useEffect, useRef, useState } from 'preact/hooks';
import { seg } from '../api/client.js';
import type { Operation, WorkOrderDetail } from '../api/types.js';
import { busy, useCommand } from '../api/use-command.js';
import { CommandStatus } from '../components/command-status.js';
import { ActionButton } from '../components/submit-button.js';
import { ViolationList } from '../components/violation-list.js';
import { inputNumber, num, parseNumber } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { checkLot, remainingNeed, type LotCheck } from './consume-check.js';

interface Props {
  readonly operation: Operation;
  readonly order: WorkOrderDetail | null;
  readonly onChanged: () => Promise<void>;
}

interface Done {
  readonly lotId: string;
  readonly quantity: number;
  readonly remaining: number;
}

/**
 * Consume: scan or type a lot. Each keystroke (a scanner types fast) is checked with a dry run: the lot's material,
 * status, expiry and quantity, and the BOM limit, in plain words before anything is booked. Enter books it when the
 * check passes; the quantity proposed is what the step still needs, and may be typed over.
 */
export function ConsumeSection({ operation: op, order, onChanged }: Props) {
  const [lotId, setLotId] = useState('');
  const [qtyText, setQtyText] = useState('');
  const [qtyTyped, setQtyTyped] = useState(false);
  const [check, setCheck] = useState<LotCheck | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const serial = useRef(0);
  const lotRef = useRef<HTMLInputElement>(null);
  const command = useCommand();
  const lines = order?.bom.filter((l) => l.operationSeq === op.seq) ?? [];
  const consumed = order?.consumptions.filter((c) => c.operation_id === op.id) ?? [];
  const typedQty = qtyTyped ? parseNumber(qtyText) : null;

  /** Checks what is in the fields now; only the newest check is shown, but every caller gets its own answer. */
  const run = async (): Promise<LotCheck | null> => {
    serial.current += 1;
    const mine = serial.current;
    const id = lotId.trim();
    if (!id || (typedQty !== null && !(typedQty > 0))) {
      setCheck(null);
      return null;
    }
    const c = await checkLot(op, order, id, typedQty);
    if (mine === serial.current) {
      setCheck(c);
      if (!qtyTyped) setQtyText(c.lot ? inputNumber(c.quantity) : '');
    }
    return c;
  };

  useEffect(() => {
    const timer = setTimeout(() => void run(), 120);
    return () => clearTimeout(timer);
  }, [lotId, qtyTyped ? qtyText : '', qtyTyped, op.id]);

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (busy(command.state)) return;
    // A scanner's Enter comes right after the last character: check now rather than wait for the debounce.
    const c = check && check.lotId === lotId.trim() && (typedQty === null || typedQty === check.quantity) ? check : await run();
    if (!c || c.result === 'unreachable' || !c.result.allowed) {
      lotRef.current?.select();
      return;
    }
    const r = await command.run<{ lotRemaining: number }>('POST', `/operations/${seg(op.id)}/consume`, { lotId: c.lotId, quantity: c.quantity });
    if (!r) return;
    setDone({ lotId: c.lotId, quantity: c.quantity, remaining: r.lotRemaining });
    setLotId('');
    setQtyText('');
    setQtyTyped(false);
    setCheck(null);
    lotRef.current?.focus();
    await onChanged();
  };

  const refused = check && check.result !== 'unreachable' && !check.result.allowed ? check.result.violations : [];
  const ok = check && check.result !== 'unreachable' && check.result.allowed;
  return (
    <form class="action-card consume" onSubmit={(e) => void submit(e)} aria-labelledby="consume-title" autoComplete="off">
      <h3 id="consume-title">{t('consume.title')}</h3>
      {lines.length > 0 && (
        <ul class="needs">
          {lines.map((l) => (
            <li key={l.materialId}>{t('consume.need', { material: l.materialId, remaining: num(remainingNeed(order, op, l.materialId)), uom: l.uom })}</li>
          ))}
        </ul>
      )}
      <div class="field-row">
        <label class="field grow">
          <span>{t('consume.lot')}</span>
          <input
            ref={lotRef} name="lotId" class={`scan ${ok ? 'valid' : refused.length > 0 ? 'invalid' : ''}`} autoFocus spellcheck={false} autoCapitalize="characters"
            value={lotId} onInput={(e) => { setLotId(e.currentTarget.value); setDone(null); command.reset(); }}
            aria-invalid={refused.length > 0} aria-describedby="consume-check"
          />
        </label>
        <label class="field qty">
          <span>{t('consume.quantity')}</span>
          <input name="quantity" inputMode="decimal" value={qtyText} onInput={(e) => { setQtyText(e.currentTarget.value); setQtyTyped(e.currentTarget.value.trim() !== ''); }} />
        </label>
      </div>
      <div id="consume-check" aria-live="polite">
        {qtyTyped && !(parseNumber(qtyText) > 0) && <p class="error">{t('common.quantityInvalid')}</p>}
        {check?.result === 'unreachable' && <p class="error">{t('common.cannotCheck')}</p>}
        {ok && check?.lot && <p class="ok">{t('consume.ok', { lot: check.lotId, material: check.lot.materialId, available: num(check.lot.quantity), quantity: num(check.quantity) })}</p>}
        <ViolationList violations={refused} title={t('consume.refused', { lot: check?.lotId ?? '' })} />
      </div>
      <CommandStatus state={command.state} onCancel={command.cancel} />
      {done && command.state.kind === 'done' && (
        <p class="ok done" role="status">{t('consume.done', { quantity: num(done.quantity), lot: done.lotId, remaining: num(done.remaining) })}</p>
      )}
      <ActionButton enabled={Boolean(ok) && !busy(command.state)} describedBy="consume-check">{t('consume.submit')}</ActionButton>
      {consumed.length > 0 && (
        <details class="history">
          <summary>{t('consume.history', { count: consumed.length })}</summary>
          <ul>{consumed.map((c, i) => <li key={i}>{t('consume.historyLine', { lot: c.lot_id, quantity: num(c.quantity), who: c.actor })}</li>)}</ul>
        </details>
      )}
    </form>
  );
}
