import { useState } from 'preact/hooks';
import { seg } from '../api/client.js';
import type { Operation } from '../api/types.js';
import { busy, useCommand } from '../api/use-command.js';
import { useDryRun } from '../api/use-dry-run.js';
import { CommandStatus } from '../components/command-status.js';
import { ActionButton } from '../components/submit-button.js';
import { ViolationList } from '../components/violation-list.js';
import { t } from '../i18n/i18n.js';
import { onlySignaturesMissing } from '../signatures/signature-request.js';

interface Props {
  readonly operation: Operation;
  readonly onCompleted: () => Promise<void>;
}

/** Complete the step: what still prevents it is shown first; completing asks once more (it cannot be undone). */
export function CompleteSection({ operation: op, onCompleted }: Props) {
  const [confirming, setConfirming] = useState(false);
  const command = useCommand();
  const path = `/operations/${seg(op.id)}/complete`;
  // Checked again whenever the quantities change (a report can be what was missing).
  const check = useDryRun(path, {}, `${op.good}/${op.scrap}`);
  // A critical step lacks only its signature before completing: completing asks for it.
  const allowed = check.result?.allowed === true || onlySignaturesMissing(check.result?.violations);

  const complete = async (): Promise<void> => {
    if (busy(command.state)) return;
    if (await command.run('POST', path, {})) {
      setConfirming(false);
      await onCompleted();
    }
  };

  return (
    <div class="action-card complete" role="group" aria-labelledby="complete-title">
      <h3 id="complete-title" class="visually-hidden">{t('complete.title')}</h3>
      {check.result && !check.result.allowed && !allowed && <ViolationList violations={check.result.violations} title={t('complete.cannot')} id="complete-violations" />}
      <CommandStatus state={command.state} onCancel={command.cancel} />
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-labelledby="complete-confirm">
          <p id="complete-confirm">{t('complete.confirm', { seq: op.seq, name: op.name })}</p>
          <button type="button" class="button primary big" autoFocus disabled={busy(command.state)} onClick={() => void complete()}>{t('complete.yes')}</button>
          <button type="button" class="button secondary big" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
        </div>
      ) : (
        <ActionButton type="button" class="button complete-button big" enabled={allowed} describedBy="complete-violations" onClick={() => setConfirming(true)}>
          {t('complete.title')}
        </ActionButton>
      )}
    </div>
  );
}
