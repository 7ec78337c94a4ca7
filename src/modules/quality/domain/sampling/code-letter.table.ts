import type { CodeLetter, InspectionLevel } from './sampling.types.js';

/** The inspection levels in the column order of Table I. */
export const INSPECTION_LEVELS: readonly InspectionLevel[] = ['S-1', 'S-2', 'S-3', 'S-4', 'I', 'II', 'III'];

interface LotSizeRow {
  readonly from: number;
  readonly to: number;
  /** Code letters for S-1, S-2, S-3, S-4, I, II, III. */
  readonly letters: string;
}

/** MIL-STD-105E Table I (= ANSI/ASQ Z1.4 Table I = ISO 2859-1 Table 1): sample size code letters. */
export const LOT_SIZE_ROWS: readonly LotSizeRow[] = [
  { from: 2, to: 8, letters: 'AAAAAAB' },
  { from: 9, to: 15, letters: 'AAAAABC' },
  { from: 16, to: 25, letters: 'AABBBCD' },
  { from: 26, to: 50, letters: 'ABBCCDE' },
  { from: 51, to: 90, letters: 'BBCCCEF' },
  { from: 91, to: 150, letters: 'BBCDDFG' },
  { from: 151, to: 280, letters: 'BCDEEGH' },
  { from: 281, to: 500, letters: 'BCDEFHJ' },
  { from: 501, to: 1200, letters: 'CCEFGJK' },
  { from: 1201, to: 3200, letters: 'CDEGHKL' },
  { from: 3201, to: 10000, letters: 'CDFGJLM' },
  { from: 10001, to: 35000, letters: 'CDFHKMN' },
  { from: 35001, to: 150000, letters: 'DEGJLNP' },
  { from: 150001, to: 500000, letters: 'DEGJMPQ' },
  { from: 500001, to: Number.POSITIVE_INFINITY, letters: 'DEHKNQR' },
];

/**
 * The sample size code letter for a lot size and inspection level (Table I).
 * A lot of 1 unit, which the table does not list, takes the letter of the 2–8 row.
 * Guarantees a letter for every positive lot size and known level.
 */
export function codeLetterFor(lotSize: number, level: InspectionLevel): CodeLetter {
  const row = LOT_SIZE_ROWS.find((r) => lotSize <= r.to) ?? LOT_SIZE_ROWS[LOT_SIZE_ROWS.length - 1];
  const letter = row?.letters[INSPECTION_LEVELS.indexOf(level)];
  if (letter === undefined) throw new RangeError(`no code letter for lot size ${lotSize} at level ${level}`);
  return letter as CodeLetter;
}
