import { command } from '../../../platform/commands/command.js';
import { findPerson, lockPerson } from '../../resources/index.js';
import { countFailedAttempt } from '../auth/failed-attempts.js';

/** A refused signature, recorded after the refused command rolled back. */
export interface SignatureFailure {
  /** The account the signature named (or the signed-in person's when it named none). */
  readonly username: string;
  readonly role: 'signer' | 'witness';
  readonly reasons: readonly string[];
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
}

/**
 * Journals a failed signature as `security.signature-failed` and counts it with failed logins against the account it
 * named: the attempt that reaches the limit locks the account and raises `security.alert` (one counter for both).
 */
export const recordSignatureFailure = command('signature.failed', async (ctx, f: SignatureFailure) => {
  await lockPerson(ctx.tx, f.username);
  const person = await findPerson(ctx.tx, f.username);
  const data = { reasons: [...f.reasons], role: f.role, signedAction: f.action, signedEntity: f.entity, signedEntityId: f.entityId };
  if (!person || person.locked) {
    ctx.record({ action: 'security.signature-failed', entity: 'person', entityId: f.username, data });
    return;
  }
  await countFailedAttempt(ctx, person, 'security.signature-failed', data);
});
