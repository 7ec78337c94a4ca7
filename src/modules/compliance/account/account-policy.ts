import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import { readWholeNumberSetting, writeSetting } from '../../../platform/store/settings.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

const DAY = 86_400_000;
const MAX_AGE_KEY = 'password_max_age_days';

/** How long a password stays valid, in days, unless an administrator sets otherwise; 0 means no expiry. */
export const DEFAULT_PASSWORD_MAX_AGE_DAYS = 90;

export interface AccountPolicy {
  /** Days after which a password expires and must be changed before its owner can log in or sign; 0: never. */
  readonly passwordMaxAgeDays: number;
}

export async function readAccountPolicy(db: Db): Promise<AccountPolicy> {
  return { passwordMaxAgeDays: await readWholeNumberSetting(db, MAX_AGE_KEY, DEFAULT_PASSWORD_MAX_AGE_DAYS) };
}

export async function writeAccountPolicy(db: Db, policy: AccountPolicy): Promise<void> {
  await writeSetting(db, MAX_AGE_KEY, policy.passwordMaxAgeDays);
}

/** True when the password was set longer ago than the policy allows (a person without a date never expires here). */
export function passwordExpired(person: { readonly passwordChangedAt: number | null }, policy: AccountPolicy, now: number): boolean {
  if (policy.passwordMaxAgeDays === 0 || person.passwordChangedAt === null) return false;
  return now - person.passwordChangedAt > policy.passwordMaxAgeDays * DAY;
}
