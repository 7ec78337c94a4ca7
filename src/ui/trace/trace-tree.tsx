import type { Trace, TraceEdge } from '../api/types.js';
import { num } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { lotHref, orderHref } from '../router.js';

interface Props {
  readonly trace: Trace;
}

/**
 * The genealogy as a tree from the root lot: each lot under the lot it went into (backward) or came from (forward).
 * A lot reached a second time (a merge, a split rejoined) is named again with a mark instead of being expanded twice,
 * so the tree stays finite and merges stay visible.
 */
export function TraceTree({ trace }: Props) {
  const backward = trace.direction !== 'forward';
  const material = new Map(trace.nodes.map((n) => [n.lotId, n.materialId]));
  const children = new Map<string, TraceEdge[]>();
  for (const e of trace.edges) {
    const parent = backward ? e.to : e.from;
    children.set(parent, [...(children.get(parent) ?? []), e]);
  }
  const parents = new Map<string, number>();
  for (const e of trace.edges) {
    const child = backward ? e.from : e.to;
    parents.set(child, (parents.get(child) ?? 0) + 1);
  }
  const shown = new Set<string>();

  const render = (lotId: string, via: TraceEdge | null, depth: number) => {
    const again = shown.has(lotId);
    shown.add(lotId);
    const kids = again ? [] : (children.get(lotId) ?? []);
    return (
      <li key={`${lotId}-${via?.from ?? ''}-${via?.to ?? ''}-${depth}`} class={`trace-node ${again ? 'repeat' : ''}`} data-lot={lotId}>
        <div class="trace-line">
          <a href={lotHref(lotId)} class="trace-lot">{lotId}</a>
          <span class="trace-material">{material.get(lotId) ?? '?'}</span>
          {via && <span class="trace-qty">{t('trace.qty', { q: num(via.quantity) })}</span>}
          {via?.workOrderId && <a class="trace-order" href={orderHref(via.workOrderId)}>{via.workOrderId}</a>}
          {via && !via.workOrderId && via.kind && <span class="trace-kind">{t(`trace.kind.${via.kind === 'merge' ? 'merge' : 'split'}`)}</span>}
          {(parents.get(lotId) ?? 0) > 1 && !again && <span class="trace-merge">{t('trace.merge')}</span>}
          {again && <span class="trace-repeat">{t('trace.shownAbove')}</span>}
        </div>
        {kids.length > 0 && <ul>{kids.map((e) => render(backward ? e.from : e.to, e, depth + 1))}</ul>}
      </li>
    );
  };
  return <ul class="trace-tree" aria-label={backward ? t('trace.backward') : t('trace.forward')}>{render(trace.root, null, 0)}</ul>;
}
