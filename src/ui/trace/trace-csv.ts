import type { Trace } from '../api/types.js';

/** A CSV cell: quoted when needed; a leading = + - @ neutralised so a spreadsheet never runs it as a formula. */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The trace as CSV: one row per genealogy edge, with both lots' materials and depths, the root on the first row. */
export function traceCsv(trace: Trace): string {
  const node = new Map(trace.nodes.map((n) => [n.lotId, n]));
  const rows: (string | number | null)[][] = [['direction', 'root', 'from_lot', 'from_material', 'from_depth', 'to_lot', 'to_material', 'to_depth', 'quantity', 'work_order', 'kind']];
  for (const e of trace.edges) {
    const from = node.get(e.from);
    const to = node.get(e.to);
    rows.push([trace.direction ?? '', trace.root, e.from, from?.materialId ?? '', from?.depth ?? '', e.to, to?.materialId ?? '', to?.depth ?? '', e.quantity, e.workOrderId, e.kind ?? '']);
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Offers the text (as CSV) or the file as a download. */
export function download(filename: string, content: string | Blob): void {
  const url = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type: 'text/csv;charset=utf-8' }) : content);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
