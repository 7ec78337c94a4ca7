import { z } from 'zod';

/**
 * Password rules, after NIST SP 800-63B (5.1.1.2): 8 to 200 characters, no composition rules (they make passwords
 * harder to remember, not harder to guess), and not one character repeated. Guessing is stopped by the lockout after
 * 10 failed logins in a row, and age by the policy's expiry.
 */
export const passwordField = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(200)
  .refine((p) => new Set(p).size > 1, 'must not be one character repeated');

/**
 * Every rule a password breaks, as sentences (empty when it is acceptable). The one check behind the API,
 * `takt user add`, TAKT_ADMIN_PASSWORD and password changes.
 */
export function passwordProblems(password: string): string[] {
  const parsed = passwordField.safeParse(password);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
}
