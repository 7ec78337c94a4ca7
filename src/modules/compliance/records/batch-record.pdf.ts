import PDFDocument from 'pdfkit';
import type { BatchRecord, OperationSection, YieldSection } from './batch-record.types.js';
import { fields, heading, PAGE, paragraph, runningHeaderFooter, signatureBlock, table } from './pdf-layout.js';

type Doc = InstanceType<typeof PDFDocument>;

/** An ISO time as a reviewer reads it: date and time to the second, UTC. */
export function printedTime(isoTime: string | null): string {
  return isoTime === null ? '-' : `${isoTime.slice(0, 10)} ${isoTime.slice(11, 19)} UTC`;
}

const qty = (n: number | null): string => (n === null ? '-' : String(Math.round(n * 1e6) / 1e6));
const short = (hash: string | null): string => (hash === null ? '-' : `${hash.slice(0, 16)}...`);
const ACTION_NAMES: Record<string, string> = { 'operation.started': 'started', 'operation.paused': 'paused', 'operation.resumed': 'resumed', 'operation.completed': 'completed' };

function operation(doc: Doc, op: OperationSection): void {
  heading(doc, `Operation ${op.seq}: ${op.name}`, 11);
  fields(doc, [['Work center', op.workCenterId], ['Equipment', op.equipmentId ?? '-'], ['Status', op.status], ['Labour', `${qty(op.labourMinutes)} min`]]);
  table(doc, [{ title: 'Step', width: 2 }, { title: 'Date / time', width: 3 }, { title: 'By', width: 2 }, { title: 'Equipment', width: 2 }, { title: 'Reason', width: 4 }],
    op.steps.map((s) => [ACTION_NAMES[s.action] ?? s.action, printedTime(s.at), s.actor, s.equipmentId ?? '', s.reason ?? '']), 'Not started.');
  paragraph(doc, 'Materials consumed', { bold: true });
  table(doc, [{ title: 'Lot', width: 3 }, { title: 'Material', width: 3 }, { title: 'Quantity', width: 2, align: 'right' }, { title: 'Date / time', width: 3 }, { title: 'By', width: 2 }],
    op.consumed.map((c) => [c.lotId, c.materialId, qty(c.quantity), printedTime(c.at), c.actor]));
  if (op.produced.length > 0 || op.reports.length > 0) {
    paragraph(doc, 'Output', { bold: true });
    table(doc, [{ title: 'What', width: 2 }, { title: 'Lot / reason', width: 4 }, { title: 'Good', width: 1.5, align: 'right' }, { title: 'Scrap', width: 1.5, align: 'right' }, { title: 'Date / time', width: 3 }, { title: 'By', width: 2 }], [
      ...op.produced.map((p) => ['lot produced', p.lotId, qty(p.quantity), '', printedTime(p.at), p.actor]),
      ...op.reports.map((r) => ['reported', r.scrapReason ?? '', qty(r.good), qty(r.scrap), printedTime(r.at), r.actor]),
    ]);
  }
  if (op.inspections.length > 0) {
    paragraph(doc, 'Inspections against specification', { bold: true });
    table(doc, [{ title: 'Characteristic', width: 2.5 }, { title: 'Values', width: 3.5 }, { title: 'Limits', width: 2.5 }, { title: 'Result', width: 1.5 }, { title: 'Date / time', width: 3 }, { title: 'By', width: 2 }],
      op.inspections.map((i) => [
        i.characteristic, i.values.map((v) => `${v.value === null ? (v.pass ? 'pass' : 'fail') : qty(v.value)}${v.pass ? '' : ' (OUT)'}`).join(', '),
        i.lsl === null && i.usl === null ? '-' : `${qty(i.lsl)} .. ${qty(i.usl)}`, i.pass ? 'PASS' : `FAIL (${i.outcome})`, printedTime(i.at), i.actor,
      ]));
  }
  if (op.nonconformances.length > 0) {
    paragraph(doc, 'Deviations and nonconformances', { bold: true });
    table(doc, [{ title: 'Nonconformance', width: 2 }, { title: 'Event', width: 3 }, { title: 'Detail', width: 2.5 }, { title: 'Reason', width: 4 }, { title: 'Date / time', width: 3 }, { title: 'By', width: 2 }],
      op.nonconformances.map((n) => [n.id, n.action.replace('nonconformance.', ''), n.summary, n.reason ?? '', printedTime(n.at), n.actor]));
  }
  if (op.labour.length > 0) {
    paragraph(doc, 'Labour', { bold: true });
    table(doc, [{ title: 'Person', width: 3 }, { title: 'On', width: 3 }, { title: 'Off', width: 3 }, { title: 'Minutes', width: 2, align: 'right' }, { title: 'Clocked by', width: 2 }],
      op.labour.map((l) => [l.personId, printedTime(l.on), l.off === null ? 'still on' : printedTime(l.off), l.minutes === null ? '-' : qty(l.minutes), l.by]));
  }
}

