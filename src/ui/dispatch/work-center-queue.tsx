import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { seg } from '../api/client.js';
import type { DispatchItem, HierarchyNode } from '../api/types.js';
import { busy, useCommand } from '../api/use-command.js';
import { CommandStatus } from '../components/command-status.js';
import { ProgressBar } from '../components/progress-bar.js';
import { StatusBadge } from '../components/status-badge.js';
import { dateTime, num } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { orderHref } from '../router.js';
import { boardRows, target, waitingCount, type BoardRow, type Move } from './dispatch-board.js';
import { HoldControl } from './hold-control.js';

interface Props {
  readonly workCenter: HierarchyNode;
  readonly items: readonly DispatchItem[];
  readonly mayMove: boolean;
  readonly mayHold: boolean;
  readonly onChanged: () => Promise<void>;
}

const MOVES: readonly Move[] = ['top', 'up', 'down'];
const ARROW: Record<Move, string> = { top: '⤒', up: '↑', down: '↓' };

const late = (i: DispatchItem): boolean => i.dueAt !== null && Date.parse(i.dueAt) < Date.now();

/** One work center's dispatch list as its terminal shows it, with the supervisor's moves and priority per waiting order. */
export function WorkCenterQueue({ workCenter, items, mayMove, mayHold, onChanged }: Props) {
  const rows = boardRows(items);
  const waiting = waitingCount(rows);
  const cmd = useCommand();
  const [announce, setAnnounce] = useState('');
  const list = useRef<HTMLOListElement>(null);
  // After a move, the keyboard stays with the moved order (on the same button, or its first one still possible).
  // A live refresh may overtake the command's own: wait until the row shows at the place asked for.
  const refocus = useRef<{ order: string; action: string; position: number | null } | null>(null);
  useEffect(() => {
    const want = refocus.current;
    if (!want || !list.current) return;
    const row = list.current.querySelector(`[data-order-id="${CSS.escape(want.order)}"]`);
    if (want.position !== null && row?.getAttribute('data-position') !== String(want.position)) return;
    const button = row?.querySelector<HTMLButtonElement>(`[data-action="${want.action}"]:not([disabled])`) ?? row?.querySelector<HTMLButtonElement>('[data-action]:not([disabled])');
    if (button) {
      button.focus();
      refocus.current = null;
    }
  });

  const move = async (row: BoardRow, m: Move): Promise<void> => {
    const position = target(m, row.position, waiting);
    if (position === null) return;
    const r = await cmd.run<{ items: DispatchItem[] }>('POST', `/work-centers/${seg(workCenter.id)}/dispatch-list/move`, { workOrderId: row.item.workOrderId, position });
    if (!r) return;
    await onChanged();
    // Only once the list shows the new order: the buttons to focus are those of the order's new place.
    refocus.current = { order: row.item.workOrderId, action: m, position };
    setAnnounce(t('dispatch.moved', { id: row.item.workOrderId, n: position + 1, wc: workCenter.name }));
  };
  const setPriority = async (row: BoardRow, priority: number): Promise<void> => {
    const r = await cmd.run('POST', `/work-orders/${seg(row.item.workOrderId)}/priority`, { priority });
    if (!r) return;
    await onChanged();
    refocus.current = { order: row.item.workOrderId, action: 'priority', position: null };
    setAnnounce(t('dispatch.prioritySet', { id: row.item.workOrderId, priority: num(priority) }));
  };

  // Hold and release act on the order (at every work center); refusals show in this list's violations.
  const hold = async (workOrderId: string, reason: string): Promise<boolean> => {
    if (!(await cmd.run('POST', `/work-orders/${seg(workOrderId)}/hold`, { reason }))) return false;
    await onChanged();
    setAnnounce(t('dispatch.held', { id: workOrderId }));
    return true;
  };
  const release = async (workOrderId: string): Promise<boolean> => {
    if (!(await cmd.run('POST', `/work-orders/${seg(workOrderId)}/unhold`, {}))) return false;
    await onChanged();
    setAnnounce(t('dispatch.released', { id: workOrderId }));
    return true;
  };

  const titleId = `wc-${workCenter.id}`;
  return (
    <section class="panel board-queue" aria-labelledby={titleId} data-work-center-id={workCenter.id}>
      <h2 id={titleId}>{workCenter.name} <span class="muted small">{workCenter.id}</span> <span class="count">{items.length}</span></h2>
      <CommandStatus state={cmd.state} onCancel={cmd.cancel} />
      <p class="visually-hidden" role="status">{announce}</p>
      {items.length === 0 ? (
        <p class="muted">{t('dispatch.empty')}</p>
      ) : (
        <ol class="board-list" ref={list}>
          {rows.map((row) => (
            <QueueRow key={row.item.operation.id} row={row} waiting={waiting} mayMove={mayMove} sending={busy(cmd.state)} onMove={move} onPriority={setPriority}
              hold={mayHold ? <HoldControl item={row.item} sending={busy(cmd.state)} onHold={hold} onRelease={release} /> : null} />
          ))}
        </ol>
      )}
    </section>
  );
}

