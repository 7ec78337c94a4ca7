import { useState } from 'preact/hooks';
import type { DispatchItem } from '../api/types.js';
import { t } from '../i18n/i18n.js';

/** The roles POST /work-orders/{id}/hold and /unhold let put an order on hold and release it (admin always may). */
export const ORDER_HOLDERS = ['supervisor', 'quality', 'integration'] as const;

interface Props {
  readonly item: DispatchItem;
  readonly sending: boolean;
  readonly onHold: (workOrderId: string, reason: string) => Promise<boolean>;
  readonly onRelease: (workOrderId: string) => Promise<boolean>;
}

/** Hold an order with the reason why (required), or release its hold: the order stops or resumes at every work center. */
export function HoldControl({ item, sending, onHold, onRelease }: Props) {
  const [reason, setReason] = useState('');
  const id = item.workOrderId;
  if (item.orderStatus === 'on_hold') {
    return (
      <div class="board-hold">
        <button type="button" class="button secondary small" data-action="unhold" disabled={sending} aria-label={t('dispatch.releaseLabel', { id })}
          onClick={() => void onRelease(id)}>{t('dispatch.release')}</button>
      </div>
    );
  }
  const fieldId = `hold-reason-${item.operation.id}`;
  const ready = reason.trim() !== '';
  return (
    <form class="board-hold" noValidate onSubmit={(e) => {
      e.preventDefault();
      if (ready) void onHold(id, reason.trim()).then((done) => done && setReason(''));
    }}>
      <label for={fieldId}>{t('dispatch.holdReason')}</label>
      <input id={fieldId} type="text" required maxLength={1000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      <button type="submit" class="button secondary small" data-action="hold" disabled={sending || !ready} aria-label={t('dispatch.holdLabel', { id })}>{t('dispatch.hold')}</button>
    </form>
  );
}
