import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import { ALWAYS_REQUIRED, DEFAULT_POLICIES, MEANINGS, SIGNED_ACTIONS, type Meaning, type SignaturePolicy, type SignedAction } from './signature-actions.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredPolicy extends SignaturePolicy {
  readonly action: SignedAction;
  /** False while the built-in default applies. */
  readonly configured: boolean;
  readonly updatedAt: number | null;
  readonly updatedBy: string | null;
}

const isMeaning = (m: unknown): m is Meaning => (MEANINGS as readonly unknown[]).includes(m);

/** The policy in force for an action: the stored one, else the default. */
export async function findPolicy(db: Db, action: SignedAction): Promise<StoredPolicy> {
  const row = await db.selectFrom('signature_policies').selectAll().where('action', '=', action).executeTakeFirst();
  if (!row) return { action, ...DEFAULT_POLICIES[action], configured: false, updatedAt: null, updatedBy: null };
  const meanings = (JSON.parse(row.meanings) as unknown[]).filter(isMeaning);
  return { action, meanings, witness: row.witness === 1, configured: true, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/** What an action needs under the policy in force: the meanings accepted (those it always needs included) and a witness. */
export interface SignatureRequirement extends SignaturePolicy {
  readonly action: SignedAction;
  /** False when the action needs no signature at all. */
  readonly required: boolean;
}

/**
 * The signatures an action needs now: its policy (stored, else the default) with the meanings it always needs. The one
 * answer to "does this step need a signature", for the check itself and for an interface that must leave a signed step
 * to a person.
 */
export async function signatureRequirement(db: Db, action: SignedAction): Promise<SignatureRequirement> {
  const policy = await findPolicy(db, action);
  const meanings = [...new Set([...policy.meanings, ...(ALWAYS_REQUIRED[action] ?? [])])];
  return { action, meanings, witness: policy.witness, required: meanings.length > 0 || policy.witness };
}

export async function listPolicies(db: Db): Promise<StoredPolicy[]> {
  const out: StoredPolicy[] = [];
  for (const action of SIGNED_ACTIONS) out.push(await findPolicy(db, action));
  return out;
}

export async function upsertPolicy(db: Db, action: SignedAction, policy: SignaturePolicy, by: string, now: number): Promise<void> {
  const values = { meanings: JSON.stringify(policy.meanings), witness: policy.witness ? 1 : 0, updated_at: now, updated_by: by };
  await db.insertInto('signature_policies').values({ action, ...values }).onConflict((oc) => oc.column('action').doUpdateSet(values)).execute();
}
