import { known, t, type MessageKey } from '../i18n/i18n.js';

interface Props {
  /** 'order' | 'operation' | 'lot' | 'equipment' | 'revision' */
  readonly kind: string;
  readonly status: string;
}

/** A status as a word with its colour: the colour is never the only carrier of the meaning. */
export function StatusBadge({ kind, status }: Props) {
  const key = `${kind}.status.${status}`;
  return (
    <span class={`badge ${kind}-${status.replace(/_/g, '-')}`} data-status={status}>
      {known(key) ? t(key as MessageKey) : status.replace(/_/g, ' ')}
    </span>
  );
}
