import { codeLetterFor } from './code-letter.table.js';
import type { CodeLetter, InspectionSeverity, SamplingPlan, SamplingPlanRequest } from './sampling.types.js';
import { AQL_VALUES, MASTER_TABLES, type MasterTable, type TableCell } from './single-sampling.tables.js';

type Found = { readonly row: number; readonly accept: number; readonly reject: number };

function planAt(cell: TableCell | undefined): { accept: number; reject: number } | undefined {
  return cell?.kind === 'plan' ? { accept: cell.accept, reject: cell.reject } : undefined;
}

/** The first plan met walking the column from `start` in `step` direction, or undefined past the table's edge. */
function walk(table: MasterTable, column: number, start: number, step: 1 | -1): Found | undefined {
  for (let row = start + step; row >= 0 && row < table.rows.length; row += step) {
    const plan = planAt(table.rows[row]?.cells[column]);
    if (plan) return { row, ...plan };
  }
  return undefined;
}

/**
 * Follows the table from a code letter's cell to the plan it designates: the cell's own plan, or the first plan
 * below a ↓ / above a ↑. Only one printed arrow points off its table (↑ in row A at AQL 10, normal and reduced):
 * there the first plan on the other side is used, as no plan exists where the arrow points.
 */
function resolve(table: MasterTable, startRow: number, column: number): Found {
  const cell = table.rows[startRow]?.cells[column];
  const own = planAt(cell);
  if (own) return { row: startRow, ...own };
  const step = cell?.kind === 'up' ? -1 : 1;
  const found = walk(table, column, startRow, step) ?? walk(table, column, startRow, step === 1 ? -1 : 1);
  if (!found) throw new RangeError(`no plan in AQL column ${column}`);
  return found;
}

/** A plan as a master table designates it, before the lot size is considered. */
export interface TablePlan {
  readonly planLetter: CodeLetter;
  readonly sampleSize: number;
  readonly accept: number;
  readonly reject: number;
}

/**
 * The plan that a master table designates for a code letter and AQL: the cell's own plan, or the one its arrow
 * points to. Guarantees `accept < reject`; throws a RangeError for an AQL or letter the table does not have.
 */
export function tablePlan(severity: InspectionSeverity, codeLetter: CodeLetter, aql: number): TablePlan {
  const table = MASTER_TABLES[severity];
  const column = AQL_VALUES.indexOf(aql);
  const startRow = table.rows.findIndex((r) => r.letter === codeLetter);
  if (column < 0 || startRow < 0) throw new RangeError(`no table cell for AQL ${aql}, letter ${codeLetter}`);
  const found = resolve(table, startRow, column);
  const row = table.rows[found.row];
  if (!row) throw new RangeError(`no table row ${found.row}`);
  return { planLetter: row.letter, sampleSize: row.sampleSize, accept: found.accept, reject: found.reject };
}

/**
 * The ANSI/ASQ Z1.4 (ISO 2859-1, MIL-STD-105E) single sampling plan for a lot.
 * Expects a request that `validateSamplingPlanRequest` accepts.
 * Guarantees: the code letter is the one of Table I; arrows are resolved to the plan they designate;
 * `accept < reject`; when the designated sample is at least the lot size, every unit is inspected
 * (`hundredPercent`, sampleSize = lotSize, accept 0, reject 1), so sampleSize never exceeds the lot size.
 */
export function samplingPlan(request: SamplingPlanRequest): SamplingPlan {
  const codeLetter = codeLetterFor(request.lotSize, request.level);
  const plan = tablePlan(request.severity, codeLetter, request.aql);
  if (plan.sampleSize >= request.lotSize) {
    return { codeLetter, planLetter: plan.planLetter, sampleSize: request.lotSize, accept: 0, reject: 1, hundredPercent: true };
  }
  return { codeLetter, ...plan, hundredPercent: false };
}
