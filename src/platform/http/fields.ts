import { z } from 'zod';
import { BOUND_MESSAGE, withinBound } from '../numbers/measurement-bound.js';

/** A client-chosen natural key: 1..100 printable characters without slashes or spaces at the ends. */
export const idField = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must start with a letter or digit and contain only letters, digits, . _ : -');

/** A human-readable name. */
export const nameField = z.string().trim().min(1).max(200);

/** A free-text reason. */
export const reasonField = z.string().trim().min(1).max(1000);

/** Significant digits of the shortest decimal form that reads back as the same number. */
export function significantDigits(n: number): number {
  const mantissa = String(Math.abs(n)).toLowerCase().split('e')[0] ?? '';
  return mantissa.replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
}

/** A computed quantity to 15 significant digits, as quantities come in: 26.400000000000002 → 26.4. */
export function decimal(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : n;
}

/**
 * The largest quantity a body may carry (a million million of any unit), and the smallest one above zero: beyond them
 * a quantity is a typing or unit error, and sums of quantities stay exact enough and finite.
 */
export const MAX_QUANTITY = 1e12;
export const MIN_QUANTITY = 1e-9;

/** A finite quantity with at most 15 significant digits, zero or between MIN_QUANTITY and MAX_QUANTITY in size. */
export const quantityField = z
  .number()
  .refine((n) => Number.isFinite(n), 'must be a finite number')
  .refine((n) => significantDigits(n) <= 15, 'has more than 15 significant digits')
  .refine((n) => Math.abs(n) <= MAX_QUANTITY, `must be at most ${MAX_QUANTITY} in size`)
  .refine((n) => n === 0 || Math.abs(n) >= MIN_QUANTITY, `must be zero or at least ${MIN_QUANTITY} in size`);

/**
 * A measured value or a limit judged with one (specification limits, target, frozen limits): finite and at most
 * MAX_MAGNITUDE in size, under which each chart statistic stays finite.
 */
export const measuredValue = z.number().refine(withinBound, BOUND_MESSAGE);

/** A quantity greater than zero. */
export const positiveQuantity = quantityField.refine((n) => n > 0, 'must be greater than zero');

/** A quantity of zero or more. */
export const nonNegativeQuantity = quantityField.refine((n) => n >= 0, 'must not be negative');

/** How many days something is kept: 0 (for ever) to 36 500 (100 years). */
export const retentionDaysField = z.number().int().min(0).max(36_500);

/** The highest revision number of a product: far beyond any plant's, and within every store's integer column. */
export const MAX_REVISION = 1_000_000;

/** A product revision number in a body. */
export const revisionField = z.number().int().min(1).max(MAX_REVISION);
