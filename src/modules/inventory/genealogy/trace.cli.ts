import type { TraceEdge, TraceResult } from './trace-graph.js';

interface Frame {
  readonly lotId: string;
  readonly via: TraceEdge | null;
  /** The tree's drawing for the lines above this one ("│  " or "   " per level). */
  readonly indent: string;
  readonly last: boolean;
}

function edgeLabel(e: TraceEdge, arrow: string): string {
  const how = e.kind === 'consume' ? `in ${e.workOrderId ?? '?'}` : e.kind;
  return `${arrow} ${e.quantity} ${how}`;
}

/**
 * The trace for people: an indented tree from the root, one line per edge walked. A lot met again (a merge, a diamond,
 * a rework loop) is printed once in full and then marked "(see above)", so the output stays finite and every lot
 * still shows where it joins. With `json`, the result exactly as the API answers it.
 */
export function printTrace(result: TraceResult, options: { json: boolean }): string {
  if (options.json) return `${JSON.stringify(result, null, 2)}\n`;
  const backward = result.direction === 'backward';
  const material = new Map(result.nodes.map((n) => [n.lotId, n.materialId]));
  const children = new Map<string, TraceEdge[]>();
  for (const e of result.edges) {
    const key = backward ? e.to : e.from;
    children.set(key, [...(children.get(key) ?? []), e]);
  }
  const lines = [`${backward ? 'Backward' : 'Forward'} trace of lot ${result.root}: ${result.nodes.length} lots, ${result.edges.length} edges`];
  const shown = new Set<string>();
  const stack: Frame[] = [{ lotId: result.root, via: null, indent: '', last: true }];
  while (stack.length > 0) {
    const f = stack.pop() as Frame;
    const branch = f.via === null ? '' : f.last ? '└─ ' : '├─ ';
    const via = f.via === null ? '' : `  ${edgeLabel(f.via, backward ? '←' : '→')}`;
    const again = shown.has(f.lotId);
    lines.push(`${f.indent}${branch}${f.lotId} (${material.get(f.lotId) ?? 'unknown material'})${via}${again ? '  (see above)' : ''}`);
    if (again) continue;
    shown.add(f.lotId);
    const kids = children.get(f.lotId) ?? [];
    const indent = f.via === null ? '' : `${f.indent}${f.last ? '   ' : '│  '}`;
    // Pushed in reverse so the first child is printed first.
    for (let i = kids.length - 1; i >= 0; i -= 1) {
      const e = kids[i] as TraceEdge;
      stack.push({ lotId: backward ? e.from : e.to, via: e, indent, last: i === kids.length - 1 });
    }
  }
  if (result.summary) {
    const s = result.summary;
    lines.push('', `Recall scope: ${s.lots} lots`, `  end lots, finished goods or stock not used yet (${s.finishedLots.length}): ${s.finishedLots.join(', ') || 'none'}`, `  work orders (${s.workOrders.length}): ${s.workOrders.join(', ') || 'none'}`);
    if (s.workInProgress) lines.push(`  work in progress (${s.workInProgress.length}): ${s.workInProgress.join(', ') || 'none'}`);
  }
  return `${lines.join('\n')}\n`;
}
