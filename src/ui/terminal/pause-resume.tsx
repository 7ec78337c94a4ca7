import { seg } from '../api/client.js';
import { busy, useCommand } from '../api/use-command.js';
import { CommandStatus } from '../components/command-status.js';
import { t } from '../i18n/i18n.js';

interface Props {
  readonly operationId: string;
  readonly paused: boolean;
  readonly onChanged: () => Promise<void>;
}

/** Pause a running operation (a break, a material wait) or resume a paused one. */
export function PauseResume({ operationId, paused, onChanged }: Props) {
  const command = useCommand();
  const go = async (): Promise<void> => {
    if (busy(command.state)) return;
    if (await command.run('POST', `/operations/${seg(operationId)}/${paused ? 'resume' : 'pause'}`, {})) await onChanged();
  };
  return (
    <div class={`action-card ${paused ? 'resume' : 'pause'}`}>
      {paused && <p class="notice">{t('pause.isPaused')}</p>}
      <CommandStatus state={command.state} onCancel={command.cancel} />
      <button type="button" class={`button big ${paused ? 'primary' : 'secondary'}`} disabled={busy(command.state)} onClick={() => void go()}>
        {paused ? t('pause.resume') : t('pause.pause')}
      </button>
    </div>
  );
}
