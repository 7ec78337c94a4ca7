import { describe, expect, it } from 'vitest';
import { codeLetterFor, INSPECTION_LEVELS } from './code-letter.table.js';
import type { InspectionLevel } from './sampling.types.js';

// Table I of MIL-STD-105E / ANSI/ASQ Z1.4, read down each level's column (lot sizes 2–8 … 500 001 and over).
const COLUMNS: Record<InspectionLevel, string> = {
  'S-1': 'AAAABBBBCCCCDDD',
  'S-2': 'AAABBBCCCDDDEEE',
  'S-3': 'AABBCCDDEEFFGGH',
  'S-4': 'AABCCDEEFGGHJJK',
  I: 'AABCCDEFGHJKLMN',
  II: 'ABCDEFGHJKLMNPQ',
  III: 'BCDEFGHJKLMNPQR',
};
const RANGES: [number, number][] = [
  [2, 8], [9, 15], [16, 25], [26, 50], [51, 90], [91, 150], [151, 280], [281, 500], [501, 1200], [1201, 3200],
  [3201, 10000], [10001, 35000], [35001, 150000], [150001, 500000], [500001, 1e12],
];

describe('codeLetterFor (Table I)', () => {
  for (const level of INSPECTION_LEVELS) {
    it(`gives level ${level} the published letter at both ends of every lot size range`, () => {
      RANGES.forEach(([from, to], row) => {
        const expected = COLUMNS[level][row];
        expect(codeLetterFor(from, level), `${level} lot ${from}`).toBe(expected);
        expect(codeLetterFor(to, level), `${level} lot ${to}`).toBe(expected);
      });
    });
  }

  it('reaches every code letter A … R from some level and lot size', () => {
    const reached = new Set(INSPECTION_LEVELS.flatMap((level) => RANGES.map(([from]) => codeLetterFor(from, level))));
    expect([...reached].sort().join('')).toBe('ABCDEFGHJKLMNPQR');
  });

  it('gives a lot of one unit the letter of the smallest listed lots', () => {
    expect(codeLetterFor(1, 'II')).toBe('A');
    expect(codeLetterFor(1, 'III')).toBe('B');
  });

  it('matches the worked example: a lot of 1000 at level II is code letter J', () => {
    expect(codeLetterFor(1000, 'II')).toBe('J');
  });
});
