import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

/** Page geometry: A4 portrait in points, with room for the running header and footer. */
export const PAGE = { width: 595.28, height: 841.89, margin: 42, top: 70, bottom: 60 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const GRID = '#999999';
const SHADE = '#e8e8e8';

export interface Column {
  readonly title: string;
  /** Share of the content width. */
  readonly width: number;
  readonly align?: 'left' | 'right';
}

/** Starts a new page when less than `needed` points are left, and puts the cursor at the top of the body. */
export function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > PAGE.height - PAGE.bottom) {
    doc.addPage();
    doc.y = PAGE.top;
  }
}

export function heading(doc: Doc, text: string, size = 13): void {
  ensureSpace(doc, size + 40);
  doc.moveDown(0.6).font(BOLD).fontSize(size).fillColor('black').text(text, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.25);
}

export function paragraph(doc: Doc, text: string, options: { bold?: boolean; size?: number; color?: string } = {}): void {
  // A bold line heads a table: keep it with at least two rows of it.
  ensureSpace(doc, options.bold ? 48 : 16);
  if (options.bold) doc.moveDown(0.3);
  doc.font(options.bold ? BOLD : FONT).fontSize(options.size ?? 9).fillColor(options.color ?? 'black').text(text, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
}

/** Label/value pairs in two columns, as a header block. */
export function fields(doc: Doc, pairs: readonly (readonly [string, string])[]): void {
  const half = CONTENT_WIDTH / 2;
  for (let i = 0; i < pairs.length; i += 2) {
    ensureSpace(doc, 14);
    const y = doc.y;
    pairs.slice(i, i + 2).forEach(([label, value], j) => {
      const x = PAGE.margin + j * half;
      doc.font(BOLD).fontSize(8.5).fillColor('#333333').text(label, x, y, { width: 95 });
      doc.font(FONT).fontSize(8.5).fillColor('black').text(value, x + 98, y, { width: half - 102 });
    });
    doc.y = y + 13;
  }
}

function rowHeight(doc: Doc, cells: readonly string[], widths: readonly number[], bold: boolean): number {
  doc.font(bold ? BOLD : FONT).fontSize(7.5);
  return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 6 }))) + 6;
}

function drawRow(doc: Doc, cells: readonly string[], columns: readonly Column[], widths: readonly number[], shade: boolean): void {
  const h = rowHeight(doc, cells, widths, shade);
  const y = doc.y;
  let x = PAGE.margin;
  if (shade) doc.rect(PAGE.margin, y, CONTENT_WIDTH, h).fill(SHADE);
  doc.lineWidth(0.5).strokeColor(GRID);
  cells.forEach((cell, i) => {
    const w = widths[i]!;
    doc.rect(x, y, w, h).stroke();
    doc.font(shade ? BOLD : FONT).fontSize(7.5).fillColor('black').text(cell, x + 3, y + 3, { width: w - 6, align: columns[i]!.align ?? 'left' });
    x += w;
  });
  doc.y = y + h;
  doc.x = PAGE.margin;
}

/** A table with a shaded header row, repeated on every page it runs onto; an empty table prints `empty`. */
export function table(doc: Doc, columns: readonly Column[], rows: readonly (readonly string[])[], empty = 'None.'): void {
  if (rows.length === 0) {
    paragraph(doc, empty, { color: '#555555' });
    return;
  }
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * CONTENT_WIDTH);
  const titles = columns.map((c) => c.title);
  ensureSpace(doc, rowHeight(doc, titles, widths, true) + rowHeight(doc, rows[0]!, widths, false));
  drawRow(doc, titles, columns, widths, true);
  for (const row of rows) {
    if (doc.y + rowHeight(doc, row, widths, false) > PAGE.height - PAGE.bottom) {
      doc.addPage();
      doc.y = PAGE.top;
      drawRow(doc, titles, columns, widths, true);
    }
    drawRow(doc, row, columns, widths, false);
  }
  doc.moveDown(0.3);
}

/** A block a person signs by hand on the printed record: name, signature, date/time, meaning. */
export function signatureBlock(doc: Doc, title: string, meaning: string): void {
  ensureSpace(doc, 92);
  const y = doc.y + 4;
  doc.lineWidth(0.8).strokeColor('black').rect(PAGE.margin, y, CONTENT_WIDTH, 80).stroke();
  doc.font(BOLD).fontSize(9).fillColor('black').text(title, PAGE.margin + 6, y + 6);
  const labels = ['Printed name', 'Signature', 'Date / time', `Meaning: ${meaning}`];
  const w = (CONTENT_WIDTH - 12) / 4;
  labels.forEach((label, i) => {
    const x = PAGE.margin + 6 + i * w;
    doc.moveTo(x + 2, y + 58).lineTo(x + w - 8, y + 58).stroke();
    doc.font(FONT).fontSize(7.5).text(label, x + 2, y + 62, { width: w - 10 });
  });
  doc.y = y + 88;
}

/** Header and footer on every buffered page: what the record is and page x of y. */
export function runningHeaderFooter(doc: Doc, header: string, footer: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing in the margins must not trigger pdfkit's automatic page break.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(BOLD).fontSize(8).fillColor('black').text(header, PAGE.margin, 28, { width: CONTENT_WIDTH, lineBreak: false });
    doc.lineWidth(0.5).strokeColor('black').moveTo(PAGE.margin, 42).lineTo(PAGE.width - PAGE.margin, 42).stroke();
    doc.moveTo(PAGE.margin, PAGE.height - 42).lineTo(PAGE.width - PAGE.margin, PAGE.height - 42).stroke();
    doc.font(FONT).fontSize(7.5).text(footer, PAGE.margin, PAGE.height - 36, { width: CONTENT_WIDTH - 80, lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, PAGE.width - PAGE.margin - 80, PAGE.height - 36, { width: 80, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