const percent = (n: number): string => `${qty(Math.round(n * 1e4) / 100)} %`;

/** The yield (21 CFR 211.188(b)(7)): actual against theoretical per operation and for the order, then the materials reconciled. */
function yieldSection(doc: Doc, y: YieldSection): void {
  heading(doc, 'Yield');
  fields(doc, [
    ['Theoretical', qty(y.theoretical)], ['Actual (good)', qty(y.good)],
    ['Actual yield', y.actualPercent === null ? '-' : `${qty(y.actualPercent)} % of theoretical`], ['Output lots', qty(y.producedLots)],
  ]);
  paragraph(doc, 'Actual yield = good reported at the last operation / planned quantity x 100, rounded half up to 2 decimals.', { size: 7.5, color: '#555555' });
  const ofPlan = (n: number): string => (y.theoretical > 0 ? percent(n / y.theoretical) : '-');
  table(doc, [{ title: 'Op', width: 1 }, { title: 'Operation', width: 5 }, { title: 'Good', width: 2, align: 'right' }, { title: 'Scrap', width: 2, align: 'right' }, { title: 'Good of theoretical', width: 3, align: 'right' }],
    y.operations.map((o) => [String(o.seq), o.name, qty(o.good), qty(o.scrap), ofPlan(o.good)]));
  paragraph(doc, 'Material reconciliation', { bold: true });
  table(doc, [
    { title: 'Material', width: 3 }, { title: 'Op', width: 1 }, { title: 'Per unit', width: 2, align: 'right' }, { title: 'Tolerance', width: 1.7, align: 'right' },
    { title: 'For planned', width: 2.2, align: 'right' }, { title: 'For output', width: 2.2, align: 'right' }, { title: 'Consumed', width: 2.2, align: 'right' },
    { title: 'Difference', width: 2.2, align: 'right' }, { title: 'Result', width: 1.8 },
  ], y.materials.map((m) => [
    `${m.materialId} (${m.uom})`, String(m.operationSeq), qty(m.perUnit), percent(m.tolerance), qty(m.forPlanned), qty(m.forOutput), qty(m.consumed),
    `${m.difference > 0 ? '+' : ''}${qty(m.difference)}`, m.withinTolerance ? 'within' : 'OUTSIDE',
  ]), 'The order has no BOM.');
}

/**
 * Renders the record as a PDF a reviewer can sign: A4, running header and footer (order, product, page x of y),
 * exceptions first, each operation with its tables, amendments after release, the journal range and content hash,
 * the electronic signatures, and blocks for handwritten signatures where none were given yet.
 */
