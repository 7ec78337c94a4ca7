import { describe, expect, it } from 'vitest';
import { AQL_VALUES, MASTER_TABLES, type TableCell } from './single-sampling.tables.js';

const plans = (cells: readonly TableCell[]) => cells.flatMap((c) => (c.kind === 'plan' ? [`${c.accept}/${c.reject}`] : []));
const sizes = (severity: keyof typeof MASTER_TABLES) => MASTER_TABLES[severity].rows.map((r) => `${r.letter}${r.sampleSize}`).join(' ');

describe('single sampling master tables II-A, II-B, II-C', () => {
  it('use the 26 AQL columns of the standard, 0.010 to 1000', () => {
    expect(AQL_VALUES).toHaveLength(26);
    expect(AQL_VALUES[0]).toBe(0.01);
    expect(AQL_VALUES[25]).toBe(1000);
  });

  it('give each code letter its published sample size', () => {
    expect(sizes('normal')).toBe('A2 B3 C5 D8 E13 F20 G32 H50 J80 K125 L200 M315 N500 P800 Q1250 R2000');
    expect(sizes('tightened')).toBe('A2 B3 C5 D8 E13 F20 G32 H50 J80 K125 L200 M315 N500 P800 Q1250 R2000 S3150');
    expect(sizes('reduced')).toBe('A2 B2 C2 D3 E5 F8 G13 H20 J32 K50 L80 M125 N200 P315 Q500 R800');
  });

  it('hold only the Ac/Re pairs each table prints, with the gap in reduced inspection', () => {
    const distinct = (severity: keyof typeof MASTER_TABLES) =>
      [...new Set(MASTER_TABLES[severity].rows.flatMap((r) => plans(r.cells)))].sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
    expect(distinct('normal')).toEqual(['0/1', '1/2', '2/3', '3/4', '5/6', '7/8', '10/11', '14/15', '21/22', '30/31', '44/45']);
    expect(distinct('tightened')).toEqual(['0/1', '1/2', '2/3', '3/4', '5/6', '8/9', '12/13', '18/19', '27/28', '41/42']);
    expect(distinct('reduced')).toEqual(['0/1', '0/2', '1/3', '1/4', '2/5', '3/6', '5/8', '7/10', '10/13', '14/17', '21/24']);
  });

  it('are diagonal: one letter down and one AQL column left give the same plan', () => {
    for (const table of Object.values(MASTER_TABLES)) {
      table.rows.forEach((row, r) => {
        row.cells.forEach((cell, a) => {
          const below = table.rows[r + 1]?.cells[a - 1];
          if (cell.kind === 'plan' && below?.kind === 'plan') expect(below).toEqual(cell);
        });
      });
    }
  });

  it('list in row J of Table II-A the plans of the level II normal table (Re 2, 3, 4, 6, 8, 11, 15, 22 for AQL 0.65 … 15)', () => {
    const j = MASTER_TABLES.normal.rows.find((r) => r.letter === 'J');
    expect(plans(j?.cells.slice(9, 17) ?? [])).toEqual(['1/2', '2/3', '3/4', '5/6', '7/8', '10/11', '14/15', '21/22']);
  });

  it('put the extra tightened row S (3150) only under AQL 0.025, with Ac 1 Re 2', () => {
    const s = MASTER_TABLES.tightened.rows.find((r) => r.letter === 'S');
    expect(s?.cells.map((c) => c.kind).filter((k) => k === 'plan')).toHaveLength(1);
    expect(s?.cells[2]).toEqual({ kind: 'plan', accept: 1, reject: 2 });
  });
});
