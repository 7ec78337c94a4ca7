import { useState } from 'preact/hooks';
import { get, seg } from '../api/client.js';
import { useLoad } from '../api/use-load.js';
import type { Characteristic, Operation } from '../api/types.js';
import { busy, useCommand } from '../api/use-command.js';
import { CommandStatus } from '../components/command-status.js';
import { RunChart } from '../components/run-chart.js';
import { num, parseNumber } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';

interface Props {
  readonly operation: Operation;
  readonly onChanged: () => Promise<void>;
}

/** In or out of specification, judged on the terminal at once (the server judges again when it is recorded). */
export function inSpec(c: Characteristic, v: number): boolean {
  return (c.lsl === undefined || v >= c.lsl) && (c.usl === undefined || v <= c.usl);
}

function limits(c: Characteristic): string {
  const uom = c.uom ?? '';
  if (c.lsl !== undefined && c.usl !== undefined) return `${num(c.lsl)} … ${num(c.usl)} ${uom}`;
  if (c.lsl !== undefined) return `≥ ${num(c.lsl)} ${uom}`;
  if (c.usl !== undefined) return `≤ ${num(c.usl)} ${uom}`;
  return '';
}

interface RecordedResult {
  readonly characteristic: string;
  readonly value?: number;
}

function Measurement({ operation, c, onChanged }: { readonly operation: Operation; readonly c: Characteristic; readonly onChanged: () => Promise<void> }) {
  const [text, setText] = useState('');
  // The values already recorded at this operation, so the run chart survives a reload or a change of operator.
  const history = useLoad<readonly number[]>(`${operation.id}|${c.code}`, async () =>
    (await get<{ results: RecordedResult[] }>(`/operations/${seg(operation.id)}/inspections`)).results
      .filter((r) => r.characteristic === c.code && typeof r.value === 'number')
      .map((r) => r.value as number),
  );
  const recorded = (history.data ?? []).slice(-50);
  const command = useCommand();
  const values = text.split(/[\s;]+/).filter(Boolean).map(parseNumber);
  const valid = values.length > 0 && values.every(Number.isFinite);
  const out = valid && values.some((v) => !inSpec(c, v));
  const send = async (body: Record<string, unknown>): Promise<void> => {
    if (busy(command.state)) return;
    if (!(await command.run('POST', `/operations/${seg(operation.id)}/inspections`, { characteristic: c.code, ...body }))) return;
    setText('');
    await Promise.all([history.reload(), onChanged()]);
  };
  return (
    <div class="measurement">
      <p class="measurement-title"><strong>{c.name}</strong> <span class="muted">{c.code} · {limits(c)}</span></p>
      {c.type === 'attribute' ? (
        <div class="field-row">
          <button type="button" class="button primary big" onClick={() => void send({ pass: true })}>{t('inspection.pass')}</button>
          <button type="button" class="button danger big" onClick={() => void send({ pass: false })}>{t('inspection.fail')}</button>
        </div>
      ) : (
        <form class="field-row" onSubmit={(e) => { e.preventDefault(); if (valid) void send({ values }); }}>
          <label class="field grow">
            <span>{t('inspection.values')}</span>
            <input inputMode="decimal" class={valid ? (out ? 'invalid' : 'valid') : ''} value={text} onInput={(e) => setText(e.currentTarget.value)} aria-invalid={out} />
          </label>
          <button type="submit" class="button primary big" disabled={!valid || busy(command.state)}>{t('inspection.record')}</button>
        </form>
      )}
      {valid && <p class={out ? 'error' : 'ok'} aria-live="polite">{out ? t('inspection.outOfSpec') : t('inspection.inSpec')}</p>}
      <CommandStatus state={command.state} onCancel={command.cancel} />
      <RunChart values={recorded} lsl={c.lsl} usl={c.usl} label={t('inspection.chart', { name: c.name })} />
    </div>
  );
}

/** Inspection values for the step's characteristics (shown once the quality module answers). */
export function InspectionSection({ operation, onChanged }: Props) {
  return (
    <section class="action-card inspections" aria-labelledby="inspections-title">
      <h3 id="inspections-title">{t('inspection.title')}</h3>
      {operation.inspections.map((c) => <Measurement key={c.code} operation={operation} c={c} onChanged={onChanged} />)}
    </section>
  );
}
