import type { CommandState } from '../api/use-command.js';
import { t } from '../i18n/i18n.js';
import { ViolationList } from './violation-list.js';

interface Props {
  readonly state: CommandState;
  readonly onCancel: () => void;
}

/** What happened to the command just sent: on its way, waiting for the server (entry kept), or refused with why. */
export function CommandStatus({ state, onCancel }: Props) {
  switch (state.kind) {
    case 'sending':
      return <p class="command-status sending" role="status">{t('command.sending')}</p>;
    case 'retrying':
      return (
        <div class="command-status retrying" role="alert">
          <p>{t('command.retrying', { attempt: state.attempt })}</p>
          <button type="button" class="button secondary" onClick={onCancel}>{t('command.stopRetrying')}</button>
        </div>
      );
    case 'refused':
      return state.error.violations.length > 0 ? (
        <ViolationList violations={state.error.violations} title={t('command.refused')} role="alert" />
      ) : (
        <p class="command-status refused" role="alert">{t('command.failed', { detail: state.error.message })}</p>
      );
    default:
      return null;
  }
}
