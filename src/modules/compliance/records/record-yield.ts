import type { JournalEvent } from '../../../platform/journal/journal.repository.js';
import { decimal } from '../../../platform/http/fields.js';
import { bomBand } from '../../production/index.js';
import type { BomLineSnapshot, MaterialReconciliation, OperationSection, OperationYield, OrderSnapshot, RecordException, YieldSection } from './batch-record.types.js';
import { when } from './record-event.fields.js';

const EPS = 1e-9;

/** Rounds half up to 2 decimals, after `decimal` has taken away the float noise (97.335 stays 97.34). */
const twoDecimals = (n: number): number => Math.round(decimal(n * 100)) / 100;
/** Sums and differences of quantities to 12 significant digits: 9.7 - 9.6 is 0.1 (`decimal`'s 15 keep the cancellation noise, 0.0999999999999996). */
const tidy = (n: number): number => (Number.isFinite(n) ? Number(n.toPrecision(12)) : n);
const sum = (xs: readonly number[]): number => tidy(xs.reduce((s, x) => s + x, 0));

/**
 * A BOM line's consumption against what the BOM asks for the units its operation put out, good and scrap (scrapped
 * units used their material too, and scrap is an exception of its own): the output OVER_CONSUMPTION measures too.
 */
function reconcile(line: BomLineSnapshot, planned: number, perOp: readonly OperationYield[], operations: readonly OperationSection[]): MaterialReconciliation {
  const consumed = sum(operations.flatMap((o) => o.consumed.filter((c) => c.materialId === line.materialId).map((c) => c.quantity)));
  const at = perOp.find((o) => o.seq === line.operationSeq);
  const output = at ? tidy(at.good + at.scrap) : 0;
  const band = bomBand(line, output);
  return {
    line: line.line, materialId: line.materialId, uom: line.uom, operationSeq: line.operationSeq, perUnit: line.quantity, tolerance: line.tolerance,
    forPlanned: bomBand(line, planned).quantity, output, forOutput: band.quantity, consumed, difference: tidy(consumed - band.quantity),
    withinTolerance: consumed >= band.low - EPS && consumed <= band.high + EPS,
  };
}

/**
 * The yield of the order from its operation sections: good and scrap reported per operation, the last operation's
 * as the order's output, the produced lots' total, actual yield as a percentage of the planned quantity, and each BOM
 * line's consumption against what the BOM asks for the planned quantity and for the output of its operation. Pure.
 */
export function yieldOf(snapshot: OrderSnapshot, operations: readonly OperationSection[]): YieldSection {
  const perOp: OperationYield[] = operations.map((o) => ({ operationId: o.id, seq: o.seq, name: o.name, good: sum(o.reports.map((r) => r.good)), scrap: sum(o.reports.map((r) => r.scrap)) }));
  const last = [...perOp].sort((a, b) => b.seq - a.seq)[0];
  const good = last?.good ?? 0;
  return {
    theoretical: snapshot.quantity,
    operations: perOp,
    good,
    scrap: last?.scrap ?? 0,
    producedLots: sum(operations.flatMap((o) => o.produced.map((p) => p.quantity))),
    actualPercent: snapshot.quantity > 0 ? twoDecimals((good / snapshot.quantity) * 100) : null,
    materials: [...snapshot.bom].sort((a, b) => a.line - b.line).map((line) => reconcile(line, snapshot.quantity, perOp, operations)),
  };
}

const signed = (n: number): string => `${n > 0 ? '+' : ''}${n}`;

/**
 * The discrepancies of a finished order's yield, as exceptions a reviewer must see: the produced lots' total differs
 * from the good reported at the last operation, or a BOM material's consumption lies outside its tolerance around
 * what the BOM asks for its operation's output. Derived from the whole record, so they stand at the event that finished the
 * order (its completion, or its closing); none while the order is not finished.
 */
export function yieldExceptions(y: YieldSection, finished: JournalEvent | undefined, operations: readonly OperationSection[]): RecordException[] {
  if (!finished) return [];
  const at = (operationId: string | null, summary: string): RecordException => ({ kind: 'yield', seq: finished.seq, at: when(finished.at), actor: finished.actor, operationId, summary, reason: null });
  const lastOp = [...y.operations].sort((a, b) => b.seq - a.seq)[0];
  const out: RecordException[] = [];
  if (Math.abs(y.producedLots - y.good) > EPS) {
    out.push(at(lastOp?.operationId ?? null, `output lots total ${y.producedLots}, good reported at the last operation ${y.good} (${signed(tidy(y.producedLots - y.good))})`));
  }
  for (const m of y.materials.filter((x) => !x.withinTolerance)) {
    const share = m.forOutput > 0 ? ` (${signed(twoDecimals((m.difference / m.forOutput) * 100))} %, tolerance ${twoDecimals(m.tolerance * 100)} %)` : '';
    out.push(at(operations.find((o) => o.seq === m.operationSeq)?.id ?? null, `${m.materialId} consumed ${m.consumed} ${m.uom}, the BOM asks ${m.forOutput} ${m.uom} for the ${m.output} units operation ${m.operationSeq} put out${share}`));
  }
  return out;
}