interface RowProps {
  readonly row: BoardRow;
  readonly waiting: number;
  readonly mayMove: boolean;
  readonly sending: boolean;
  readonly onMove: (row: BoardRow, m: Move) => Promise<void>;
  readonly onPriority: (row: BoardRow, priority: number) => Promise<void>;
  readonly hold: ComponentChildren;
}

function QueueRow({ row, waiting, mayMove, sending, onMove, onPriority, hold }: RowProps) {
  const { item, position } = row;
  const op = item.operation;
  const [priority, setPriority] = useState(String(item.priority));
  useEffect(() => setPriority(String(item.priority)), [item.priority]);
  const blocked = !item.startable && op.status === 'ready';
  const fieldId = `priority-${op.id}`;
  const parsed = Number(priority);
  const valid = priority.trim() !== '' && Number.isInteger(parsed);
  return (
    <li class={`board-row ${item.orderStatus === 'on_hold' ? 'held' : ''}`} data-order-id={item.workOrderId} data-operation-id={op.id} data-position={position ?? undefined}>
      <span class="board-place" aria-label={position === null ? t('dispatch.fixed') : t('dispatch.place', { n: position + 1 })}>
        {position === null ? '▶' : position + 1}
      </span>
      <div class="board-what">
        <a class="order-id" href={orderHref(item.workOrderId)}>{item.workOrderId}</a>
        <span>{t('terminal.step', { seq: op.seq, name: op.name })}</span>
        <span class="muted">{item.materialId}</span>
      </div>
      <div class="board-state">
        <StatusBadge kind="operation" status={op.status} />
        {item.orderStatus === 'on_hold' && <span class="badge order-on-hold">{t('terminal.orderOnHold')}</span>}
        {blocked && item.orderStatus !== 'on_hold' && <span class="muted small">{t('terminal.waitingForEarlier')}</span>}
      </div>
      <div class="board-progress"><ProgressBar good={op.good} scrap={op.scrap} planned={item.orderQuantity} /></div>
      <div class={`board-due ${late(item) ? 'late' : ''}`}>
        <span class="board-label">{t('order.due')}</span> {dateTime(item.dueAt)}{late(item) && <span class="visually-hidden"> {t('order.late')}</span>}
      </div>
      {mayMove && position !== null ? (
        <div class="board-actions">
          <span class="board-moves">
            {MOVES.map((m) => (
              <button key={m} type="button" class="button secondary small" data-action={m} disabled={sending || target(m, position, waiting) === null}
                aria-label={t(`dispatch.${m}Label`, { id: item.workOrderId })} title={t(`dispatch.${m}Label`, { id: item.workOrderId })} onClick={() => void onMove(row, m)}>
                <span aria-hidden="true">{ARROW[m]}</span> {t(`dispatch.${m}`)}
              </button>
            ))}
          </span>
          <form class="board-priority" noValidate onSubmit={(e) => { e.preventDefault(); if (valid) void onPriority(row, parsed); }}>
            <label for={fieldId}>{t('order.priority')}</label>
            <input id={fieldId} type="number" inputMode="numeric" step={1} min={-1000} max={1000} value={priority} onInput={(e) => setPriority(e.currentTarget.value)} />
            <button type="submit" class="button secondary small" data-action="priority" disabled={sending || !valid || parsed === item.priority}
              aria-label={t('dispatch.setPriorityLabel', { id: item.workOrderId })}>{t('dispatch.setPriority')}</button>
          </form>
        </div>
      ) : (
        <div class="board-actions">
          <span class="board-label">{t('order.priority')}</span> <strong>{num(item.priority)}</strong>
          {position === null && <span class="muted small"> · {t('dispatch.fixed')}</span>}
        </div>
      )}
      {hold}
    </li>
  );
}
