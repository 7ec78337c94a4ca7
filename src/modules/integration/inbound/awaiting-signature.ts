import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/store/schema.js';
import { signatureRequirement, type Meaning, type SignatureRequirement, type SignedAction } from '../../compliance/signatures/index.js';
import type { AcknowledgeNote } from '../b2mml/index.js';
import type { Where } from './import-problem.js';

/**
 * An item the import took in but whose signed step (an approval, a release) it left undone because a signature policy
 * asks for a signature: an interface never signs, and only a person signs in Takt. Listed in the Acknowledge and in
 * the import's journal event.
 */
export interface AwaitingSignature {
  readonly code: 'AWAITING_SIGNATURE';
  /** The signed action left to a person, and its policy as it stood. */
  readonly action: SignedAction;
  readonly policy: { readonly meanings: readonly Meaning[]; readonly witness: boolean };
  readonly entity: 'product' | 'lot' | 'work-order';
  readonly entityId: string;
  /** The product revision that awaits approval: the revision itself, or the one an order waits for. */
  readonly revision?: number;
  /** The state the item was left in (null: not created) and the one the signed step leads to. */
  readonly from: string | null;
  readonly to: string;
  readonly path: string;
  readonly message: string;
}

/** The requirements of the signed actions, read once per message. */
export type RequirementCache = Map<SignedAction, SignatureRequirement>;

/** The action's requirement when the policy in force asks for a signature, else null (the import does the step). */
export async function signedStep(db: Kysely<Database>, cache: RequirementCache, action: SignedAction): Promise<SignatureRequirement | null> {
  let requirement = cache.get(action);
  if (requirement === undefined) {
    requirement = await signatureRequirement(db, action);
    cache.set(action, requirement);
  }
  return requirement.required ? requirement : null;
}

/** "the lot.release policy asks for a signature with meaning approved, and a witness" */
function policyText(r: SignatureRequirement): string {
  const signature = r.meanings.length > 0 ? `a signature with meaning ${r.meanings.join(' or ')}` : 'a signature';
  return `the ${r.action} policy asks for ${signature}${r.witness ? ' and a witness' : ''}, which only a person gives in Takt`;
}

interface Item {
  readonly entity: AwaitingSignature['entity'];
  readonly entityId: string;
  readonly revision?: number;
  readonly from: string | null;
  readonly to: string;
  /** What happened to the item, before the policy that explains it. */
  readonly what: string;
  /** What a person (or the sender) does next. */
  readonly next: string;
}

export function awaitingSignature(r: SignatureRequirement, item: Item, where: Where): AwaitingSignature {
  const { what, next, ...rest } = item;
  return {
    code: 'AWAITING_SIGNATURE', action: r.action, policy: { meanings: r.meanings, witness: r.witness }, ...rest,
    path: where.path, message: `${what}: ${policyText(r)}; ${next}`,
  };
}

/** The item as the Acknowledge carries it. */
export function acknowledgeNote(a: AwaitingSignature): AcknowledgeNote {
  return { code: a.code, path: a.path, message: a.message, reasonCode: a.action, from: a.from, to: a.to };
}