export function renderBatchRecordPdf(record: BatchRecord, materialName: string | null): Promise<Buffer> {
  const c = record.content;
  const h = c.header;
  const doc = new PDFDocument({ size: 'A4', bufferPages: true, margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin }, info: { Title: `Batch record ${h.workOrderId}`, Producer: 'Takt' } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(16).text(`Batch Record  ${h.workOrderId}`, PAGE.margin, PAGE.top);
  const state = record.release
    ? `RELEASED ${printedTime(record.release.at)} by ${record.release.actor}: content hash ${record.release.verified ? 'verified' : 'DOES NOT MATCH the released hash'}`
    : 'NOT RELEASED: live record, content may still change';
  paragraph(doc, state, { size: 10, color: record.release && !record.release.verified ? '#b00000' : 'black' });
  doc.moveDown(0.4);
  fields(doc, [
    ['Product', `${h.materialId}${materialName ? ` (${materialName})` : ''}`], ['Revision', String(h.revision)],
    ['Planned quantity', qty(h.plannedQuantity)], ['Tolerance', `${qty(h.tolerance * 100)} %`],
    ['Good quantity', qty(h.goodQuantity)], ['Scrap quantity', qty(h.scrapQuantity)],
    ['Status', h.status], ['Due', printedTime(h.dueAt)],
    ['Created', printedTime(h.createdAt)], ['Released', printedTime(h.releasedAt)],
    ['Started', printedTime(h.startedAt)], ['Completed', printedTime(h.completedAt)],
    ['Closed', printedTime(h.closedAt)], ['Labour', `${qty(c.labourMinutes)} min`],
  ]);

  heading(doc, `Exceptions (${c.exceptions.length}): review these first`);
  table(doc, [{ title: 'Kind', width: 2 }, { title: 'Op', width: 0.8 }, { title: 'What', width: 5.5 }, { title: 'Reason', width: 4 }, { title: 'Date / time', width: 3 }, { title: 'By', width: 2.7 }],
    c.exceptions.map((e) => [e.kind, c.operations.find((o) => o.id === e.operationId)?.seq.toString() ?? '', e.summary, e.reason ?? '', printedTime(e.at), e.actor]), 'No exceptions: nothing out of the ordinary was recorded.');

  heading(doc, 'Order history');
  table(doc, [{ title: 'Event', width: 3 }, { title: 'Date / time', width: 3 }, { title: 'By', width: 2 }, { title: 'Reason', width: 6 }], c.orderHistory.map((s) => [s.action.replace('work-order.', ''), printedTime(s.at), s.actor, s.reason ?? '']));

  heading(doc, 'Operations');
  for (const op of c.operations) operation(doc, op);
  // A record released under rules before 3 has no yield section: it prints as it was signed.
  if (c.yield) yieldSection(doc, c.yield);

  if (record.released) {
    heading(doc, `Amendments after release (${record.amendments.length})`);
    table(doc, [{ title: 'Seq', width: 1 }, { title: 'What', width: 7 }, { title: 'Reason', width: 4 }, { title: 'Date / time', width: 3 }, { title: 'By', width: 2 }],
      record.amendments.map((a) => [String(a.seq), a.summary, a.reason ?? '', printedTime(a.at), a.actor]), 'None: nothing happened on this order after its release.');
  }

  heading(doc, 'Journal range and integrity');
  fields(doc, [
    ['Events covered', String(c.journal.events)], ['Content hash', short(record.contentHash)],
    ['First event', `seq ${c.journal.firstSeq ?? '-'}  ${short(c.journal.firstHash)}`], ['Last event', `seq ${c.journal.lastSeq ?? '-'}  ${short(c.journal.lastHash)}`],
  ]);
  paragraph(doc, `Full content hash (SHA-256): ${record.contentHash}`, { size: 7.5 });
  paragraph(doc, `Generated ${printedTime(record.generatedAt)} from the hash-chained journal; GET /api/v1/journal/verify proves the chain.`, { size: 7.5, color: '#555555' });

  heading(doc, 'Signatures');
  const signatures = [...c.signatures, ...(record.release?.signatures ?? [])];
  table(doc, [{ title: 'Printed name', width: 3 }, { title: 'User', width: 2 }, { title: 'Meaning', width: 2 }, { title: 'Signed for', width: 3 }, { title: 'Date / time', width: 3 }, { title: 'Comment', width: 3 }],
    signatures.map((s) => [s.printedName, s.signer, s.meaning, s.signedAction, printedTime(s.signedAt), s.comment ?? '']), 'No electronic signatures yet.');
  // Blocks to sign on paper only while the record is open: a released record is signed already.
  if (!record.released && record.reviews.length === 0) signatureBlock(doc, 'Reviewed by (quality)', 'reviewed');
  if (!record.released) signatureBlock(doc, 'Approved for release by', 'approved');

  runningHeaderFooter(doc, `Batch record ${h.workOrderId} | ${h.materialId} rev ${h.revision} | ${record.released ? 'RELEASED' : 'NOT RELEASED'}`, `Takt batch record ${h.workOrderId} | content ${short(record.contentHash)} | generated ${printedTime(record.generatedAt)}`);
  doc.end();
  return done;
}
