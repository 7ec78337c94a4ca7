import { z } from 'zod';

/** Password rules: 10 to 200 characters, letters mixed with digits or symbols. */
export const passwordField = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200)
  .refine((p) => /[A-Za-z]/.test(p) && /[^A-Za-z]/.test(p), 'must mix letters with digits or symbols');

/**
 * Every rule a password breaks, as sentences (empty when it is acceptable). The one check behind the API,
 * `takt user add`, TAKT_ADMIN_PASSWORD and password changes.
 */
export function passwordProblems(password: string): string[] {
  const parsed = passwordField.safeParse(password);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
}
