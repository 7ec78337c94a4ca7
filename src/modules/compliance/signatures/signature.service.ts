import { randomUUID } from 'node:crypto';
import { verifyPassword } from '../../../platform/auth/password.js';
import type { CommandContext } from '../../../platform/commands/command.js';
import { violation, type Violation } from '../../../platform/errors/violation.js';
import { findPerson, type Person } from '../../resources/index.js';
import { passwordExpired, readAccountPolicy, type AccountPolicy } from '../account/account-policy.js';
import { resetFailedAttempts } from '../auth/failed-attempts.js';
import { verifyAgainstNobody } from '../auth/login.command.js';
import { recordHash } from './record-hash.js';
import type { Meaning, SignatureInput, SignedAction, Signing } from './signature-actions.js';
import { signatureRequirement } from './signature-policy.repository.js';
import { insertSignature, signedInSession, type SignatureRecord } from './signature.repository.js';
import { recordSignatureFailure } from './signature-failure.command.js';

/** What a command asks the signature service to check: the action, the record, its exact content, the signatures sent. */
export interface SignatureRequest {
  readonly action: SignedAction;
  readonly entity: string;
  readonly entityId: string;
  /** The record content signed (plain JSON): its hash binds the signatures to it. */
  readonly content: unknown;
  readonly signing: Signing;
}

export interface SignatureCheck {
  /** The action's policy asks for a signature (or a witness): the plant made it a signed, regulated act. */
  readonly required: boolean;
  /** SIGNATURE_REQUIRED violations (none when the signatures suffice): list them with the command's other violations. */
  readonly violations: readonly Violation[];
  /** The SHA-256 of the record content: what a client sends back as `recordHash`. */
  readonly recordHash: string;
  /** Stores and journals the signatures; call once every check passed (after refuseIfAny), in the same transaction. */
  apply(): Promise<readonly SignatureRecord[]>;
}

type Verified = { readonly person: Person; readonly reasons: readonly string[] };

/** Checks one credential: the person exists, the password matches, the account is active, not locked, not expired. */
async function verifyCredential(ctx: CommandContext, username: string, password: string, policy: AccountPolicy): Promise<Verified | { person: null; reasons: string[] }> {
  const person = await findPerson(ctx.tx, username);
  if (!person?.passwordHash) {
    await verifyAgainstNobody(password);
    return { person: null, reasons: ['wrong username or password'] };
  }
  if (!(await verifyPassword(person.passwordHash, password))) return { person, reasons: ['wrong username or password'] };
  const reasons = [
    ...(person.locked ? ['the account is locked'] : []),
    ...(!person.active ? ['the account is inactive'] : []),
    ...(passwordExpired(person, policy, ctx.now) ? ['the password expired; change it first'] : []),
  ];
  return { person, reasons };
}

const list = (meanings: readonly Meaning[]): string => meanings.join(' or ');

/**
 * The electronic signature check of a command (21 CFR Part 11), run inside the command's transaction. Finds what the
 * action's policy requires; verifies each signature sent (password by argon2, account active, not locked, password not
 * expired; the signer is the signed-in person, a witness another one; the record hash, when sent, equals the current
 * one); answers every shortfall as SIGNATURE_REQUIRED saying what is missing. A refused signature is journaled and
 * counted against its account after the command rolls back. The first signing in a login session needs the username,
 * later ones only the password (11.200).
 */
export async function checkSignatures(ctx: CommandContext, req: SignatureRequest): Promise<SignatureCheck> {
  const policy = await signatureRequirement(ctx.tx, req.action);
  const { meanings } = policy;
  const hash = recordHash(req.action, req.entity, req.entityId, req.content);
  const { signature, witness } = req.signing;
  const actor = ctx.actor.username;
  const session = ctx.actor.session ?? null;
  const signedBefore = session !== null && (await signedInSession(ctx.tx, session, actor));
  const details = { action: req.action, entity: req.entity, entityId: req.entityId, recordHash: hash, meanings, witness: policy.witness, usernameRequired: !signedBefore };
  const required = (message: string): Violation => violation('SIGNATURE_REQUIRED', message, { field: 'signature', details });

  const missing: string[] = [];
  if ((policy.required || witness) && !signature) missing.push(`a signature${meanings.length > 0 ? ` with meaning ${list(meanings)}` : ''}`);
  if (signature && meanings.length > 0 && !meanings.includes(signature.meaning)) missing.push(`a signature with meaning ${list(meanings)} (not ${signature.meaning})`);
  const signerName = signature ? (signature.username ?? (signedBefore ? actor : undefined)) : undefined;
  if (signature && signerName === undefined) missing.push('the username: the first signature of a login session needs username and password');
  if (policy.witness && !witness) missing.push('a witness signature (meaning witnessed) by a second person');
  if (witness && witness.meaning !== 'witnessed') missing.push(`the witness's meaning witnessed (not ${witness.meaning})`);
  if (witness && witness.username === undefined) missing.push("the witness's username");

  const accountPolicy = await readAccountPolicy(ctx.tx);
  const verified: { role: 'signer' | 'witness'; input: SignatureInput; person: Person }[] = [];
  const failures: Violation[] = [];
  const check = async (role: 'signer' | 'witness', input: SignatureInput, username: string, extra: readonly string[]): Promise<void> => {
    const v = await verifyCredential(ctx, username, input.password, accountPolicy);
    const stale = input.recordHash !== undefined && input.recordHash !== hash ? ['it was given for another record or an earlier version of this one (record hash differs)'] : [];
    const reasons = [...v.reasons, ...extra, ...stale];
    if (reasons.length === 0 && v.person) {
      verified.push({ role, input, person: v.person });
      return;
    }
    failures.push(required(`${role === 'signer' ? 'signature' : 'witness signature'} refused: ${reasons.join('; ')}`));
    ctx.afterRefusal(recordSignatureFailure, { username, role, reasons, action: req.action, entity: req.entity, entityId: req.entityId });
  };
  if (signature && signerName !== undefined) {
    await check('signer', signature, signerName, signerName !== actor ? ['the signer must be the signed-in person'] : []);
  }
  if (witness?.username !== undefined) {
    const same = witness.username === actor || witness.username === signerName;
    await check('witness', witness, witness.username, same ? ['the witness must be a second person, not the signer'] : []);
  }

  const violations = [...(missing.length > 0 ? [required(`${req.action} needs ${missing.join(', and ')}`)] : []), ...failures];
  return {
    required: policy.required,
    violations,
    recordHash: hash,
    apply: async () => {
      if (violations.length > 0) throw new Error('checkSignatures: apply() after a refusal');
      const signerId = randomUUID();
      const stored: SignatureRecord[] = [];
      for (const v of verified) {
        const record: SignatureRecord = {
          id: v.role === 'signer' ? signerId : randomUUID(), at: ctx.now, action: req.action, entity: req.entity, entityId: req.entityId,
          recordHash: hash, signer: v.person.id, printedName: v.person.name, meaning: v.input.meaning, comment: v.input.comment ?? null,
          witnessOf: v.role === 'witness' ? signerId : null,
        };
        await insertSignature(ctx.tx, record, v.role === 'signer' ? session : null);
        await resetFailedAttempts(ctx, v.person);
        ctx.record({
          action: 'signature.signed', entity: req.entity, entityId: req.entityId,
          data: {
            signatureId: record.id, signedAction: record.action, signer: record.signer, printedName: record.printedName, meaning: record.meaning,
            comment: record.comment, signedAt: record.at, recordHash: record.recordHash, witnessOf: record.witnessOf,
          },
        });
        stored.push(record);
      }
      return stored;
    },
  };
}
